/** The managed server's generated password: how it is made and kept, and how the user learns it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guideHtml } from '../../src/browser/guide';
import { PROJECT_ROOT } from '../../src/config';
import { ensurePassword, generatePassword, LEGACY_DEFAULT_PASSWORD, passwordFile, readPassword } from '../../src/db/password';

describe('the generated password', () => {
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-password-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('is 192 random bits in characters that need no quoting, never with a leading dash (neo4j-admin reads it as an option)', () => {
    // One password in 64 would start with '-': 2,000 of them show the rule holds.
    const passwords = new Set(Array.from({ length: 2000 }, generatePassword));
    expect(passwords.size).toBe(2000);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{31}$/);
  });

  it('is made once per data folder, in a file only its owner can read, in a folder only its owner can enter', () => {
    const dataDir = path.join(scratch, 'instance');
    expect(readPassword(dataDir)).toBeUndefined();
    const password = ensurePassword(dataDir);
    expect(ensurePassword(dataDir)).toBe(password);
    expect(readPassword(dataDir)).toBe(password);
    expect(fs.statSync(passwordFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(dataDir)).toEqual(['password']); // no partial file left
  });

  it('keeps a password already there', () => {
    fs.writeFileSync(passwordFile(scratch), 'chosen-before\n', { mode: 0o600 });
    expect(ensurePassword(scratch)).toBe('chosen-before');
  });
});

describe('what the user reads about the password', () => {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

  it('prints no password anywhere, and says how to get the generated one', () => {
    expect(readme).not.toContain(LEGACY_DEFAULT_PASSWORD);
    expect(readme).toContain('npm run db:password');
    expect(guideHtml()).toContain('npm run db:password');
    expect(fs.readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8')).not.toContain(LEGACY_DEFAULT_PASSWORD);
  });

  it('has a Security section', () => {
    expect(readme).toMatch(/^## Security$/m);
  });
});
