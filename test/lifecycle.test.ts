/**
 * The main job and the db scripts start and stop what they own: after Ctrl-C or SIGTERM on `npm start`, and after
 * `npm run db:stop`, no Neo4j process of theirs is left running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collect, runEntry, startEntry, waitForOutput } from './support/entry-points';
import { eventually, neo4jServersOf } from './support/processes';
import { createDriver } from '../src/db/connect';
import { seededGraph } from './support/graph';
import { freePort, loadState, managedEnv, testConfig, TEST_PASSWORD } from './support/test-neo4j';

async function ask(apiPort: number, query: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const KHRENIN_COUNTERPART = '{ people(where: { name: { eq: "Viktor Khrenin" } }) { name counterparts { name } } }';
const KHRENIN_ANSWER = expect.objectContaining({ data: { people: [{ name: 'Viktor Khrenin', counterparts: [{ name: 'Jam Kamal Khan' }] }] } });

describe('npm start and the db scripts', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-life-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  async function managedEnvOnFreePorts(name: string) {
    return managedEnv({ dataDir: path.join(scratch, name), boltPort: await freePort(), httpPort: await freePort() });
  }

  it.each([
    ['Ctrl-C (SIGINT to the whole process group, as a terminal sends it)', 'SIGINT', true],
    ['SIGTERM to the main process alone', 'SIGTERM', false],
  ] as const)('starts Neo4j, seeds it, serves the API, and stops both on %s', async (_name, signal, group) => {
    const env = await managedEnvOnFreePorts(`main-${signal}`);
    const apiPort = await freePort();
    const main = startEntry('src/main.ts', [], { ...env, PORT: String(apiPort) }, { detached: true });
    const { finished } = collect(main);
    try {
      const output = await waitForOutput(main, 'GraphQL API ready at', 180_000);
      expect(output).toContain('The database is empty: loading the seed.');
      expect(neo4jServersOf(env.NEO4J_DATA_DIR)).toHaveLength(1);
      expect(await ask(apiPort, KHRENIN_COUNTERPART)).toEqual(KHRENIN_ANSWER);
      process.kill(group ? -main.pid! : main.pid!, signal);
      const result = await finished;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Stopping Neo4j...');
      expect(neo4jServersOf(env.NEO4J_DATA_DIR)).toEqual([]);
    } finally {
      if (main.exitCode === null) process.kill(-main.pid!, 'SIGKILL');
    }
  });

  it('with NEO4J_URI set, uses that server and starts none', async () => {
    const driver = createDriver(testConfig().neo4j);
    await seededGraph(driver);
    await driver.close();
    const apiPort = await freePort();
    const main = startEntry('src/main.ts', [], {
      NEO4J_URI: `bolt://127.0.0.1:${loadState().boltPort}`,
      NEO4J_PASSWORD: TEST_PASSWORD,
      PORT: String(apiPort),
      SEED_ON_START: 'false',
      NEO4J_DATA_DIR: path.join(scratch, 'never-used'),
    });
    const { finished } = collect(main);
    const output = await waitForOutput(main, 'GraphQL API ready at', 60_000);
    expect(output).not.toContain('Starting Neo4j');
    expect(output).not.toContain('loading the seed');
    expect(await ask(apiPort, KHRENIN_COUNTERPART)).toEqual(KHRENIN_ANSWER);
    main.kill('SIGTERM');
    expect((await finished).code).toBe(0);
    expect(fs.existsSync(path.join(scratch, 'never-used'))).toBe(false);
  });

  it('db:start runs Neo4j in the background, once; db:stop stops it', async () => {
    const env = await managedEnvOnFreePorts('db-scripts');
    try {
      const started = await runEntry('src/cli/db.ts', ['start'], env);
      expect(started.code).toBe(0);
      expect(started.stdout).toContain(`Neo4j Browser: http://localhost:${env.NEO4J_HTTP_PORT}/browser/`);
      const [pid] = neo4jServersOf(env.NEO4J_DATA_DIR);
      expect(pid).toBeGreaterThan(0);

      const again = await runEntry('src/cli/db.ts', ['start'], env);
      expect(again.stdout).toContain(`Neo4j is already running on bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`);
      expect(neo4jServersOf(env.NEO4J_DATA_DIR)).toEqual([pid]);

      const stopped = await runEntry('src/cli/db.ts', ['stop'], env);
      expect(stopped.code).toBe(0);
      expect(stopped.stdout).toContain('Neo4j stopped.');
      expect(neo4jServersOf(env.NEO4J_DATA_DIR)).toEqual([]);
    } finally {
      for (const pid of neo4jServersOf(env.NEO4J_DATA_DIR)) process.kill(pid, 'SIGKILL');
      await eventually(() => neo4jServersOf(env.NEO4J_DATA_DIR).length === 0, 10_000);
    }
  });
});
