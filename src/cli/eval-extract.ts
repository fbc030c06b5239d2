/**
 * `npm run eval:extract -- [--verbose] [--json FILE] [GOLD FILES OR FOLDERS]`: drafts each gold article's text with
 * the extractor and scores the draft against the gold (src/extract/evaluate.ts). By default the gold is the seed
 * (data/articles), the dev set (test/fixtures/dev) and the held-out set (test/fixtures/holdout, never tuned on).
 * Prints P, R and F1 per kind for each set apart, and the names the drafts invented. CoreNLP annotations are cached in .corenlp/cache (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../config';
import { openCoreNLP } from '../corenlp/open';
import { runCli, UserError } from '../errors';
import { add, f1, KINDS, score, type Counts, type Kind, type Score } from '../extract/evaluate';
import { annotateCached, draftFrom } from '../extract/extract';
import { articleSchema } from '../ingest/format';
import { formatProblem } from '../ingest/validate';
import { DEFAULT_GOLD, loadGold, type GoldSet } from '../extract/dev-set';
import { exitOnSignals, onShutdown } from '../shutdown';

const USAGE = 'usage: npm run eval:extract -- [--verbose] [--json FILE] [gold article files or folders]';

interface Row {
  file: string;
  set: GoldSet;
  score: Score;
  invalid: number;
}

function table(title: string, rows: Row[]): string {
  const total = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Counts>;
  for (const row of rows) for (const kind of KINDS) total[kind] = add(total[kind], row.score.counts[kind]);
  const lines = [`${title} (${rows.length} article${rows.length === 1 ? '' : 's'})`, `  ${'kind'.padEnd(20)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   tp/fp/fn`];
  for (const kind of KINDS) {
    const { p, r, f1: f } = f1(total[kind]);
    const c = total[kind];
    lines.push(`  ${kind.padEnd(20)} ${p.toFixed(2).padStart(5)} ${r.toFixed(2).padStart(5)} ${f.toFixed(2).padStart(5)}   ${c.tp}/${c.fp}/${c.fn}`);
  }
  const invented = rows.flatMap((row) => row.score.invented);
  lines.push(`  invented names: ${invented.length}${invented.length ? ` (${invented.join(', ')})` : ''}`);
  const invalid = rows.reduce((n, row) => n + row.invalid, 0);
  lines.push(`  drafts the ingest refuses: ${invalid}`);
  return lines.join('\n');
}

export function totals(rows: Row[]): Record<Kind, ReturnType<typeof f1> & Counts> {
  const out = {} as Record<Kind, ReturnType<typeof f1> & Counts>;
  for (const kind of KINDS) {
    const c = rows.reduce((sum, row) => add(sum, row.score.counts[kind]), { tp: 0, fp: 0, fn: 0 });
    out[kind] = { ...c, ...f1(c) };
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let verbose = false;
  let json: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--verbose' || args[i] === '-v') verbose = true;
    else if (args[i] === '--json') json = args[++i];
    else if (args[i] === '--help' || args[i] === '-h') throw new UserError(USAGE);
    else if (args[i].startsWith('--')) throw new UserError(`unknown option ${args[i]}\n${USAGE}`);
    else paths.push(args[i]);
  }
  const golds = loadGold(paths.length ? paths : DEFAULT_GOLD);
  const config = loadConfig();
  exitOnSignals((line) => process.stderr.write(`${line}\n`));
  const corenlp = await openCoreNLP(config, (line) => process.stderr.write(`${line}\n`));
  onShutdown(() => corenlp.close());
  const rows: Row[] = [];
  try {
    for (const gold of golds) {
      const { article, text, where, file } = gold;
      const annotation = await annotateCached(corenlp.client, corenlp.version, text, article.source.publishedOn, path.join(PROJECT_ROOT, '.corenlp', 'cache'));
      const result = draftFrom({ where, text, header: {} }, annotation, { published: article.source.publishedOn }, corenlp.version);
      const draft = articleSchema.parse(result.draft);
      const s = score(article, draft, text);
      rows.push({ file: path.relative(PROJECT_ROOT, file), set: gold.set, score: s, invalid: result.problems.length });
      if (result.problems.length) process.stderr.write(`${file}: the draft has problems:\n${result.problems.map(formatProblem).join('\n')}\n`);
      if (verbose) {
        process.stdout.write(`\n${path.basename(file)}\n`);
        for (const kind of KINDS) {
          for (const miss of s.misses[kind]) process.stdout.write(`  missed ${kind}: ${miss}\n`);
          for (const wrong of s.wrong[kind]) process.stdout.write(`  wrong  ${kind}: ${wrong}\n`);
        }
      }
    }
  } finally {
    await corenlp.close();
  }
  const sets: [GoldSet, string][] = [
    ['dev', 'Dev set'],
    ['seed', 'Seed article'],
    ['holdout', 'Held-out set (never tuned on)'],
  ];
  const present = sets.filter(([set]) => rows.some((r) => r.set === set));
  process.stdout.write(`\n${present.map(([set, title]) => table(title, rows.filter((r) => r.set === set))).join('\n\n')}\n`);
  if (json) {
    const bySet = Object.fromEntries(present.map(([set]) => [set, totals(rows.filter((r) => r.set === set))]));
    fs.writeFileSync(json, `${JSON.stringify({ ...bySet, invented: rows.flatMap((r) => r.score.invented).length, articles: rows.map((r) => ({ file: r.file, counts: r.score.counts })) }, null, 2)}\n`);
  }
}

if (require.main === module) void runCli(main);
