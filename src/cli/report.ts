/** `npm run report [-- --json]`: the data-quality report. Exits non-zero when a fact has no evidence. */
import { loadConfig } from '../config';
import { applySchema } from '../db/cypher-scripts';
import { openDatabase } from '../db/database';
import { runCli } from '../errors';
import { dataQualityReport, formatReport } from '../report/data-quality';

void runCli(async () => {
  const json = process.argv.includes('--json');
  const config = loadConfig();
  const db = await openDatabase(config, (line) => process.stderr.write(`${line}\n`));
  try {
    await applySchema(db.driver, config.neo4j.database); // refuses a graph another version of the project wrote
    const report = await dataQualityReport(db.driver, config.neo4j.database);
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    if (report.factsWithoutEvidence.length > 0) process.exitCode = 1;
  } finally {
    await db.close();
  }
});
