import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ManagedNeo4j } from '../../src/db/managed-neo4j';
import { freePort, managedEnv, saveState, TEST_TRANSACTION_TIMEOUT } from './test-neo4j';

declare global {
  // Shared with global-teardown.ts (same context).
  var testNeo4j: ManagedNeo4j | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-test-'));
  const ports = { boltPort: await freePort(), httpPort: await freePort() };
  const config = loadConfig({
    ...managedEnv({ dataDir, ...ports }),
    NEO4J_TRANSACTION_TIMEOUT: TEST_TRANSACTION_TIMEOUT,
    JAVA_HOME: process.env.JAVA_HOME,
  });
  const log = (line: string) => process.stdout.write(`[test neo4j] ${line}\n`);
  process.stdout.write('\n');
  let server: ManagedNeo4j;
  try {
    ({ server } = await ManagedNeo4j.start({ server: config.managedNeo4j, connection: config.neo4j, log }));
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  globalThis.testNeo4j = server;
  saveState({ dataDir, ...ports, pid: server.pid, password: server.connection.password });
}
