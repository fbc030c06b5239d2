/**
 * The managed local Neo4j: one JVM running Neo4j's own entry point from the jars that install.ts resolved.
 * Holding the data folder's lock, it checks the ports, writes neo4j.conf, sets the generated password once, starts
 * the server (attached to this process, or detached for `npm run db:start`) or attaches to the one already running,
 * waits until Bolt answers, and stops it on request, on exit, Ctrl-C and SIGTERM. The folder is owner-only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { ManagedNeo4jConfig, Neo4jConnectionConfig } from '../config';
import { UserError } from '../errors';
import { assertPortFree } from '../java/ports';
import { delay, exitOf, isAlive, killWithThisProcess, lastLines, terminate, waitForExit } from '../java/processes';
import { styleCommand } from '../browser/grass';
import { ensureInstalled, type Log } from './install';
import { withInstanceLock } from './instance-lock';
import { findJava } from './java';
import { setInitialPassword } from './neo4j-admin';
import { adoptGeneratedPassword, ensurePassword, passwordFile, readPassword } from './password';
import { makeOwnerOnly, OWNER_ONLY_DIR, OWNER_ONLY_FILE, withOwnerOnlyUmask } from './permissions';

export interface ManagedNeo4jOptions {
  server: ManagedNeo4jConfig;
  /**
   * User and database to create on first start and to probe Bolt with; the password is NEO4J_PASSWORD's, or, when
   * that is unset (`server.generatedPassword`), the folder's generated one, which `start` reads or creates.
   */
  connection: Neo4jConnectionConfig;
  log: Log;
}

export interface StartResult {
  server: ManagedNeo4j;
  /** False when a server of this data folder was already running (started by `npm run db:start`). */
  startedHere: boolean;
}

/** Settings Neo4j would leave unbounded or unsafe for a local server; unknown keys abort start-up. */
export function neo4jConf(server: ManagedNeo4jConfig, connection: Neo4jConnectionConfig): string {
  const { dataDir, distDir } = server;
  const settings: Record<string, string> = {
    'server.default_listen_address': '127.0.0.1',
    'server.default_advertised_address': 'localhost',
    'server.bolt.listen_address': `127.0.0.1:${server.boltPort}`,
    'server.bolt.advertised_address': `localhost:${server.boltPort}`,
    'server.http.listen_address': `127.0.0.1:${server.httpPort}`,
    'server.http.advertised_address': `localhost:${server.httpPort}`,
    // Neo4j answers CORS preflights from any origin by default ('*'), so any web page could send Cypher to it:
    // only Neo4j Browser's own origin may (its requests are same-origin anyway, unless opened as localhost).
    'dbms.security.http_access_control_allow_origin': `http://localhost:${server.httpPort}`,
    'server.https.enabled': 'false',
    'server.directories.data': path.join(dataDir, 'data'),
    'server.directories.logs': path.join(dataDir, 'logs'),
    'server.directories.import': path.join(dataDir, 'import'),
    'server.directories.run': path.join(dataDir, 'run'),
    'server.directories.lib': path.join(distDir, 'lib'),
    'server.directories.plugins': path.join(distDir, 'plugins'),
    'server.memory.heap.initial_size': server.heapSize,
    'server.memory.heap.max_size': server.heapSize,
    'server.memory.pagecache.size': server.pageCacheSize,
    'initial.dbms.default_database': connection.database,
    'dbms.security.auth_enabled': 'true',
    'dbms.usage_report.enabled': 'false',
    'db.transaction.timeout': server.transactionTimeout,
    'db.memory.transaction.max': server.transactionMemory,
    // Neo4j Browser applies the project's style at every connect (browser/style.grass, as one-line JSON).
    'browser.post_connect_cmd': styleCommand(),
    'client.allow_telemetry': 'false',
  };
  return (
    '# Written by src/db/managed-neo4j.ts at every start: edit the environment variables, not this file.\n' +
    Object.entries(settings)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n') +
    '\n'
  );
}

