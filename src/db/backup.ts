/**
 * `npm run db:dump` and `npm run db:load`: the managed server's graph database to and from one file, with Neo4j's
 * own admin tool. Neo4j Community dumps and loads only a stopped database, so a running server is stopped first
 * and started again (in the background) afterwards. The dump holds the graph, not the users: a loaded folder keeps
 * its own password. Loading first saves the graph it replaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { UserError } from '../errors';
import { ensureInstalled, type Log } from './install';
import { withInstanceLock } from './instance-lock';
import { findJava } from './java';
import { ManagedNeo4j, runningPid, stopRunning } from './managed-neo4j';
import { runAdminTool } from './neo4j-admin';
import { OWNER_ONLY_DIR } from './permissions';

/** `.neo4j/backups` beside the default data folder: `<data folder>/../backups`. */
export function backupsDir(config: Readonly<Config>): string {
  return path.join(path.dirname(config.managedNeo4j.dataDir), 'backups');
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d+Z$/, 'Z');
}

function requireManaged(config: Readonly<Config>, command: string): void {
  if (!config.managed) {
    throw new UserError(
      `NEO4J_URI is set (${config.neo4j.uri}): ${command} works on the managed server only. ` +
        "Back up your own server with its tools (neo4j-admin on its machine, or Aura's snapshots).",
    );
  }
}

const databaseDir = (config: Readonly<Config>, name: string) => path.join(config.managedNeo4j.dataDir, 'data', 'databases', name);

/** Stops the folder's server for `work` if it runs, and starts it again (in the background) afterwards. */
async function whileStopped<T>(config: Readonly<Config>, why: string, log: Log, work: () => Promise<T>): Promise<T> {
  const server = config.managedNeo4j;
  const pid = runningPid(server.dataDir);
  if (pid !== undefined) {
    log(`Neo4j (pid ${pid}) is running: stopping it for ${why} (Neo4j Community does this on a stopped database only).`);
    await stopRunning(server, log);
  }
  try {
    return await work();
  } finally {
    if (pid !== undefined) {
      log('Starting Neo4j again...');
      const { server: restarted } = await ManagedNeo4j.start({ server, connection: config.neo4j, log }, { detached: true });
      log(`Neo4j runs again, in the background, on ${restarted.boltUri} (npm run db:stop stops it).`);
    }
  }
}

/** Dumps the (stopped) database to `target`: into a partial folder beside it first, renamed once complete. */
async function dumpStopped(java: string, config: Readonly<Config>, target: string, log: Log): Promise<string> {
  const database = config.neo4j.database;
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: OWNER_ONLY_DIR });
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { mode: OWNER_ONLY_DIR });
  try {
    log(`Dumping database '${database}' to ${target}...`);
    await runAdminTool(java, config.managedNeo4j, ['database', 'dump', database, `--to-path=${partial}`]);
    fs.renameSync(path.join(partial, `${database}.dump`), target);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  log(`Dumped: ${target} (${(fs.statSync(target).size / 1e6).toFixed(1)} MB).`);
  return target;
}

/** Dumps the database to `file` (default: a new file in backupsDir) and returns its path. */
export async function dumpDatabase(config: Readonly<Config>, file: string | undefined, log: Log): Promise<string> {
  requireManaged(config, 'db:dump');
  const database = config.neo4j.database;
  const target = path.resolve(file ?? path.join(backupsDir(config), `${database}-${timestamp()}.dump`));
  return withInstanceLock(config.managedNeo4j.dataDir, { what: 'dumping the database', log }, async () => {
    if (!fs.existsSync(databaseDir(config, database))) {
      throw new UserError(`There is no database '${database}' in ${config.managedNeo4j.dataDir} to dump yet: start the server once (npm start).`);
    }
    const java = findJava(config.managedNeo4j.javaHome);
    await ensureInstalled(config.managedNeo4j.distDir, log);
    return whileStopped(config, 'the dump', log, () => dumpStopped(java.executable, config, target, log));
  });
}

export interface LoadResult {
  /** The graph the load replaced, dumped first (undefined when the folder had none). */
  previous: string | undefined;
}

/** Replaces the database by the dump in `file`, after dumping the graph it replaces. */
export async function loadDatabase(config: Readonly<Config>, file: string, log: Log): Promise<LoadResult> {
  requireManaged(config, 'db:load');
  const database = config.neo4j.database;
  const source = path.resolve(file);
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) throw new UserError(`No dump file at ${source}.`);
  return withInstanceLock(config.managedNeo4j.dataDir, { what: 'loading a dump', log }, async () => {
    if (!fs.existsSync(databaseDir(config, 'system'))) {
      log('This data folder is new: starting Neo4j once to create it...');
      await ManagedNeo4j.start({ server: config.managedNeo4j, connection: config.neo4j, log }, { detached: true });
    }
    const java = findJava(config.managedNeo4j.javaHome).executable;
    return whileStopped(config, 'the load', log, async () => {
      const previous = fs.existsSync(databaseDir(config, database))
        ? await dumpStopped(java, config, path.join(backupsDir(config), `${database}-before-load-${timestamp()}.dump`), log)
        : undefined;
      log(`Loading ${source} into database '${database}'...`);
      await runAdminTool(java, config.managedNeo4j, ['database', 'load', database, '--from-stdin', '--overwrite-destination=true'], {
        stdin: source,
      });
      log(`Loaded: database '${database}' now holds the graph of ${source}${previous ? ` (the graph it replaced is in ${previous})` : ''}.`);
      return { previous };
    });
  });
}
