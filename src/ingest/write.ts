/**
 * Writes what articles assert, in one transaction per batch: one UNWIND per label and per relationship type, so
 * a batch of fifty articles costs a few dozen statements. Nodes are merged on their id: a new node takes the
 * article's properties; a known one keeps its values (the first source to state a value wins) and gains the
 * article's list values (aliases, topics). Every fact is linked to the passages that state it.
 *
 * A corrected version of an article (same source id, different content) first retracts what only the old version
 * asserted: its citations and passages, relationships no other source asserts, nodes left without evidence, and
 * the property values it alone gave. What other sources assert is never removed.
 *
 * How each source states a fact is on its citations (a reading of the text, a machine's draft); a fact's own
 * `reading`, `provenance`, `extractor` and `confidence` sum them up: a reading only when no source states it
 * plainly, extracted only when no person curated it. They are recomputed whenever the fact's citations change.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { AssertionSet, Citation, NodeAssertion, Properties, RelationshipAssertion } from './assertions';
import { relationshipKey } from './assertions';

/** A transaction to write in: managed, or explicit (a dry run rolls it back). */
export type Tx = Pick<ManagedTransaction, 'run'>;

export interface WriteCounts {
  /** Every node created: facts, evidence (sources, passages) and records (ingestion and merge records). */
  nodesCreated: number;
  relationshipsCreated: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
  /** Of the nodes created, the ingestion and merge records. */
  recordsCreated: number;
}

export const emptyCounts = (): WriteCounts => ({ nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0, recordsCreated: 0 });

/** What an article's ingestion records, to skip it when unchanged and to retract it when corrected. */
export interface IngestionRecord {
  sourceId: string;
  checksum: string;
  file: string;
  /** Who loaded it: a token's subject, or cli:<os user>. Recorded on the source too, with the time. */
  loadedBy: string;
  assertions: AssertionSet;
}

/** An ingestion's assertions as stored on its record: JSON, gzipped and base64-encoded (a fifth of the size). */
export function packAssertions(assertions: AssertionSet): string {
  return gzipSync(JSON.stringify(assertions)).toString('base64');
}

export function unpackAssertions(packed: string): AssertionSet {
  return JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as AssertionSet;
}

/** Whole numbers are integers in Neo4j (as Cypher literals are), not floats. */
function toNeo4j(props: Properties): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [key, typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value]),
  );
}

