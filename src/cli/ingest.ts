/**
 * `npm run ingest -- [--dry-run] [--batch-size N] <files or folders>`: checks and loads annotated articles.
 * Progress goes to stderr (a bar on a terminal, a line every few seconds otherwise); the summary to stdout.
 * Exits non-zero when any article failed.
 */
import { loadConfig } from '../config';
import { applySchema } from '../db/cypher-scripts';
import { openDatabase } from '../db/database';
import { runCli, UserError } from '../errors';
import { formatConflict } from '../ingest/conflicts';
import { ingestFiles, type IngestSummary } from '../ingest/ingest';
import { formatProblem } from '../ingest/validate';

const USAGE = 'usage: npm run ingest -- [--dry-run] [--batch-size N] <files or folders of .yaml, .yml or .json articles>';

export function parseArguments(args: string[]): { paths: string[]; dryRun: boolean; batchSize: number } {
  const paths: string[] = [];
  let dryRun = false;
  let batchSize = 50;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--batch-size') {
      batchSize = Number(args[++i]);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number from 1: got '${args[i]}'\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') throw new UserError(USAGE);
    else if (arg.startsWith('--')) throw new UserError(`unknown option ${arg}\n${USAGE}`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new UserError(`no files or folders given\n${USAGE}`);
  return { paths, dryRun, batchSize };
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLine = 0;
  return ({ done, total }: { done: number; total: number }) => {
    if (total < 2) return;
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const text = `${done}/${total} articles, ${rate.toFixed(0)}/s${done < total && rate > 0 ? `, ${((total - done) / rate).toFixed(0)} s left` : ''}`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}  ${done === total ? '\n' : ''}`);
    } else if (done === total || Date.now() - lastLine > 5000) {
      lastLine = Date.now();
      stream.write(`${text}\n`);
    }
  };
}

export function formatSummary(summary: IngestSummary): string {
  const { articles, nodes, relationships } = summary;
  const lines = [
    `${summary.dryRun ? 'Dry run (nothing written): ' : ''}${summary.files} file(s): ${articles.new} new, ${articles.corrected} corrected, ` +
      `${articles.unchanged} unchanged, ${articles.failed} failed.`,
    `Nodes: ${nodes.created} created${nodes.records ? ` (${nodes.records} of them ingestion and merge records)` : ''}, ${nodes.matched} matched${nodes.deleted ? `, ${nodes.deleted} deleted` : ''}. ` +
      `Relationships: ${relationships.created} created, ${relationships.matched} matched${relationships.deleted ? `, ${relationships.deleted} deleted` : ''}.`,
    `Merges: ${summary.merges} (npm run report lists them; npm run merge:undo -- <id> undoes one).`,
  ];
  if (summary.interrupted) {
    const { reason, written, notWritten } = summary.interrupted;
    lines.push(
      `INTERRUPTED: the database failed (${reason}). ${written} article(s) were written and stay written; ` +
        `${notWritten.length} were not written. Run the same command again to resume: the written articles are skipped as unchanged.`,
    );
  }
  if (summary.conflicts.length > 0) {
    lines.push(
      `CONFLICTS: ${summary.conflicts.length} likely contradiction(s) between articles; both sides were loaded as their ` +
        'sources state them (npm run report lists every conflict in the graph):',
    );
    for (const conflict of summary.conflicts) lines.push(`  ${formatConflict(conflict)}`);
  }
  for (const failure of summary.failures) {
    lines.push(`FAILED ${failure.file}:`);
    for (const problem of failure.problems) lines.push(`  ${formatProblem(problem)}`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  void runCli(async () => {
    const options = parseArguments(process.argv.slice(2));
    const config = loadConfig();
    const db = await openDatabase(config, (line) => process.stderr.write(`${line}\n`));
    try {
      await applySchema(db.driver, config.neo4j.database);
      const summary = await ingestFiles(db.driver, config.neo4j.database, options.paths, {
        dryRun: options.dryRun,
        batchSize: options.batchSize,
        onProgress: progressReporter(),
      });
      process.stdout.write(`${formatSummary(summary)}\n`);
      if (summary.failures.length > 0 || summary.interrupted) process.exitCode = 1;
    } finally {
      await db.close();
    }
  });
}