function jvmArgs(server: ManagedNeo4jConfig): string[] {
  const { dataDir, distDir } = server;
  return [
    `-Xms${server.heapSize}`,
    `-Xmx${server.heapSize}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    // The data folder on the command line is how a pid is recognised as this instance's server.
    `-Ddiplomatic.graph.instance=${dataDir}`,
    '-cp',
    // Plugins on the class path too, as Neo4j's own launcher does: APOC's extensions load from it.
    `${path.join(distDir, 'plugins', '*')}${path.delimiter}${path.join(distDir, 'lib', '*')}`,
  ];
}

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

const pidFile = (dataDir: string) => path.join(dataDir, 'run', 'neo4j.pid');
const consoleLog = (dataDir: string) => path.join(dataDir, 'logs', 'console.log');

/** The pid of this data folder's running server, if any (a stale pid file is ignored). */
export function runningPid(dataDir: string): number | undefined {
  const pid = readPid(dataDir);
  return pid !== undefined && isOurServer(pid, dataDir) ? pid : undefined;
}

function readPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isOurServer(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(ENTRY_POINT) && cmdline.includes(`-Ddiplomatic.graph.instance=${dataDir}\0`);
  } catch {
    return true; // No /proc (macOS): trust the pid file.
  }
}

export class ManagedNeo4j {
  private exitedPromise: Promise<void> | undefined;

  private constructor(
    readonly options: ManagedNeo4jOptions,
    readonly pid: number,
    private readonly child: ChildProcess | undefined,
  ) {}

  /** Settles when the server process is gone (polls the pid of a server this process did not launch). */
  private get exited(): Promise<void> {
    const child = this.child;
    this.exitedPromise ??= child ? exitOf(child) : waitForExit(this.pid);
    return this.exitedPromise;
  }

  get boltUri(): string {
    return `bolt://127.0.0.1:${this.options.server.boltPort}`;
  }

  get browserUrl(): string {
    return `http://localhost:${this.options.server.httpPort}/browser/`;
  }

  /** The credentials this server accepts (the generated password, or NEO4J_PASSWORD). */
  get connection(): Neo4jConnectionConfig {
    return this.options.connection;
  }

  /**
   * Starts the server, or attaches to the one already running on this data folder. With `detached`, the server
   * outlives this process (`npm run db:start`); otherwise it is stopped when this process exits. Another process
   * starting a server on the same folder is waited for, then attached to.
   */
  static async start(options: ManagedNeo4jOptions, { detached = false } = {}): Promise<StartResult> {
    const { server, log } = options;
    if (options.connection.username !== 'neo4j') {
      throw new UserError(
        `The managed Neo4j server has the single user 'neo4j'; NEO4J_USERNAME is '${options.connection.username}'. ` +
          'Unset NEO4J_USERNAME, or set NEO4J_URI to use your own server.',
      );
    }
    return withInstanceLock(server.dataDir, { what: 'starting Neo4j', log }, async () => {
      const password = server.generatedPassword ? ensurePassword(server.dataDir) : options.connection.password;
      const withPassword = { ...options, connection: { ...options.connection, password } };
      makeOwnerOnly(server.dataDir);
      const existing = runningPid(server.dataDir);
      if (existing !== undefined) {
        const attached = new ManagedNeo4j(withPassword, existing, undefined);
        await attached.waitUntilReady(Date.now() + server.startTimeoutMs);
        return { server: attached, startedHere: false };
      }
      return { server: await ManagedNeo4j.launch(withPassword, detached), startedHere: true };
    });
  }

  private static async launch(options: ManagedNeo4jOptions, detached: boolean): Promise<ManagedNeo4j> {
    const { server, connection, log } = options;
    const java = findJava(server.javaHome);
    await assertPortFree(server.boltPort, 'Neo4j Bolt', 'NEO4J_BOLT_PORT');
    await assertPortFree(server.httpPort, 'Neo4j HTTP and Browser', 'NEO4J_HTTP_PORT');
    await ensureInstalled(server.distDir, log);

    for (const sub of ['conf', 'data', 'logs', 'run', 'import']) {
      fs.mkdirSync(path.join(server.dataDir, sub), { recursive: true, mode: OWNER_ONLY_DIR });
    }
    const confDir = path.join(server.dataDir, 'conf');
    const confFile = path.join(confDir, 'neo4j.conf');
    fs.writeFileSync(confFile, neo4jConf(server, connection), { mode: OWNER_ONLY_FILE });
    fs.chmodSync(confFile, OWNER_ONLY_FILE);
    if (!fs.existsSync(path.join(server.dataDir, 'data', 'databases', 'system'))) {
      setInitialPassword(java.executable, server, connection.password);
    }

    const out = fs.openSync(consoleLog(server.dataDir), 'a', OWNER_ONLY_FILE);
    const started = Date.now();
    log(`Starting Neo4j on ${`bolt://127.0.0.1:${server.boltPort}`} (data in ${server.dataDir})...`);
    // umask 077: the logs, store and auth files Neo4j creates are owner-only too.
    const child = withOwnerOnlyUmask(() =>
      spawn(
        java.executable,
        [...jvmArgs(server), ENTRY_POINT, `--home-dir=${server.dataDir}`, `--config-dir=${confDir}`, '--console-mode'],
        { cwd: server.dataDir, detached, stdio: ['ignore', out, out] },
      ),
    );
    fs.closeSync(out);
    if (child.pid === undefined) throw new UserError(`Could not launch ${java.executable}.`);
    fs.writeFileSync(pidFile(server.dataDir), `${child.pid}\n`, { mode: OWNER_ONLY_FILE });
    const instance = new ManagedNeo4j(options, child.pid, child);
    if (detached) {
      child.unref();
    } else {
      instance.stopWithThisProcess();
    }
    try {
      await instance.waitUntilReady(started + server.startTimeoutMs);
    } catch (error) {
      await instance.stop();
      throw error;
    }
    log(`Neo4j is up in ${((Date.now() - started) / 1000).toFixed(1)} s; Neo4j Browser: ${instance.browserUrl}`);
    return instance;
  }

  /** Stops the server and waits until its process is gone (SIGKILL after 30 s). Safe to call twice. */
  async stop(): Promise<void> {
    const { dataDir } = this.options.server;
    // Another process may have stopped and restarted this folder's server meanwhile (npm run db:dump): that one is not ours.
    if (isOurServer(this.pid, dataDir)) {
      this.options.log('Stopping Neo4j...');
      await terminate(this.pid, this.exited, 30_000);
    }
    if (readPid(dataDir) === this.pid) fs.rmSync(pidFile(dataDir), { force: true });
  }

  /**
   * Resolves once the database answers with this folder's password. A folder still on the old default password
   * moves to the generated one here.
   */
  private async waitUntilReady(deadline: number): Promise<void> {
    try {
      await this.waitForBolt(deadline);
    } catch (error) {
      if (!(error instanceof PasswordRefused)) throw error;
      const { server, connection, log } = this.options;
      if (!server.generatedPassword || !(await adoptGeneratedPassword(this.boltUri, connection.username, connection.password))) {
        throw new UserError(passwordRefusedMessage(server));
      }
      log(
        `This data folder still had the old default password, which was printed in the README: it now has a ` +
          `generated one, in ${passwordFile(server.dataDir)} (npm run db:password shows it).`,
      );
      await this.waitForBolt(deadline);
    }
  }

  /**
   * Resolves once the configured database answers a query over Bolt (Bolt opens before the default database is
   * ready on a first start); fails early if the JVM exits or the password is refused.
   */
  private async waitForBolt(deadline: number): Promise<void> {
    const { connection, server } = this.options;
    const driver = neo4j.driver(this.boltUri, neo4j.auth.basic(connection.username, connection.password), {
      connectionTimeout: 2_000,
      maxConnectionPoolSize: 1,
      logging: { level: 'error', logger: () => undefined },
    });
    try {
      for (;;) {
        const session = driver.session({ database: connection.database });
        try {
          await session.run('RETURN 1', {}, { timeout: 2_000 });
          return;
        } catch (error) {
          if ((error as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') throw new PasswordRefused();
        } finally {
          await session.close();
        }
        const log = consoleLog(server.dataDir);
        if (!isAlive(this.pid)) {
          throw new UserError(`Neo4j stopped while starting. The last lines of ${log}:\n${lastLines(log, 15)}`);
        }
        if (Date.now() > deadline) {
          throw new UserError(
            `Neo4j did not answer on ${this.boltUri} within ${server.startTimeoutMs / 1000} s ` +
              `(NEO4J_START_TIMEOUT). The last lines of ${log}:\n${lastLines(log, 15)}`,
          );
        }
        await delay(250);
      }
    } finally {
      await driver.close();
    }
  }

  /** An attached server must not outlive this process, however it ends. */
  private stopWithThisProcess(): void {
    killWithThisProcess(this.pid, this.exited);
  }
}

/** `npm run db:stop`: stops the server of this data folder, if one runs. Returns false when none was running. */
export async function stopRunning(server: ManagedNeo4jConfig, log: Log): Promise<boolean> {
  return withInstanceLock(server.dataDir, { what: 'stopping Neo4j', log }, async () => {
    const pid = runningPid(server.dataDir);
    if (pid === undefined) return false;
    log(`Stopping Neo4j (pid ${pid})...`);
    await terminate(pid, waitForExit(pid), 30_000);
    fs.rmSync(pidFile(server.dataDir), { force: true });
    return true;
  });
}

/** Thrown by the Bolt probe when the server refuses the password (the caller knows what to try next). */
class PasswordRefused extends Error {}

function passwordRefusedMessage(server: ManagedNeo4jConfig): string {
  const where = `The managed Neo4j in ${server.dataDir}`;
  if (server.generatedPassword) {
    return (
      `${where} refused its generated password (${passwordFile(server.dataDir)}) and the old default one: its password ` +
      'was set otherwise (with NEO4J_PASSWORD, when the folder was created?). Set NEO4J_PASSWORD to it, or delete the folder to start afresh.'
    );
  }
  if (readPassword(server.dataDir) !== undefined) {
    return `${where} refused NEO4J_PASSWORD: that folder has a generated password (npm run db:password shows it). Unset NEO4J_PASSWORD.`;
  }
  return (
    `${where} refused NEO4J_PASSWORD: the password was set when that folder was first started, and NEO4J_PASSWORD ` +
    'has changed since. Set NEO4J_PASSWORD back, or delete the folder to start afresh.'
  );
}
