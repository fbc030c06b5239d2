/** Graph fixtures for integration suites: a known state to start from, and a snapshot to compare states. */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../../src/db/cypher-scripts';
import { seedGraph } from '../../src/ingest/seed';

export async function emptyGraph(driver: Driver): Promise<void> {
  // CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = driver.session();
  try {
    // Its own bound: the test server's default one is short, and a busy machine makes emptying slow.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, { timeout: 120_000 });
  } finally {
    await session.close();
  }
}

/** An empty database with the schema and the Cypher seed, as `npm start` leaves a fresh one. */
export async function seededGraph(driver: Driver, database = 'neo4j'): Promise<void> {
  await emptyGraph(driver);
  await applySchema(driver, database);
  await seedGraph(driver, database, () => undefined);
}

export interface GraphSnapshot {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** SHA-256 over every node (labels, properties) and relationship (type, ends, properties), in a stable order. */
  checksum: string;
}

const stable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, stable(v)]));
  }
  return value === null || typeof value !== 'object' ? value : String(value);
};

/** Bookkeeping: what was ingested from which file, the merges made, the data version; not facts. */
export const BOOKKEEPING = ['Ingestion', 'Merge', 'DataVersion'];

/** Who loaded a source and when: bookkeeping on the Source node, different for every load. */
export const LOAD_PROPERTIES = ['loadedBy', 'loadedAt'];

/**
 * Nodes are named by their id (every node of the graph has one), so the snapshot ignores internal ids.
 * `facts: true` leaves out the ingest bookkeeping (its nodes and relationships, and who loaded each source and
 * when), to compare the facts two loads wrote.
 */
export async function graphSnapshot(driver: Driver, options: { facts?: boolean } = {}): Promise<GraphSnapshot> {
  const skip = options.facts ? BOOKKEEPING : [];
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE none(label IN labels(n) WHERE label IN $skip)
     RETURN n.id AS id, labels(n) AS labels, apoc.map.removeKeys(properties(n), $unset) AS properties`,
    { skip, unset: options.facts ? LOAD_PROPERTIES : [] },
  );
  const relationships = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE none(label IN labels(a) + labels(b) WHERE label IN $skip)
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties`,
    { skip },
  );
  const nodeLines = nodes.records
    .map((record) => JSON.stringify(stable({ ...record.toObject(), labels: [...record.get('labels')].sort() })))
    .sort();
  const relationshipLines = relationships.records.map((record) => JSON.stringify(stable(record.toObject()))).sort();
  const count = (values: string[]) =>
    values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
  return {
    nodes: nodeLines.length,
    relationships: relationshipLines.length,
    labels: count(nodes.records.flatMap((record) => record.get('labels') as string[])),
    types: count(relationships.records.map((record) => record.get('type') as string)),
    checksum: createHash('sha256').update(nodeLines.join('\n')).update('\n--\n').update(relationshipLines.join('\n')).digest('hex'),
  };
}

/** An empty database with the schema, ready for ingest. */
export async function schemaOnlyGraph(driver: Driver, database = 'neo4j'): Promise<void> {
  await emptyGraph(driver);
  await applySchema(driver, database);
}
