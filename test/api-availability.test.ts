/**
 * The API while Neo4j is down or frozen, and when it is back (a proxy plays the faults, see fault-proxy.ts). The
 * attack measured /health at 6.4 s and queries at 3-7 s when Neo4j was down: the driver's connection attempts and
 * retries. Here each request may cost at most one connection attempt once the database is known down, /health
 * says why (a frozen server: "did not answer within 800 ms", not a connection timeout), and the API recovers by
 * itself.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { PROBE_TIMEOUT_MS } from '../src/db/availability';
import { createDriver } from '../src/db/connect';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { loadState, testConfig } from './support/test-neo4j';

const QUERY = { query: '{ countries(limit: 3, sort: [{ name: ASC }]) { name } }' };
/** Every answer says its estimated cost (src/api/limits.ts). */
const COST = { cost: expect.objectContaining({ limit: 100_000 }) };
const UNAVAILABLE = { message: 'The database is not reachable right now. Try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } };

/** The Dockerfile's HEALTHCHECK command, run as Docker would run it against this API: its exit code. */
function dockerHealthcheck(port: string): Promise<number | null> {
  const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const command = JSON.parse(/^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
  // Not spawnSync: the API answering it runs in this process.
  const check = spawn(command[0] === 'node' ? process.execPath : command[0], command.slice(1), { env: { ...process.env, PORT: port }, stdio: 'ignore' });
  return new Promise((resolve) => check.once('exit', resolve));
}

describe('the API while Neo4j is down', () => {
  let proxy: FaultProxy;
  let driver: Driver;
  let api: TestApi;

  /** What the API answers while Neo4j answers (whatever the graph holds now). */
  let answer: unknown;

  beforeAll(async () => {
    proxy = await startFaultProxy(loadState().boltPort);
    const config = testConfig({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}` });
    // As main.ts opens it.
    driver = createDriver(config.neo4j, { maxTransactionRetryTimeMs: config.api.retryTimeMs });
    api = await startTestApi(driver, config);
  });
  afterAll(async () => {
    await api?.close();
    await driver?.close();
    await proxy?.close();
  });

  const health = async () => {
    const response = await fetch(`${api.url}/health`);
    return { status: response.status, body: (await response.json()) as { status: string; neo4j: { error?: string } } };
  };
  /** Connections the API opened to Neo4j while `work` ran. */
  const attempts = async (work: () => Promise<unknown>) => {
    const before = proxy.accepted;
    await work();
    return proxy.accepted - before;
  };

  it('answers while Neo4j answers', async () => {
    await waitUntilHealthy(); // a busy machine may make the first probes slower than their bound
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });
    answer = (await postGraphQL(api.url, QUERY)).body;
    expect(answer).toEqual({ data: { countries: expect.any(Array) }, extensions: COST });
    expect(await dockerHealthcheck(new URL(api.url).port)).toBe(0);
  });

  it('says 503 on /health with one connection attempt, and fails queries at once, when Neo4j has crashed', async () => {
    proxy.setMode('down');
    let down: Awaited<ReturnType<typeof health>> | undefined;
    expect(await attempts(async () => (down = await health()))).toBeLessThanOrEqual(1);
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', neo4j: { error: expect.stringContaining(`Cannot reach Neo4j at bolt://127.0.0.1:${proxy.port}`) } } });
    // Known down: no request waits for the driver's connection attempts and retries; at most one probe each.
    for (let i = 0; i < 5; i++) {
      let response: Awaited<ReturnType<typeof postGraphQL>> | undefined;
      expect(await attempts(async () => (response = await postGraphQL(api.url, QUERY)))).toBeLessThanOrEqual(1);
      expect(response!.body).toEqual({ data: null, errors: [expect.objectContaining(UNAVAILABLE)], extensions: COST });
    }
    expect(await dockerHealthcheck(new URL(api.url).port)).toBe(1);
  });

  it('says 503 within its bound when Neo4j is frozen, and fails queries at once', async () => {
    proxy.setMode('up');
    await waitUntilHealthy();
    proxy.setMode('hung');
    expect(await health()).toEqual({
      status: 503,
      body: { status: 'unavailable', neo4j: { error: `Neo4j at bolt://127.0.0.1:${proxy.port} did not answer within ${PROBE_TIMEOUT_MS} ms.` } },
    });
    let response: Awaited<ReturnType<typeof postGraphQL>> | undefined;
    expect(await attempts(async () => (response = await postGraphQL(api.url, QUERY)))).toBeLessThanOrEqual(1);
    expect(response!.body).toEqual({ data: null, errors: [expect.objectContaining(UNAVAILABLE)], extensions: COST });
  });

  it('recovers by itself when Neo4j is back', async () => {
    proxy.setMode('up');
    await waitUntilHealthy();
    expect((await postGraphQL(api.url, QUERY)).body).toEqual(answer);
    expect(await dockerHealthcheck(new URL(api.url).port)).toBe(0);
  });

  /** Polls /health as a load balancer would (a bounded number of times, not a time limit). */
  async function waitUntilHealthy(): Promise<void> {
    for (let tries = 0; tries < 100; tries++) {
      if ((await health()).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('/health never said 200 again');
  }
});