const splitProps = (props: Properties) => {
  const scalars: Record<string, unknown> = {};
  const lists: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(toNeo4j(props))) {
    if (Array.isArray(value)) lists[key] = value as string[];
    else scalars[key] = value;
  }
  return { scalars, lists };
};

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** Labels and relationship types come from the planner's fixed vocabulary; checked before they enter a query. */
const IDENTIFIER = /^[A-Z][A-Za-z_]*$/;
function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a label or relationship type: ${name}`);
  return name;
}

async function run(tx: Tx, counts: WriteCounts, query: string, params: Record<string, unknown>) {
  const summary = await tx.run(query, params).summary();
  const updates = summary.counters.updates();
  counts.nodesCreated += updates.nodesCreated;
  counts.relationshipsCreated += updates.relationshipsCreated;
  counts.nodesDeleted += updates.nodesDeleted;
  counts.relationshipsDeleted += updates.relationshipsDeleted;
}

/** Runs a write over rows; none, no round trip. */
async function runRows(tx: Tx, counts: WriteCounts, query: string, params: Record<string, unknown[]>) {
  if (Object.values(params).every((rows) => rows.length > 0)) await run(tx, counts, query, params);
}

/** Writes the assertions of several articles; their ingestion records replace any earlier ones. */
export async function writeAssertions(tx: Tx, sets: AssertionSet[], records: IngestionRecord[]): Promise<WriteCounts> {
  const counts = emptyCounts();
  const sources = sets.map((set) => {
    const { publishedOn, ...rest } = set.source;
    return { props: toNeo4j(rest), publishedOn: publishedOn ?? null };
  });
  await runRows(
    tx,
    counts,
    `UNWIND $sources AS row
     MERGE (source:Source {id: row.props.id})
     SET source = row.props, source.publishedOn = CASE WHEN row.publishedOn IS NULL THEN null ELSE date(row.publishedOn) END`,
    { sources },
  );
  const passages = sets.flatMap((set) =>
    set.passages.map((passage) => ({ source: set.source.id, id: passage.id, start: neo4j.int(passage.start), end: neo4j.int(passage.end), quote: passage.quote })),
  );
  await runRows(
    tx,
    counts,
    `UNWIND $passages AS row
     MATCH (source:Source {id: row.source})
     MERGE (passage:Passage {id: row.id})
     SET passage.start = row.start, passage.end = row.end, passage.quote = row.quote
     MERGE (passage)-[:IN_SOURCE]->(source)`,
    { passages },
  );

  // Nodes, per set of labels. The same node asserted twice in one batch: the first assertion creates it.
  const nodes = sets.flatMap((set) => set.nodes);
  for (const [labels, group] of groupBy(nodes, (node) => node.labels.join(':'))) {
    const rows = group.map((node) => ({ id: node.id, ...splitProps(node.props) }));
    await runRows(
      tx,
      counts,
      `UNWIND $rows AS row
       MERGE (node:Fact {id: row.id})
       ON CREATE SET node += row.scalars, node += row.lists
       ON MATCH SET node += apoc.map.merge(row.scalars, properties(node)),
         node += apoc.map.fromPairs([key IN keys(row.lists) |
           [key, coalesce(node[key], []) + [value IN row.lists[key] WHERE NOT value IN coalesce(node[key], [])]]])
       SET node:${labels.split(':').map(identifier).join(':')}`,
      { rows },
    );
  }

  const relationships = sets.flatMap((set) => set.relationships);
  for (const [type, group] of groupBy(relationships, (relationship) => relationship.type)) {
    const withRole = group[0].props?.role !== undefined;
    // A relationship with a role may be a reading (an inferred participation): a plain statement of it wins.
    await runRows(
      tx,
      counts,
      `UNWIND $rows AS row
       MATCH (from:Fact {id: row.from})
       MATCH (to:Fact {id: row.to})
       MERGE (from)-[relationship:${identifier(type)}${withRole ? ' {role: row.role}' : ''}]->(to)
       ${
         withRole
           ? `ON CREATE SET relationship.reading = row.reading, relationship.readingNote = row.readingNote
       ON MATCH SET relationship.reading = CASE WHEN row.reading IS NULL THEN null ELSE relationship.reading END,
         relationship.readingNote = CASE WHEN row.reading IS NULL THEN null ELSE relationship.readingNote END`
           : ''
       }`,
      {
        rows: group.map((relationship) => ({
          from: relationship.from,
          to: relationship.to,
          role: relationship.props?.role ?? null,
          reading: relationship.props?.reading ?? null,
          readingNote: relationship.props?.readingNote ?? null,
        })),
      },
    );
  }

  const citations = sets.flatMap((set) => set.citations);
  await runRows(
    tx,
    counts,
    `UNWIND $rows AS row
     MATCH (fact:Fact {id: row.fact})
     MATCH (passage:Passage {id: row.passage})
     MERGE (fact)-[citation:EVIDENCED_BY]->(passage)
     SET citation.reading = row.reading, citation.readingNote = row.readingNote,
         citation.extractor = row.extractor, citation.confidence = row.confidence`,
    {
      rows: citations.map((citation) => ({
        fact: citation.fact,
        passage: citation.passage,
        reading: citation.reading ?? null,
        readingNote: citation.readingNote ?? null,
        extractor: citation.extractor ?? null,
        confidence: citation.confidence ?? null,
      })),
    },
  );
  await summariseStatements(tx, citations);

  // Bookkeeping (merge records, ingestion records) is counted apart from the facts, and with all nodes created.
  const bookkeeping = emptyCounts();
  await runRows(
    tx,
    bookkeeping,
    `UNWIND $rows AS row
     MERGE (merge:Merge {id: row.id})
     ON CREATE SET merge += row, merge.status = 'active', merge.madeAt = datetime()`,
    { rows: sets.flatMap((set) => set.merges) },
  );
  await runRows(
    tx,
    counts,
    `UNWIND $rows AS row
     MATCH (unnamed:Occupancy {id: row.from})
     MATCH (named:Occupancy {id: row.to})
     MERGE (unnamed)-[link:SAME_AS]->(named)
     SET link.method = row.method, link.mergeId = row.mergeId`,
    { rows: sets.flatMap((set) => set.sameAs) },
  );

  await writeIngestionRecords(tx, records, bookkeeping);
  counts.nodesCreated += bookkeeping.nodesCreated;
  counts.relationshipsCreated += bookkeeping.relationshipsCreated;
  counts.recordsCreated += bookkeeping.nodesCreated;
  return counts;
}

/**
 * The ingestion records of articles (what each asserted, to skip it unchanged and retract it when corrected), and
 * on each source who loaded it and when.
 */
export async function writeIngestionRecords(tx: Tx, records: IngestionRecord[], counts = emptyCounts()): Promise<void> {
  await runRows(
    tx,
    counts,
    `UNWIND $rows AS row
     MATCH (source:Source {id: 'source:' + row.sourceId})
     MERGE (ingestion:Ingestion {id: 'ingestion:' + row.sourceId})
     SET ingestion.sourceId = row.sourceId, ingestion.checksum = row.checksum, ingestion.file = row.file,
         ingestion.assertions = row.assertions, ingestion.ingestedAt = datetime(), ingestion.loadedBy = row.loadedBy
     SET source.loadedBy = row.loadedBy, source.loadedAt = ingestion.ingestedAt
     MERGE (ingestion)-[:OF_SOURCE]->(source)`,
    {
      rows: records.map((record) => ({
        sourceId: record.sourceId,
        checksum: record.checksum,
        file: record.file,
        loadedBy: record.loadedBy,
        assertions: packAssertions(record.assertions),
      })),
    },
  );
}

/** A citation that states a fact plainly and by a person: the fact is then plain and curated, whatever else cites it. */
const plainAndCurated = (citation: Citation) => citation.reading === undefined && citation.extractor === undefined;

/**
 * Sums up, on each fact, how its sources state it (see the file comment). A fact cited plainly by a person is plain
 * and curated without reading anything; the others are recomputed from all their citations.
 */
async function summariseStatements(tx: Tx, citations: Citation[]): Promise<void> {
  const plain = new Set(citations.filter(plainAndCurated).map((citation) => citation.fact));
  const others = [...new Set(citations.map((citation) => citation.fact).filter((fact) => !plain.has(fact)))];
  await runRows(
    tx,
    emptyCounts(),
    `UNWIND $ids AS id
     MATCH (fact:Fact {id: id})
     SET fact.reading = null, fact.readingNote = null, fact.provenance = 'CURATED', fact.extractor = null, fact.confidence = null`,
    { ids: [...plain] },
  );
  await recomputeStatements(tx, others);
}

/** A fact's reading, provenance, extractor and confidence, from all of its citations. */
export async function recomputeStatements(tx: Tx, ids: string[]): Promise<void> {
  await runRows(
    tx,
    emptyCounts(),
    `UNWIND $ids AS id
     MATCH (fact:Fact {id: id})
     CALL (fact) {
       OPTIONAL MATCH (fact)-[citation:EVIDENCED_BY]->(:Passage)
       RETURN collect(citation) AS citations
     }
     WITH fact,
          size([c IN citations WHERE c.reading IS NULL]) AS plain,
          [c IN citations WHERE c.reading IS NOT NULL | c.reading + '\n' + coalesce(c.readingNote, '')] AS readings,
          size([c IN citations WHERE c.extractor IS NULL]) AS curated,
          [c IN citations WHERE c.extractor IS NOT NULL] AS extracted
     WITH fact, curated, extracted, CASE WHEN plain = 0 AND size(readings) > 0 THEN apoc.coll.min(readings) END AS reading
     SET fact.reading = CASE WHEN reading IS NULL THEN null ELSE split(reading, '\n')[0] END,
         fact.readingNote = CASE WHEN reading IS NULL OR split(reading, '\n')[1] = '' THEN null ELSE split(reading, '\n')[1] END,
         fact.provenance = CASE WHEN curated > 0 OR size(extracted) = 0 THEN 'CURATED' ELSE 'EXTRACTED' END,
         fact.extractor = CASE WHEN curated > 0 THEN null ELSE apoc.coll.min([c IN extracted | c.extractor]) END,
         fact.confidence = CASE WHEN curated > 0 THEN null ELSE apoc.coll.max([c IN extracted | c.confidence]) END`,
    { ids },
  );
}

/** What other sources assert about the given nodes: null for a source loaded without an ingestion record. */
async function othersAssertions(tx: Tx, sourceId: string, ids: string[]): Promise<Map<string, Array<AssertionSet | null>>> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (fact:Fact {id: id})-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(source:Source)
     WHERE source.id <> $source
     WITH id, source
     OPTIONAL MATCH (ingestion:Ingestion)-[:OF_SOURCE]->(source)
     RETURN id, collect(DISTINCT ingestion.assertions) AS known, count(DISTINCT source) - count(DISTINCT ingestion) AS unknown`,
    { ids, source: `source:${sourceId}` },
  );
  const parsed = new Map<string, AssertionSet>();
  const byNode = new Map<string, Array<AssertionSet | null>>();
  for (const record of result.records) {
    const sets: Array<AssertionSet | null> = (record.get('known') as string[]).map((packed) => {
      if (!parsed.has(packed)) parsed.set(packed, unpackAssertions(packed));
      return parsed.get(packed)!;
    });
    if (neo4j.integer.toNumber(record.get('unknown')) > 0) sets.push(null);
    byNode.set(record.get('id') as string, sets);
  }
  return byNode;
}

