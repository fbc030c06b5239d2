/**
 * The merges entity resolution made: listed by `npm run report`, undone by `npm run merge:undo -- <id>`.
 * Undoing a merge marks it undone (resolution never makes it again), then:
 * - SAME_HOLDER: removes the SAME_AS link between the unnamed and the named holding;
 * - RESOLVED: ingests the article that made it again, so its entity becomes a node of its own and what the
 *   article said about it leaves the node it had been merged into.
 */
import fs from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { UserError } from '../errors';
import { ingestFiles, type IngestSummary } from './ingest';

export interface MergeEntry {
  id: string;
  kind: 'RESOLVED' | 'SAME_HOLDER';
  method: string;
  reason: string;
  sourceId: string;
  subject: string;
  target: string;
  form: string;
  status: 'active' | 'undone';
}

const MERGE_FIELDS = 'merge {.id, .kind, .method, .reason, .sourceId, .subject, .target, .form, .status} AS merge';

export async function listMerges(driver: Driver, database: string): Promise<MergeEntry[]> {
  const { records } = await driver.executeQuery(
    `MATCH (merge:Merge) RETURN ${MERGE_FIELDS} ORDER BY merge.sourceId, merge.id`,
    {},
    { database, routing: neo4j.routing.READ },
  );
  return records.map((record) => record.get('merge') as MergeEntry);
}

export async function undoMerge(driver: Driver, database: string, id: string): Promise<{ merge: MergeEntry; reingested?: IngestSummary }> {
  const { records } = await driver.executeQuery(`MATCH (merge:Merge {id: $id}) RETURN ${MERGE_FIELDS}`, { id }, { database });
  const merge = records[0]?.get('merge') as MergeEntry | undefined;
  if (!merge) throw new UserError(`no merge '${id}': npm run report lists the merges and their ids`);
  if (merge.status === 'undone') throw new UserError(`merge '${id}' is already undone`);
  let file: string | undefined;
  if (merge.kind === 'RESOLVED') {
    const { records } = await driver.executeQuery(
      'MATCH (ingestion:Ingestion {sourceId: $source}) RETURN ingestion.file AS file',
      { source: merge.sourceId },
      { database },
    );
    file = records[0]?.get('file') as string | undefined;
    if (!file) throw new UserError(`the article ${merge.sourceId} that made merge '${id}' has no ingestion record`);
    if (!fs.existsSync(file)) throw new UserError(`${file}, the article that made merge '${id}', is gone: restore it to undo the merge`);
  }
  await driver.executeQuery(
    `MATCH (merge:Merge {id: $id})
     SET merge.status = 'undone', merge.undoneAt = datetime()
     WITH merge
     OPTIONAL MATCH ()-[link:SAME_AS {mergeId: $id}]->()
     DELETE link`,
    { id },
    { database },
  );
  if (!file) return { merge: { ...merge, status: 'undone' } };
  const reingested = await ingestFiles(driver, database, [file], { force: true });
  if (reingested.failures.length > 0) {
    throw new UserError(`merge '${id}' is marked undone, but ${file} could not be ingested again: ${reingested.failures[0].problems[0].reason}`);
  }
  return { merge: { ...merge, status: 'undone' }, reingested };
}
