/**
 * Loading the seed: the Cypher seed scripts (cypher/), then, for each source a script loaded, the ingestion record
 * its annotated article (data/articles/<source id>.yaml, the same facts: a test keeps them equal) would leave. With
 * that record the seed is a source like any other: a later correction or an undone merge retracts exactly what
 * another article said, and knows what the seed says.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../config';
import { runSeedScripts } from '../db/cypher-scripts';
import type { Log } from '../db/install';
import { articleChecksum, cliLoader } from './ingest';
import { planArticle } from './plan';
import { LocalResolver } from './resolve';
import { formatProblem, validateFile } from './validate';
import { writeIngestionRecords } from './write';

export const SEED_ARTICLES = path.join(PROJECT_ROOT, 'data', 'articles');

export async function seedGraph(driver: Driver, database: string, log: Log): Promise<void> {
  await runSeedScripts(driver, database, log);
  await recordSeedIngestions(driver, database);
}

/** The ingestion records of the sources the seed scripts loaded, from their annotated articles. */
export async function recordSeedIngestions(driver: Driver, database: string): Promise<void> {
  const { records } = await driver.executeQuery(
    'MATCH (source:Source) WHERE NOT EXISTS { (:Ingestion)-[:OF_SOURCE]->(source) } RETURN substring(source.id, size("source:")) AS id',
    {},
    { database },
  );
  for (const sourceId of records.map((record) => record.get('id') as string)) {
    const file = path.join(SEED_ARTICLES, `${sourceId}.yaml`);
    if (!fs.existsSync(file)) continue;
    const valid = validateFile(file);
    if (!valid.ok) throw new Error(`the seed article ${file} is not valid: ${valid.problems.map(formatProblem).join('; ')}`);
    const assertions = planArticle(valid.value, new LocalResolver());
    const session = driver.session({ database });
    try {
      await session.executeWrite((tx) =>
        writeIngestionRecords(tx, [{ sourceId, checksum: articleChecksum(valid.value), file, loadedBy: cliLoader(), assertions }]),
      );
    } finally {
      await session.close();
    }
  }
}
