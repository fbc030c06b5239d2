/**
 * The database fails in the middle of an ingest (the connection to it is cut, as when Neo4j is killed): the run
 * stops with a summary, not a stack trace; it says how many articles were written and which were not, and running
 * it again resumes and converges on the graph of a clean load.
 */
import net from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { formatSummary } from '../src/cli/ingest';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { graphSnapshot, schemaOnlyGraph } from './support/graph';
import { loadState, testConfig } from './support/test-neo4j';

const ARTICLES = [path.join(PROJECT_ROOT, 'data', 'articles'), path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles')];

/** A TCP proxy in front of the test Neo4j that can be cut: open connections dropped, new ones refused. */
async function cuttableProxy(targetPort: number): Promise<{ port: number; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('an ingest the database fails in the middle of', () => {
  const config = testConfig();
  let driver: Driver;
  beforeAll(() => {
    driver = createDriver(config.neo4j);
  });
  afterAll(() => driver.close());

  it('stops with what was written and what was not, and a second run resumes to the graph of a clean load', async () => {
    await schemaOnlyGraph(driver);
    const clean = await ingestFiles(driver, 'neo4j', ARTICLES);
    expect(clean.failures).toEqual([]);
    const cleanGraph = await graphSnapshot(driver, { facts: true });

    await schemaOnlyGraph(driver);
    const proxy = await cuttableProxy(loadState().boltPort);
    const proxied = createDriver({ ...config.neo4j, uri: `bolt://127.0.0.1:${proxy.port}` }, { maxTransactionRetryTimeMs: 500 });
    try {
      const summary = await ingestFiles(proxied, 'neo4j', ARTICLES, {
        batchSize: 1,
        onProgress: ({ done }) => {
          if (done === 2) proxy.cut();
        },
      });
      expect(summary.interrupted).toBeDefined();
      const { written, notWritten } = summary.interrupted!;
      expect(written).toBe(2);
      expect(summary.articles.new).toBe(2);
      expect(notWritten).toHaveLength(clean.articles.new - 2);
      expect(summary.failures).toEqual([]);
      const text = formatSummary(summary);
      expect(text).toMatch(/INTERRUPTED: the database failed \(.+\)\. 2 article\(s\) were written and stay written; 4 were not written\. Run the same command again to resume/);
      expect(text).not.toMatch(/\n\s+at /);
    } finally {
      proxy.cut();
      await proxied.close();
      await proxy.close();
    }

    const resumed = await ingestFiles(driver, 'neo4j', ARTICLES);
    expect(resumed.articles).toEqual({ new: clean.articles.new - 2, corrected: 0, unchanged: 2, failed: 0 });
    expect(await graphSnapshot(driver, { facts: true })).toEqual(cleanGraph);
  });
});
