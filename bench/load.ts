/**
 * Shared by the load benchmarks: a Neo4j of their own (they empty it between runs), the generated corpus, and the
 * raw batched `UNWIND ... MERGE` load our ingest is compared with.
 */
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig, PROJECT_ROOT, type Config } from '../src/config';
import { applySchema, LOAD_TRANSACTION_TIMEOUT_MS } from '../src/db/cypher-scripts';
import { openDatabase, type Database } from '../src/db/database';
import { UserError } from '../src/errors';
import { GENERATOR_VERSION, writeCorpus } from '../src/generate/corpus';
import { factCount, ingestFiles, type IngestOptions } from '../src/ingest/ingest';
import type { AssertionSet } from '../src/ingest/assertions';
import { unpackAssertions } from '../src/ingest/write';
import { freePort } from '../test/support/test-neo4j';

/** `--name N` among the arguments: a whole number from 1, or the fallback. */
export function numberOption(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new UserError(`${name} must be a whole number from 1, got '${args[at + 1]}'`);
  return value;
}

/**
 * A managed Neo4j in .neo4j/bench-instance on free ports (NEO4J_URI is ignored: the benchmarks empty the database).
 * NEO4J_HEAP_SIZE and NEO4J_PAGECACHE_SIZE apply (default 2g and 1g).
 */
export async function openBenchDatabase(log: (line: string) => void): Promise<{ db: Database; config: Readonly<Config> }> {
  const env = { ...process.env };
  delete env.NEO4J_URI;
  const config = loadConfig({
    ...env,
    NEO4J_DATA_DIR: path.join(PROJECT_ROOT, '.neo4j', 'bench-instance'),
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_HEAP_SIZE: process.env.NEO4J_HEAP_SIZE ?? '2g',
    NEO4J_PAGECACHE_SIZE: process.env.NEO4J_PAGECACHE_SIZE ?? '1g',
  });
  return { db: await openDatabase(config, log), config };
}

/** The corpus as JSON files, generated once per (seed, size) into the system's temporary folder. */
export function corpus(articles: number, seed: number): string {
  return writeCorpus(path.join(os.tmpdir(), `diplomatic-graph-corpus-v${GENERATOR_VERSION}-${seed}-${articles}`), articles, seed);
}

export async function wipe(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    // Relationships first: a hub's thousands of relationships would not fit one transaction's memory.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(driver, database);
}

/** What the ingest wrote, read back from its records, a page at a time. */
export async function assertionSets(driver: Driver, database: string): Promise<AssertionSet[]> {
  const sets: AssertionSet[] = [];
  let after = '';
  for (;;) {
    const { records } = await driver.executeQuery(
      'MATCH (i:Ingestion) WHERE i.id > $after RETURN i.id AS id, i.assertions AS packed ORDER BY i.id LIMIT 500',
      { after },
      { database },
    );
    if (records.length === 0) return sets;
    for (const record of records) sets.push(unpackAssertions(record.get('packed') as string));
    after = records[records.length - 1].get('id') as string;
  }
}

/** The baseline: the same facts, batch by batch, with the plainest UNWIND ... MERGE per label and type. */
export async function rawLoad(driver: Driver, database: string, sets: AssertionSet[], batchSize: number): Promise<void> {
  const session = driver.session({ database });
  try {
    for (let i = 0; i < sets.length; i += batchSize) {
      const batch = sets.slice(i, i + batchSize);
      await session.executeWrite(async (tx) => {
        await tx.run(
          'UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s += row, s.publishedOn = date(row.publishedOn)',
          { rows: batch.map((set) => set.source) },
        );
        await tx.run(
          `UNWIND $rows AS row MATCH (s:Source {id: row.source})
           MERGE (p:Passage {id: row.id}) SET p.start = row.start, p.end = row.end, p.quote = row.quote
           MERGE (p)-[:IN_SOURCE]->(s)`,
          { rows: batch.flatMap((set) => set.passages.map((passage) => ({ ...passage, source: set.source.id }))) },
        );
        const groups = new Map<string, Array<{ id: string; props: unknown }>>();
        for (const node of batch.flatMap((set) => set.nodes)) {
          const key = node.labels.join(':');
          groups.set(key, [...(groups.get(key) ?? []), { id: node.id, props: node.props }]);
        }
        for (const [labels, rows] of groups) {
          await tx.run(`UNWIND $rows AS row MERGE (n:Fact {id: row.id}) SET n:${labels}, n += row.props`, { rows });
        }
        const types = new Map<string, Array<{ from: string; to: string; role: unknown }>>();
        for (const r of batch.flatMap((set) => set.relationships)) {
          types.set(r.type, [...(types.get(r.type) ?? []), { from: r.from, to: r.to, role: r.props?.role ?? null }]);
        }
        for (const [type, rows] of types) {
          const role = type === 'PARTICIPATED_IN' ? ' {role: row.role}' : '';
          await tx.run(`UNWIND $rows AS row MATCH (a:Fact {id: row.from}) MATCH (b:Fact {id: row.to}) MERGE (a)-[:${type}${role}]->(b)`, { rows });
        }
        await tx.run(
          'UNWIND $rows AS row MATCH (f:Fact {id: row.fact}) MATCH (p:Passage {id: row.passage}) MERGE (f)-[:EVIDENCED_BY]->(p)',
          { rows: batch.flatMap((set) => set.citations) },
        );
      }, { timeout: LOAD_TRANSACTION_TIMEOUT_MS });
    }
  } finally {
    await session.close();
  }
}

export interface LoadRun {
  ingestSeconds: number;
  rawSeconds: number;
  /** Facts the corpus asserts (nodes, relationships, passages, citations): the same for both loads. */
  facts: number;
  merges: number;
}

/**
 * One measured run: our ingest of the corpus into an emptied database, then, into an emptied database again, the
 * raw load of the same facts (read back from the ingest's records). The raw load's graph is left.
 */
export async function loadRun(
  driver: Driver,
  database: string,
  dir: string,
  batchSize: number,
  onProgress?: IngestOptions['onProgress'],
): Promise<LoadRun> {
  await wipe(driver, database);
  let started = performance.now();
  const summary = await ingestFiles(driver, database, [dir], { batchSize, onProgress });
  const ingestSeconds = (performance.now() - started) / 1000;
  if (summary.failures.length) throw new UserError(`the generated corpus failed to load: ${JSON.stringify(summary.failures[0])}`);
  const sets = await assertionSets(driver, database);
  await wipe(driver, database);
  started = performance.now();
  await rawLoad(driver, database, sets, batchSize);
  const rawSeconds = (performance.now() - started) / 1000;
  return { ingestSeconds, rawSeconds, facts: sets.reduce((sum, set) => sum + factCount(set), 0), merges: summary.merges };
}