/**
 * The properties a node keeps when a source's old assertion of it is withdrawn and its new one (if any) applies:
 * values other sources assert stay; a value only the old version gave is replaced by the new one, or removed.
 */
function retractedProps(
  current: Record<string, unknown>,
  old: NodeAssertion,
  next: NodeAssertion | undefined,
  others: Array<AssertionSet | null>,
): Record<string, unknown> {
  const otherNodes = others.map((set) => (set === null ? null : set.nodes.find((node) => node.id === old.id)));
  const unknown = otherNodes.includes(null);
  const result: Record<string, unknown> = { ...current };
  const keys = new Set([...Object.keys(old.props), ...Object.keys(next?.props ?? {})]);
  for (const key of keys) {
    if (key === 'id') continue;
    const oldValue = old.props[key];
    const nextValue = next?.props[key];
    if (Array.isArray(oldValue) || Array.isArray(nextValue)) {
      // Values the old version gave and no other source (nor the new version, which adds its own) asserts go.
      const asserted = new Set<unknown>((nextValue as string[] | undefined) ?? []);
      for (const node of otherNodes) for (const value of (node?.props[key] as string[] | undefined) ?? []) asserted.add(value);
      const given = new Set<unknown>((oldValue as string[] | undefined) ?? []);
      result[key] = ((current[key] as unknown[] | undefined) ?? []).filter((value) => unknown || !given.has(value) || asserted.has(value));
    } else if (current[key] === undefined || sameValue(current[key], oldValue)) {
      // The old version gave the current value (or none is set): the new version's, else another source's, else none.
      const otherValue = otherNodes.find((node) => node?.props[key] !== undefined)?.props[key];
      const value = nextValue ?? otherValue ?? (unknown ? current[key] : undefined);
      if (value === undefined) delete result[key];
      else result[key] = value;
    }
  }
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (neo4j.isInt(a)) return b !== undefined && b !== null && neo4j.integer.toNumber(a as never) === b;
  return a === b;
}

