/**
 * The scale-out path: two API processes (the real entry point, `npm start` with NEO4J_URI set to a routing URI) on
 * one database, keeping no state of their own. A client writes through one and reads its own write through the
 * other by sending back the bookmarks the write returned.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { mintToken } from '../src/auth/mint';
import { collect, startEntry, waitForOutput } from './support/entry-points';
import { seededGraph } from './support/graph';
import { loadState, testConfig, TEST_PASSWORD } from './support/test-neo4j';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const ARTICLE = fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles', '104-ankara-trade-talks.yaml'), 'utf8');
const SOURCE_ID = 'source:fixture-104-ankara-trade-talks';

interface Replica {
  process: ChildProcess;
  url: string;
  finished: Promise<{ code: number | null }>;
}

async function startReplica(): Promise<Replica> {
  const child = startEntry('src/main.ts', [], {
    // neo4j:// asks the server for a routing table, as on a cluster or Aura; a single server routes to itself.
    NEO4J_URI: `neo4j://127.0.0.1:${loadState().boltPort}`,
    NEO4J_PASSWORD: TEST_PASSWORD,
    PORT: '0',
    SEED_ON_START: 'false',
    AUTH_JWT_SECRET: SECRET,
    ...(process.env.API_QUERY_TIMEOUT ? { API_QUERY_TIMEOUT: process.env.API_QUERY_TIMEOUT } : {}),
    ...(process.env.API_REQUEST_TIMEOUT ? { API_REQUEST_TIMEOUT: process.env.API_REQUEST_TIMEOUT } : {}),
  });
  const { finished } = collect(child);
  const output = await waitForOutput(child, 'GraphQL API ready at', 180_000);
  const port = /GraphQL API ready at http:\/\/localhost:(\d+)\/graphql/.exec(output)![1];
  return { process: child, url: `http://127.0.0.1:${port}`, finished };
}

async function graphql(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> } };
}

describe('two API replicas on one database', () => {
  const config = testConfig({ AUTH_JWT_SECRET: SECRET });
  const replicas: Replica[] = [];

  beforeAll(async () => {
    const driver = createDriver(config.neo4j);
    await seededGraph(driver);
    await driver.close();
    replicas.push(...(await Promise.all([startReplica(), startReplica()])));
  });
  afterAll(async () => {
    for (const replica of replicas) replica.process.kill('SIGTERM');
    const codes = await Promise.all(replicas.map((replica) => replica.finished));
    expect(codes.map((finished) => finished.code)).toEqual([0, 0]);
  });

  it('a write through one is read through the other after its bookmarks', async () => {
    const [writer, reader] = replicas;
    const token = await mintToken(config.auth, { subject: 'desk-2', roles: ['curator'], expiresIn: '10m' });
    const written = await fetch(`${writer.url}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${token}` },
      body: ARTICLE,
    });
    expect(written.status).toBe(201);
    const bookmarks = written.headers.get('x-neo4j-bookmarks');
    expect(bookmarks).toMatch(/^\S+$/);
    expect(((await written.json()) as { bookmarks: string[] }).bookmarks).toEqual([bookmarks]);

    const query = `{ sources(where: { id: { eq: "${SOURCE_ID}" } }) { id loadedBy } countries(where: { isoCode: { eq: "TR" } }) { name } }`;
    const read = await graphql(reader.url, query, { 'x-neo4j-bookmarks': bookmarks! });
    expect({ status: read.status, data: read.body.data, errors: read.body.errors }).toEqual({
      status: 200,
      data: { sources: [{ id: SOURCE_ID, loadedBy: 'desk-2' }], countries: [{ name: 'Türkiye' }] },
      errors: undefined,
    });
    // The writer reads it too, with or without the bookmarks (on one server they are all caught up).
    expect((await graphql(writer.url, query)).body.data).toEqual(read.body.data);
  });

  it('refuses a malformed bookmarks header with a 400, and keeps serving', async () => {
    const [, reader] = replicas;
    const bad = await graphql(reader.url, '{ countries(limit: 1) { name } }', { 'x-neo4j-bookmarks': 'not a bookmark; DROP' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors![0].message).toMatch(/x-neo4j-bookmarks header must hold up to 32 bookmarks/);
    // Well formed, but no bookmark of this database: the server refuses it, so the header does reach it.
    const foreign = await graphql(reader.url, '{ countries(limit: 1) { name } }', { 'x-neo4j-bookmarks': 'FB:kcwQAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect({ status: foreign.status, message: foreign.body.errors?.[0].message }).toEqual({
      status: 400,
      message: expect.stringMatching(/not bookmarks of this database/),
    });
    expect((await graphql(reader.url, '{ countries(where: { name: { eq: "Belarus" } }) { name } }')).body.data).toEqual({ countries: [{ name: 'Belarus' }] });
  });
});
