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
      const output = await waitForOutput(main, 'GraphQL API ready at', 280_000);
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
  }, 300_000);

  it('starts one Neo4j for two npm start run from cold on one data folder: the second attaches to it', async () => {
    const env = await managedEnvOnFreePorts('two-cold-starts');
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    const first = startEntry('src/main.ts', [], { ...env, PORT: String(firstPort) });
    const second = startEntry('src/main.ts', [], { ...env, PORT: String(secondPort) });
    const firstRun = collect(first);
    const secondRun = collect(second);
    try {
      const ready = await Promise.allSettled([first, second].map((main) => waitForOutput(main, 'GraphQL API ready at', 400_000)));
      const outputs = ready.map((result) => (result.status === 'fulfilled' ? result.value : String(result.reason)));
      if (ready.some((result) => result.status === 'rejected')) throw new Error(`npm start failed:\n${outputs.join('\n----\n')}`);
      expect(neo4jServersOf(env.NEO4J_DATA_DIR)).toHaveLength(1);
      // One started and set it up; the other waited for the data folder's lock, then used that server as it was.
      expect(outputs.filter((output) => output.includes('Starting Neo4j'))).toHaveLength(1);
      expect(outputs.filter((output) => output.includes('Using the Neo4j already running'))).toHaveLength(1);
      expect(outputs.filter((output) => output.includes('loading the seed'))).toHaveLength(1);
      expect(await ask(firstPort, KHRENIN_COUNTERPART)).toEqual(KHRENIN_ANSWER);
      expect(await ask(secondPort, KHRENIN_COUNTERPART)).toEqual(KHRENIN_ANSWER);
      const [owner, guest] = outputs[0].includes('Starting Neo4j') ? [first, second] : [second, first];
      guest.kill('SIGTERM');
      owner.kill('SIGTERM');
      const results = await Promise.all([firstRun.finished, secondRun.finished]);
      expect(results.map((result) => result.code)).toEqual([0, 0]);
      expect(neo4jServersOf(env.NEO4J_DATA_DIR)).toEqual([]);
    } finally {
      for (const main of [first, second]) if (main.exitCode === null) main.kill('SIGKILL');
      for (const pid of neo4jServersOf(env.NEO4J_DATA_DIR)) process.kill(pid, 'SIGKILL');
    }
  }, 600_000);

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
  }, 300_000);
});
