/**
 * A managed data folder, through the real npm scripts: its generated password (`db:password`), the move of a folder
 * made with the old default password to a generated one, owner-only files, and the restore drill (`db:dump`, wipe,
 * `db:load`, the same graph).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/connect';
import { LEGACY_DEFAULT_PASSWORD } from '../src/db/password';
import { runEntry, STACK_LINE, type Finished } from './support/entry-points';
import { emptyGraph, graphSnapshot, seededGraph } from './support/graph';
import { eventually, neo4jServersOf } from './support/processes';
import { freePort, managedEnv } from './support/test-neo4j';

const DB = 'src/cli/db.ts';
/** Several Neo4j starts each, on a machine shared with other test runs. */
const SLOW = 1_500_000;

function expectSuccess(result: Finished): void {
  if (result.code !== 0) throw new Error(`exit code ${result.code}:\n${result.stdout}\n${result.stderr}`);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

function connect(boltPort: string, password: string): Driver {
  return createDriver({ uri: `bolt://127.0.0.1:${boltPort}`, username: 'neo4j', password, database: 'neo4j' });
}

async function refuses(boltPort: string, password: string): Promise<boolean> {
  const driver = connect(boltPort, password);
  try {
    await driver.executeQuery('RETURN 1');
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized';
  } finally {
    await driver.close();
  }
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** Every file and folder under `dir` that anyone but its owner may read, write or enter. */
function notOwnerOnly(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => path.join(entry.parentPath, entry.name))
    .concat(dir)
    .filter((file) => !fs.lstatSync(file).isSymbolicLink() && (fs.statSync(file).mode & 0o077) !== 0)
    .map((file) => `${path.relative(dir, file) || '.'} ${mode(file).toString(8)}`);
}

describe('a managed data folder', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-folder-'));
  const started: Array<Record<string, string>> = [];
  afterAll(async () => {
    for (const env of started) {
      for (const pid of neo4jServersOf(env.NEO4J_DATA_DIR)) process.kill(pid, 'SIGKILL');
      await eventually(() => neo4jServersOf(env.NEO4J_DATA_DIR).length === 0, 10_000);
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function freshEnv(name: string): Promise<Record<string, string>> {
    const env = managedEnv({ dataDir: path.join(scratch, name), boltPort: await freePort(), httpPort: await freePort() });
    started.push(env);
    return env;
  }

  it(
    'gets a generated password, owner-only, shown by db:password, and the old default password is refused',
    async () => {
      const env = await freshEnv('generated');
      expectSuccess(await runEntry(DB, ['start'], env));
      const shown = await runEntry(DB, ['password'], env);
      expectSuccess(shown);
      const password = shown.stdout.trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const file = path.join(env.NEO4J_DATA_DIR, 'password');
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(password);
      expect(mode(file)).toBe(0o600);
      expect(shown.stderr).toContain(`user neo4j, Neo4j Browser http://localhost:${env.NEO4J_HTTP_PORT}/browser/`);

      const driver = connect(env.NEO4J_BOLT_PORT, password);
      try {
        expect((await driver.executeQuery('RETURN 1 AS one')).records[0].get('one')).toBe(1);
      } finally {
        await driver.close();
      }
      expect(await refuses(env.NEO4J_BOLT_PORT, LEGACY_DEFAULT_PASSWORD)).toBe(true);
      // NEO4J_PASSWORD still overrides, and a wrong one gets a message saying where the right one is.
      const overridden = await runEntry('src/cli/seed.ts', [], { ...env, NEO4J_PASSWORD: 'not-this-one' });
      expect(overridden.code).toBe(1);
      expect(overridden.stderr).toContain('refused NEO4J_PASSWORD: that folder has a generated password (npm run db:password shows it).');
      expectSuccess(await runEntry(DB, ['stop'], env));
    },
    SLOW,
  );

  it(
    'moves a folder made with the old default password to a generated one, and makes its files owner-only',
    async () => {
      const env = await freshEnv('legacy');
      // A folder as the project made them before: the README's password, files readable by all.
      expectSuccess(await runEntry(DB, ['start'], { ...env, NEO4J_PASSWORD: LEGACY_DEFAULT_PASSWORD }));
      expectSuccess(await runEntry(DB, ['stop'], { ...env, NEO4J_PASSWORD: LEGACY_DEFAULT_PASSWORD }));
      expect(fs.existsSync(path.join(env.NEO4J_DATA_DIR, 'password'))).toBe(false);
      for (const file of [env.NEO4J_DATA_DIR, path.join(env.NEO4J_DATA_DIR, 'conf'), path.join(env.NEO4J_DATA_DIR, 'logs')]) fs.chmodSync(file, 0o755);
      for (const file of ['conf/neo4j.conf', 'data/dbms/auth.ini', 'logs/console.log']) {
        if (fs.existsSync(path.join(env.NEO4J_DATA_DIR, file))) fs.chmodSync(path.join(env.NEO4J_DATA_DIR, file), 0o644);
      }
      expect(notOwnerOnly(env.NEO4J_DATA_DIR)).not.toEqual([]);

      const upgraded = await runEntry(DB, ['start'], env);
      expectSuccess(upgraded);
      expect(upgraded.stdout).toContain('This data folder still had the old default password, which was printed in the README: it now has a generated one');
      const password = fs.readFileSync(path.join(env.NEO4J_DATA_DIR, 'password'), 'utf8').trim();
      expect(await refuses(env.NEO4J_BOLT_PORT, LEGACY_DEFAULT_PASSWORD)).toBe(true);
      expect(await refuses(env.NEO4J_BOLT_PORT, password)).toBe(false);
      expect(notOwnerOnly(env.NEO4J_DATA_DIR)).toEqual([]);
      expectSuccess(await runEntry(DB, ['stop'], env));
    },
    SLOW,
  );

  it(
    'survives the restore drill: dump, wipe, load give back the same graph, schema included',
    async () => {
      const env = await freshEnv('drill');
      expectSuccess(await runEntry(DB, ['start'], env));
      const password = (await runEntry(DB, ['password'], env)).stdout.trim();
      const schema = async (driver: Driver) =>
        (await driver.executeQuery('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name')).records.map((record) =>
          record.toObject(),
        );
      let driver = connect(env.NEO4J_BOLT_PORT, password);
      await seededGraph(driver);
      const before = await graphSnapshot(driver);
      const schemaBefore = await schema(driver);
      await driver.close();
      expect(before.nodes).toBeGreaterThan(50);

      // The dump stops the running server (Community dumps a stopped database only) and starts it again.
      const dumpFile = path.join(scratch, 'drill.dump');
      const dumped = await runEntry(DB, ['dump', dumpFile], env);
      expectSuccess(dumped);
      expect(dumped.stdout).toContain('is running: stopping it for the dump');
      expect(dumped.stdout).toContain(`Dumped: ${dumpFile}`);
      expect(mode(dumpFile)).toBe(0o600);
      expect(neo4jServersOf(env.NEO4J_DATA_DIR)).toHaveLength(1);

      driver = connect(env.NEO4J_BOLT_PORT, password);
      await emptyGraph(driver);
      await driver.executeQuery('DROP CONSTRAINT person_id IF EXISTS');
      expect((await graphSnapshot(driver)).nodes).toBe(0);
      await driver.close();

      const loaded = await runEntry(DB, ['load', dumpFile], env);
      expectSuccess(loaded);
      const previous = /the graph it replaced is in (\S+)\)/.exec(loaded.stdout)?.[1];
      expect(previous && fs.existsSync(previous)).toBeTruthy();

      driver = connect(env.NEO4J_BOLT_PORT, password);
      try {
        expect(await graphSnapshot(driver)).toEqual(before);
        expect(await schema(driver)).toEqual(schemaBefore);
      } finally {
        await driver.close();
      }
      expectSuccess(await runEntry(DB, ['stop'], env));
    },
    SLOW,
  );
});
