/**
 * One process at a time decides what happens to a managed data folder: starting its server, stopping it, dumping or
 * loading its database. Two `npm start` run from cold on the same folder would otherwise both launch a Neo4j on it.
 * The lock is a file created with O_EXCL that names its holder; a holder that died (kill -9) leaves a stale file,
 * which the next process removes.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import type { Log } from './install';
import { delay, isAlive } from '../java/processes';

/** The locks held by the work running now: a holder may nest (db:load starts the server it stopped). */
const heldHere = new AsyncLocalStorage<ReadonlySet<string>>();

export function lockFile(dataDir: string): string {
  return path.join(dataDir, 'run', 'instance.lock');
}

interface Holder {
  pid: number;
  what: string;
}

function readHolder(file: string): { text: string; holder: Holder | undefined } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // released meanwhile
  }
  try {
    return { text, holder: JSON.parse(text) as Holder };
  } catch {
    return { text, holder: undefined }; // being written, or left half-written by a crash
  }
}

function isStale(file: string, holder: Holder | undefined): boolean {
  if (holder) return !isAlive(holder.pid);
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 5_000;
  } catch {
    return false;
  }
}

/** Removes a stale lock unless another process replaced it meanwhile (then that one is put back). */
function removeStale(file: string, staleText: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  if (readHolder(aside)?.text !== staleText) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // a third process holds it now: it wins
    }
  }
  fs.rmSync(aside, { force: true });
}

export interface LockOptions {
  /** What the holder is doing, for the messages of those who wait ("starting Neo4j", "dumping the database"). */
  what: string;
  log: Log;
  /** How long to wait for another holder before giving up. */
  waitMs?: number;
}

/** Runs `work` holding the data folder's lock, waiting for another holder to finish first. */
export async function withInstanceLock<T>(dataDir: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const { what, log, waitMs = 10 * 60_000 } = options;
  const file = lockFile(dataDir);
  const held = heldHere.getStore() ?? new Set<string>();
  if (held.has(file)) return work();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, what } satisfies Holder), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = readHolder(file);
    if (!seen) continue;
    if (isStale(file, seen.holder)) {
      removeStale(file, seen.text);
      continue;
    }
    const who = seen.holder ? `another process (pid ${seen.holder.pid}, ${seen.holder.what})` : 'another process';
    if (Date.now() > deadline) {
      throw new UserError(
        `The data folder ${dataDir} is still in use by ${who} after ${Math.round(waitMs / 1000)} s. ` +
          `Wait for it to finish, or stop it; if no such process runs, delete ${file}.`,
      );
    }
    if (!announced) {
      log(`Waiting for ${who} to finish with ${dataDir}...`);
      announced = true;
    }
    await delay(200);
  }
  try {
    return await heldHere.run(new Set([...held, file]), work);
  } finally {
    fs.rmSync(file, { force: true });
  }
}
