/**
 * The data version: the shape of the graph this version of the project writes and reads (schema.graphql and the
 * writer in src/ingest/write.ts), recorded in the database as one bookkeeping node, `(:DataVersion {id, version})`.
 * A database written by another version is refused before anything reads or writes it, with what to do, instead of
 * being served with errors ("Cannot return null for non-nullable field ...") or mixed with facts of another shape.
 *
 * Raise DATA_VERSION, and describe the new shape in SHAPES, with any change to the graph that data already loaded
 * would not have.
 */
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { UserError } from '../errors';

export const DATA_VERSION = 2;

/** What each data version holds, for the messages. Version 1 predates the marker: it is told by its shape. */
const SHAPES: Record<number, string> = {
  1: 'written before the article format v2: its facts have no provenance, and ids of an older form',
  2: 'the article format v2: facts with reading and provenance, cited through passages',
};

export const DATA_VERSION_LABEL = 'DataVersion';
const MARKER_ID = 'data-version';

/**
 * The data version of the database, read without writing anything: DATA_VERSION when recorded so, `null` when none is
 * recorded yet (an empty database, or one a version of the project wrote before versions were recorded). A database
 * of another version is a UserError, and is left as it was.
 */
export async function checkDataVersion(driver: Driver, database: string): Promise<number | null> {
  const read = async (query: string, parameters: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, parameters, { database, routing: neo4j.routing.READ })).records[0];
  const recorded = (await read('OPTIONAL MATCH (marker:DataVersion {id: $id}) RETURN marker.version AS version', { id: MARKER_ID }))
    .get('version') as Parameters<typeof neo4j.integer.toNumber>[0] | null;
  // No marker: empty, or written before versions were recorded (once per database: a scan of the facts).
  const version =
    recorded !== null
      ? neo4j.integer.toNumber(recorded)
      : (await read('RETURN EXISTS { MATCH (fact:Fact) WHERE fact.provenance IS NULL } AS beforeV2')).get('beforeV2')
        ? 1
        : null;
  if (version !== null && version !== DATA_VERSION) throw new UserError(dataVersionMessage(database, version));
  return version;
}

/** Records this data version (idempotent; the marker's uniqueness constraint must be in place). */
export async function recordDataVersion(driver: Driver, database: string): Promise<void> {
  await driver.executeQuery(
    'MERGE (marker:DataVersion {id: $id}) ON CREATE SET marker.version = $version',
    { id: MARKER_ID, version: neo4j.int(DATA_VERSION) },
    { database },
  );
}

function dataVersionMessage(database: string, version: number): string {
  const found = `Database "${database}" holds a graph of data version ${version}`;
  const reads = `this version of the project reads data version ${DATA_VERSION} (${SHAPES[DATA_VERSION]})`;
  if (version > DATA_VERSION) {
    return `${found}, written by a newer version of the project; ${reads}. Update the project (git pull, then npm ci).`;
  }
  return (
    `${found} (${SHAPES[version] ?? 'an older shape'}); ${reads}, and cannot convert it. Nothing was changed. ` +
    'Keep a copy if you need one (npm run db:dump), then start from an empty database: move the data folder away ' +
    '(NEO4J_DATA_DIR, .neo4j/instance by default), or empty the server NEO4J_URI names. npm start then loads the ' +
    'seed, and npm run ingest -- <files> loads your articles again.'
  );
}
