/** `npm run merge:undo -- <merge id>`: undoes a merge entity resolution made (ids: npm run report). */
import { loadConfig } from '../config';
import { applySchema } from '../db/cypher-scripts';
import { openDatabase } from '../db/database';
import { runCli, UserError } from '../errors';
import { undoMerge } from '../ingest/merges';

void runCli(async () => {
  const [id, ...rest] = process.argv.slice(2);
  if (!id || rest.length > 0) throw new UserError('usage: npm run merge:undo -- <merge id> (npm run report lists them)');
  const config = loadConfig();
  const db = await openDatabase(config, (line) => process.stderr.write(`${line}\n`));
  try {
    await applySchema(db.driver, config.neo4j.database); // refuses a graph another version of the project wrote
    const { merge } = await undoMerge(db.driver, config.neo4j.database, id);
    process.stdout.write(
      merge.kind === 'RESOLVED'
        ? `Undone: '${merge.form}' of ${merge.sourceId} is no longer ${merge.target}; the article was ingested again.\n`
        : `Undone: ${merge.subject} is no longer linked to ${merge.target}.\n`,
    );
  } finally {
    await db.close();
  }
});
