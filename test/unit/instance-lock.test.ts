/**
 * The data folder's lock: one holder at a time across processes, a dead holder's lock taken over, nesting allowed
 * within one holder's work. (Two real `npm start` on one folder: lifecycle.test.ts.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { lockFile, withInstanceLock } from '../../src/db/instance-lock';

const LOCK_MODULE = path.join(PROJECT_ROOT, 'src/db/instance-lock.ts');

describe('the data folder lock', () => {
  let dataDir: string;
  let lines: string[];
  const log = (line: string) => lines.push(line);
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-lock-'));
    lines = [];
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('makes another process wait until the holder is done, saying who holds it', async () => {
    // The other process holds the lock until it reads a line on stdin.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `require(${JSON.stringify(LOCK_MODULE)}).withInstanceLock(${JSON.stringify(dataDir)}, { what: 'starting Neo4j', log: () => {} },
           () => new Promise((done) => { console.log('holding'); process.stdin.once('data', done); })).then(() => process.exit(0))`,
      ],
      { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    const order: string[] = [];
    const waiting = withInstanceLock(dataDir, { what: 'dumping', log }, async () => void order.push('ours'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    order.push('released');
    holder.stdin!.write('go\n');
    await waiting;
    await new Promise((resolve) => (holder.exitCode === null ? holder.once('exit', resolve) : resolve(undefined)));
    expect(order).toEqual(['released', 'ours']);
    expect(lines).toEqual([`Waiting for another process (pid ${holder.pid}, starting Neo4j) to finish with ${dataDir}...`]);
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
  });

  it('takes over the lock of a holder that died without releasing it', async () => {
    fs.mkdirSync(path.dirname(lockFile(dataDir)), { recursive: true });
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    fs.writeFileSync(lockFile(dataDir), JSON.stringify({ pid: dead.pid, what: 'starting Neo4j' }));
    await expect(withInstanceLock(dataDir, { what: 'starting Neo4j', log }, async () => 'ran')).resolves.toBe('ran');
    expect(lines).toEqual([]);
  });

  it('serialises two holders in one process, and lets a holder nest', async () => {
    const order: string[] = [];
    const first = withInstanceLock(dataDir, { what: 'first', log }, async () => {
      order.push('first in');
      await withInstanceLock(dataDir, { what: 'nested', log }, async () => void order.push('nested'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      order.push('first out');
    });
    const second = withInstanceLock(dataDir, { what: 'second', log }, async () => void order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'nested', 'first out', 'second']);
  });

  it('gives up after its wait with a message naming the holder and the lock file', async () => {
    fs.mkdirSync(path.dirname(lockFile(dataDir)), { recursive: true });
    fs.writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.ppid, what: 'loading a dump' }));
    await expect(withInstanceLock(dataDir, { what: 'starting Neo4j', log, waitMs: 300 }, async () => 'ran')).rejects.toThrow(
      `The data folder ${dataDir} is still in use by another process (pid ${process.ppid}, loading a dump) after 0 s. ` +
        `Wait for it to finish, or stop it; if no such process runs, delete ${lockFile(dataDir)}.`,
    );
  });
});