/**
 * The reading of each relationship the old version stated with a role (a participation) that stays: plain when
 * any remaining source states it plainly, else the first reading. Unknown sources leave it as it is.
 */
async function restateRelationships(tx: Tx, old: AssertionSet, next: AssertionSet, others: Map<string, Array<AssertionSet | null>>) {
  const rows: Array<Record<string, unknown>> = [];
  for (const relationship of old.relationships.filter((candidate) => candidate.props?.role !== undefined)) {
    const key = relationshipKey(relationship);
    const sets = [next, ...(others.get(relationship.from) ?? [])];
    if (sets.includes(null)) continue;
    const stated = (sets as AssertionSet[]).flatMap((set) => set.relationships.filter((other) => relationshipKey(other) === key));
    if (stated.length === 0) continue;
    const readings = stated.map((other) => other.props?.reading ?? null);
    const first = readings.includes(null) ? undefined : stated.map((other) => other.props!).sort((a, b) => `${a.reading}`.localeCompare(`${b.reading}`))[0];
    rows.push({ ...relationship, role: relationship.props!.role, reading: first?.reading ?? null, readingNote: first?.readingNote ?? null });
  }
  await runRows(
    tx,
    emptyCounts(),
    `UNWIND $rows AS row
     MATCH (from:Fact {id: row.from})-[relationship]->(to:Fact {id: row.to})
     WHERE type(relationship) = row.type AND relationship.role = row.role
     SET relationship.reading = row.reading, relationship.readingNote = row.readingNote`,
    { rows },
  );
}

