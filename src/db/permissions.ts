/**
 * The managed data folder holds the password (in clear in `password`, hashed in auth.ini), the configuration, the
 * logs (queries included) and the store: only its owner may read any of it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const OWNER_ONLY_DIR = 0o700;
export const OWNER_ONLY_FILE = 0o600;

/** Makes `dir` and everything under it owner-only (folders 0700, files 0600): also tightens folders made before. */
export function makeOwnerOnly(dir: string): void {
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== OWNER_ONLY_DIR) fs.chmodSync(dir, OWNER_ONLY_DIR);
    for (const entry of fs.readdirSync(dir)) makeOwnerOnly(path.join(dir, entry));
  } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
    fs.chmodSync(dir, stat.mode & 0o700);
  }
}

/**
 * Runs `launch` (which spawns a process synchronously) with umask 077, so that what that process creates later
 * (logs, store files, auth.ini) is owner-only too. The child inherits the umask at spawn; ours is restored at once.
 */
export function withOwnerOnlyUmask<T>(launch: () => T): T {
  const previous = process.umask(0o077);
  try {
    return launch();
  } finally {
    process.umask(previous);
  }
}
