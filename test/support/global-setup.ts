import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ManagedNeo4j } from '../../src/db/managed-neo4j';
import { freePort, managedEnv, saveState } from './test-neo4j';

declare global {
  // Shared with global-teardown.ts (same context).
  var testNeo4j: ManagedNeo4j | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-test-'));
  const ports = { boltPort: await freePort(), httpPort: await freePort() };
  // JAVA_HOME and NEO4J_START_TIMEOUT pass through (a busy machine may need longer than the default 120 s).
  const config = loadConfig({ ...managedEnv({ dataDir, ...ports }), JAVA_HOME: process.env.JAVA_HOME, NEO4J_START_TIMEOUT: process.env.NEO4J_START_TIMEOUT });
  const log = (line: string) => process.stdout.write(`[test neo4j] ${line}\n`);
  process.stdout.write('\n');
  const { server } = await ManagedNeo4j.start({ server: config.managedNeo4j, connection: config.neo4j, log });
  globalThis.testNeo4j = server;
  saveState({ dataDir, ...ports, pid: server.pid });
}
