/**
 * `npm run ingest -- [--dry-run] [--batch-size N] <files or folders>`: checks and loads annotated articles.
 * Progress goes to stderr (a bar on a terminal, a line every few seconds otherwise); the summary to stdout.
 * Exits non-zero when any article failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config';
import { openCoreNLP } from '../corenlp/open';
import { extract, type ExtractOptions } from '../extract/extract';
import { listTexts, readInput } from '../extract/input';
import { applySchema } from '../db/cypher-scripts';
import { openDatabase } from '../db/database';
import { runCli, UserError } from '../errors';
import { formatConflict } from '../ingest/conflicts';
import { ingestFiles, type IngestSummary } from '../ingest/ingest';
import { formatProblem } from '../ingest/validate';

const USAGE =
  'usage: npm run ingest -- [--dry-run] [--batch-size N] <files or folders of .yaml, .yml or .json articles>\n' +
  '       npm run ingest -- --extract [--published YYYY-MM-DD] [--source NAME] [--url URL] [--drafts DIR] [--dry-run] <text files or folders of .txt>';

export interface IngestArguments {
  paths: string[];
  dryRun: boolean;
  batchSize: number;
  /** Raw texts: extract a draft of each, then load the drafts. */
  extract?: { options: ExtractOptions; drafts?: string };
}

export function parseArguments(args: string[]): IngestArguments {
  const paths: string[] = [];
  let dryRun = false;
  let batchSize = 50;
  let extract: IngestArguments['extract'];
  const value = (i: number, name: string) => {
    if (args[i] === undefined || args[i].startsWith('--')) throw new UserError(`${name} needs a value\n${USAGE}`);
    return args[i];
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--extract') extract ??= { options: {} };
    else if (arg === '--published' || arg === '--source' || arg === '--url') {
      extract ??= { options: {} };
      extract.options[arg.slice(2) as keyof ExtractOptions] = value(++i, arg);
    } else if (arg === '--drafts') {
      extract ??= { options: {} };
      extract.drafts = value(++i, arg);
    } else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--batch-size') {
      batchSize = Number(args[++i]);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number from 1: got '${args[i]}'\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') throw new UserError(USAGE);
    else if (arg.startsWith('--')) throw new UserError(`unknown option ${arg}\n${USAGE}`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new UserError(`no files or folders given\n${USAGE}`);
  if (extract && !args.includes('--extract')) throw new UserError(`--published, --source, --url and --drafts go with --extract\n${USAGE}`);
  return { paths, dryRun, batchSize, ...(extract ? { extract } : {}) };
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLine = 0;
  return ({ done, total }: { done: number; total: number }) => {
    if (total < 2) return;
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const text =
      `${done}/${total} articles, ${rate.toFixed(0)}/s` +
      // What follows the last article (a run's own check, a minute at 35,000 articles): not a hang.
      (done < total ? (rate > 0 ? `, ${((total - done) / rate).toFixed(0)} s left` : '') : '; looking for reports that contradict each other...');
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

/**
 * Drafts an article of each text with the extractor (CoreNLP is stopped before the graph is touched) and returns the
 * draft files: in `drafts` when given (kept for review), else in a temporary folder removed after the load. Every text
 * is checked before CoreNLP starts; a draft the validation refuses stops the run before anything is written.
 */
async function extractDrafts(config: Config, paths: string[], { options, drafts }: NonNullable<IngestArguments['extract']>, log: (line: string) => void): Promise<string[]> {
  const inputs = listTexts(paths).map((file) => readInput(file === '-' ? 'stdin' : file, fs.readFileSync(file === '-' ? 0 : file)));
  const folder = drafts ?? fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-drafts-'));
  fs.mkdirSync(folder, { recursive: true });
  const corenlp = await openCoreNLP(config, log);
  const files: string[] = [];
  try {
    for (const [index, input] of inputs.entries()) {
      const result = await extract(corenlp.client, corenlp.version, input, options);
      if (result.problems.length > 0) throw new UserError(`${input.where}: the draft fails validation (an extractor bug):\n${result.problems.map(formatProblem).join('\n')}`);
      const file = path.join(folder, `${String(result.draft.source && (result.draft.source as { id: string }).id)}.json`);
      fs.writeFileSync(file, `${JSON.stringify(result.draft, null, 2)}\n`);
      files.push(file);
      log(`[${index + 1}/${inputs.length}] extracted ${input.where}`);
    }
  } catch (error) {
    if (!drafts) fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await corenlp.close();
  }
  return files;
}

if (require.main === module) {
  void runCli(async () => {
    const options = parseArguments(process.argv.slice(2));
    const config = loadConfig();
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const paths = options.extract ? await extractDrafts(config, options.paths, options.extract, log) : options.paths;
    const db = await openDatabase(config, log);
    try {
      await applySchema(db.driver, config.neo4j.database);
      const summary = await ingestFiles(db.driver, config.neo4j.database, paths, {
        dryRun: options.dryRun,
        batchSize: options.batchSize,
        onProgress: progressReporter(),
      });
      process.stdout.write(`${formatSummary(summary)}\n`);
      if (summary.failures.length > 0 || summary.interrupted) process.exitCode = 1;
    } finally {
      await db.close();
      if (options.extract && !options.extract.drafts) fs.rmSync(path.dirname(paths[0]), { recursive: true, force: true });
    }
  });
}
