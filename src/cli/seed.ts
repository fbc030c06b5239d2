/** `npm run seed`: applies cypher/00-schema.cypher, then runs the seed scripts (idempotent: run it any time). */
import { loadConfig } from '../config';
import { applySchema, runSeedScripts } from '../db/cypher-scripts';
import { openDatabase } from '../db/database';
import { runCli } from '../errors';

const log = (line: string) => process.stdout.write(`${line}\n`);

void runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  try {
    await applySchema(db.driver, config.neo4j.database);
    log('Constraints and indexes are in place.');
    await runSeedScripts(db.driver, config.neo4j.database, log);
  } finally {
    await db.close();
  }
});
