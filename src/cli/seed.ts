/** `npm run seed`: applies cypher/00-schema.cypher, then runs the seed scripts (idempotent: run it any time). */
import { loadConfig } from '../config';
import { applySchema } from '../db/cypher-scripts';
import { openDatabase } from '../db/database';
import { runCli } from '../errors';
import { seedGraph } from '../ingest/seed';

const log = (line: string) => process.stdout.write(`${line}\n`);

void runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  try {
    await applySchema(db.driver, config.neo4j.database);
    log('Constraints and indexes are in place.');
    await seedGraph(db.driver, config.neo4j.database, log);
  } finally {
    await db.close();
  }
});