/** Withdraws what the old version of an article asserted and the new one does not (see the file comment). */
export async function retractAssertions(tx: Tx, old: AssertionSet, next: AssertionSet): Promise<WriteCounts> {
  const counts = emptyCounts();
  const source = `source:${old.sourceId}`;
  const keepCitations = next.citations.map((citation) => `${citation.fact}|${citation.passage}`);
  await run(
    tx,
    counts,
    `MATCH (:Source {id: $source})<-[:IN_SOURCE]-(passage:Passage)<-[citation:EVIDENCED_BY]-(fact)
     WHERE NOT fact.id + '|' + passage.id IN $keep
     DELETE citation`,
    { source, keep: keepCitations },
  );
  await run(
    tx,
    counts,
    `MATCH (:Source {id: $source})<-[:IN_SOURCE]-(passage:Passage)
     WHERE NOT passage.id IN $keep
     DETACH DELETE passage`,
    { source, keep: next.passages.map((passage) => passage.id) },
  );

  const nextRelationships = new Set(next.relationships.map(relationshipKey));
  const withdrawn = old.relationships.filter((relationship) => !nextRelationships.has(relationshipKey(relationship)));
  const others = await othersAssertions(tx, old.sourceId, [...new Set([...old.nodes.map((node) => node.id)])]);
  const assertedElsewhere = (relationship: RelationshipAssertion) =>
    (others.get(relationship.from) ?? []).some(
      (set) => set === null || set.relationships.some((other) => relationshipKey(other) === relationshipKey(relationship)),
    );
  await run(
    tx,
    counts,
    `UNWIND $rows AS row
     MATCH (from:Fact {id: row.from})-[relationship]->(to:Fact {id: row.to})
     WHERE type(relationship) = row.type AND coalesce(relationship.role, '') = row.role
     DELETE relationship`,
    {
      rows: withdrawn
        .filter((relationship) => !assertedElsewhere(relationship))
        .map((relationship) => ({ from: relationship.from, type: relationship.type, to: relationship.to, role: relationship.props?.role ?? '' })),
    },
  );

  const nextNodes = new Map(next.nodes.map((node) => [node.id, node]));
  await run(
    tx,
    counts,
    `UNWIND $ids AS id
     MATCH (node:Fact {id: id})
     WHERE NOT (node)-[:EVIDENCED_BY]->()
     DETACH DELETE node`,
    { ids: old.nodes.filter((node) => !nextNodes.has(node.id)).map((node) => node.id) },
  );

  const current = await tx.run(
    'UNWIND $ids AS id MATCH (node:Fact {id: id}) RETURN node.id AS id, properties(node) AS props',
    { ids: old.nodes.map((node) => node.id) },
  );
  const oldNodes = new Map(old.nodes.map((node) => [node.id, node]));
  const rows = current.records.map((record) => {
    const id = record.get('id') as string;
    const props = retractedProps(record.get('props') as Record<string, unknown>, oldNodes.get(id)!, nextNodes.get(id), others.get(id) ?? []);
    return { id, props: toNeo4j(props as Properties) };
  });
  await run(tx, counts, 'UNWIND $rows AS row MATCH (node:Fact {id: row.id}) SET node = row.props', { rows });
  await recomputeStatements(tx, rows.map((row) => row.id));
  await restateRelationships(tx, old, next, others);

  const nextMerges = new Set(next.merges.map((merge) => merge.id));
  await run(
    tx,
    emptyCounts(),
    `UNWIND $ids AS id
     MATCH (merge:Merge {id: id, status: 'active'})
     OPTIONAL MATCH ()-[link:SAME_AS {mergeId: id}]->()
     DELETE link
     DELETE merge`,
    { ids: old.merges.map((merge) => merge.id).filter((id) => !nextMerges.has(id)) },
  );
  return counts;
}
