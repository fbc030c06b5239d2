/**
 * The test run's own Neo4j: the managed server on free ports with a throw-away data folder, started by
 * global-setup.ts and stopped by global-teardown.ts. Suites reach it through `testConfig()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';

/** Where global-setup.ts records the server for the suites (jest runs them in other module registries). */
const STATE_FILE = path.join(os.tmpdir(), `diplomatic-graph-test-${process.ppid}-${process.pid}.json`);
const STATE_ENV = 'DIPLOMATIC_GRAPH_TEST_STATE';

/** Short, so the runaway-query test is quick (TEST_TRANSACTION_TIMEOUT lengthens it on a busy machine). */
export const TEST_TRANSACTION_TIMEOUT = process.env.TEST_TRANSACTION_TIMEOUT || '4s';

export interface TestNeo4jState {
  dataDir: string;
  boltPort: number;
  httpPort: number;
  pid: number;
  /** Generated at the server's first start, as for any managed server (src/db/password.ts). */
  password: string;
}

export { freePort } from '../../src/java/ports';

/**
 * The environment of a managed test server (used by global-setup and by tests that spawn entry points). No
 * NEO4J_PASSWORD: the server generates its own, as `npm start` does.
 */
export function managedEnv(state: Pick<TestNeo4jState, 'dataDir' | 'boltPort' | 'httpPort'>): Record<string, string> {
  return {
    NEO4J_DATA_DIR: state.dataDir,
    NEO4J_BOLT_PORT: String(state.boltPort),
    NEO4J_HTTP_PORT: String(state.httpPort),
    NEO4J_HEAP_SIZE: '768m',
    // The machine running the tests may be busy with others: a slow start is not a failure (NEO4J_START_TIMEOUT
    // lengthens the wait further).
    NEO4J_START_TIMEOUT: process.env.NEO4J_START_TIMEOUT || '300',
  };
}

export function saveState(state: TestNeo4jState): void {
  fs.writeFileSync(STATE_FILE, JSON.stringify(state), { mode: 0o600 });
  process.env[STATE_ENV] = STATE_FILE;
}

export function loadState(): TestNeo4jState {
  const file = process.env[STATE_ENV];
  if (!file) throw new Error('The test Neo4j is not running: run the tests with `npm test` (jest global setup).');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TestNeo4jState;
}

/** The test server's generated password, in the suites (global setup has written it by then). */
export const TEST_PASSWORD: string = process.env[STATE_ENV] ? loadState().password : '';

export function removeState(): void {
  fs.rmSync(STATE_FILE, { force: true });
}

/** The configuration a suite uses to reach the test server as an external one (NEO4J_URI set). */
export function testConfig(extra: Record<string, string> = {}): Readonly<Config> {
  const state = loadState();
  return loadConfig({
    NEO4J_URI: `bolt://127.0.0.1:${state.boltPort}`,
    NEO4J_PASSWORD: TEST_PASSWORD,
    PORT: '0',
    // A busy machine may need longer query bounds (the defaults are what the tests check otherwise).
    API_QUERY_TIMEOUT: process.env.API_QUERY_TIMEOUT,
    API_REQUEST_TIMEOUT: process.env.API_REQUEST_TIMEOUT,
    ...extra,
  });
}
