/**
 * The managed server's password: generated at random when its data folder is first used, kept in the folder's
 * `password` file (owner-only), and read by every entry point. NEO4J_PASSWORD, when set, is used instead.
 * Folders created before passwords were generated used a fixed one printed in the README: they move to a
 * generated password at their next start (see `adoptGeneratedPassword`).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { UserError } from '../errors';

/** The password every managed data folder had before passwords were generated (it was printed in the README). */
export const LEGACY_DEFAULT_PASSWORD = 'diplomatic-graph-local';

export function passwordFile(dataDir: string): string {
  return path.join(dataDir, 'password');
}

export function readPassword(dataDir: string): string | undefined {
  try {
    const password = fs.readFileSync(passwordFile(dataDir), 'utf8').trim();
    return password === '' ? undefined : password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`Cannot read the Neo4j password in ${passwordFile(dataDir)}: ${(error as Error).message}`);
  }
}

/**
 * 24 random bytes in base64url: 192 bits, and only characters that need no quoting in a shell or a URL. Never a
 * leading '-': neo4j-admin would read such a password as an option ("Missing required parameter: '<password>'").
 */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(24).toString('base64url');
    if (!password.startsWith('-')) return password;
  }
}

/**
 * The folder's password, generated and written (mode 0600) if it has none. Written with O_EXCL, so two processes
 * racing on a new folder agree on one password.
 */
export function ensurePassword(dataDir: string): string {
  const existing = readPassword(dataDir);
  if (existing !== undefined) return existing;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = passwordFile(dataDir);
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, `${generatePassword()}\n`, { mode: 0o600 });
  try {
    fs.linkSync(partial, file); // fails if another process wrote it first: theirs wins
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return readPassword(dataDir)!;
}

/**
 * A folder still on the old default password: logs in with it and replaces it by `password` (the generated one).
 * Returns false if the server refuses the old default too.
 */
export async function adoptGeneratedPassword(boltUri: string, username: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(boltUri, neo4j.auth.basic(username, LEGACY_DEFAULT_PASSWORD), {
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    await driver.executeQuery(
      'ALTER CURRENT USER SET PASSWORD FROM $old TO $new',
      { old: LEGACY_DEFAULT_PASSWORD, new: password },
      // Its own bound: the server's default one is for queries, and a server just started can be slow.
      { database: 'system', transactionConfig: { timeout: 60_000 } },
    );
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') return false;
    throw error;
  } finally {
    await driver.close();
  }
}
