import fs from 'node:fs';
import { loadState, removeState } from './test-neo4j';

export default async function globalTeardown(): Promise<void> {
  const state = loadState();
  await globalThis.testNeo4j?.stop();
  removeState();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
