/**
 * `npm run bench:extract -- [--articles 1000] [--warm-up 5] [--no-ingest]`: what extraction costs on this machine.
 * A managed CoreNLP is started with the extraction's annotators (cold start: start to ready), a few other reports warm
 * it up, then each of N invented 2-4 KB reports (bench/corenlp-texts.ts) is extracted one at a time: articles per
 * second, the median time per article, the share of it in CoreNLP and in our rules, and the peak RSS of the JVM and
 * of Node. Then (unless --no-ingest) the N drafts are loaded into the bench Neo4j (.neo4j/bench-instance, emptied
 * first): extraction plus ingest, end to end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { ManagedCoreNLP } from '../src/corenlp/managed-corenlp';
import { applySchema } from '../src/db/cypher-scripts';
import { runCli } from '../src/errors';
import { extract, EXTRACT_ANNOTATORS } from '../src/extract/extract';
import { readInput } from '../src/extract/input';
import { ingestFiles } from '../src/ingest/ingest';
import { exitOnSignals, onShutdown } from '../src/shutdown';
import { cpuSeconds, peakRssGB } from './corenlp';
import { inventedReport } from './corenlp-texts';
import { numberOption, openBenchDatabase, wipe } from './load';
import { median, percentile, table, writeBenchmarkJson, writeBenchmarkSection } from './report';

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const articles = numberOption(args, '--articles', 1000);
  const warmUpCount = numberOption(args, '--warm-up', 5);
  const ingest = !args.includes('--no-ingest');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  exitOnSignals(log);
  const config = loadConfig();
  const loadBefore = os.loadavg()[0];

  const started = process.hrtime.bigint();
  const server = await ManagedCoreNLP.start({
    server: config.corenlp.managed,
    preload: EXTRACT_ANNOTATORS,
    requestTimeoutMs: config.corenlp.requestTimeoutMs,
    maxChars: config.corenlp.maxChars,
    log: () => undefined,
  });
  onShutdown(() => server.stop());
  const coldStartS = seconds(started);
  log(`CoreNLP (${EXTRACT_ANNOTATORS.join(', ')}) ready in ${coldStartS.toFixed(1)} s`);
  const client = server.client();
  const version = await client.version();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-bench-extract-'));
  const times: { wall: number; corenlp: number; rules: number }[] = [];
  let extractionS = 0;
  let ingestS: number | undefined;
  let loaded: string | undefined;
  let corenlpPeak: number | undefined;
  let corenlpCpu = 0;
  try {
    const report = (seed: number, n: number) => readInput(`bench-${seed}-${n}.txt`, Buffer.from(inventedReport(seed, n)));
    for (let n = 0; n < warmUpCount; n++) await extract(client, version, report(2, n), { published: '2025-04-11' });
    const cpuBefore = cpuSeconds(server.pid);
    const begun = process.hrtime.bigint();
    for (let n = 0; n < articles; n++) {
      const t = process.hrtime.bigint();
      const result = await extract(client, version, report(1, n), { published: '2025-04-11' });
      if (result.problems.length) throw new Error(`draft ${n} fails validation: ${result.problems[0].reason}`);
      times.push({ wall: seconds(t), corenlp: result.timings.corenlp / 1000, rules: result.timings.rules / 1000 });
      fs.writeFileSync(path.join(folder, `bench-${n}.json`), JSON.stringify(result.draft));
      if ((n + 1) % 50 === 0 || n + 1 === articles) log(`${n + 1}/${articles} extracted, ${((n + 1) / seconds(begun)).toFixed(2)} articles/s`);
    }
    extractionS = seconds(begun);
    corenlpCpu = cpuSeconds(server.pid) - cpuBefore;
    corenlpPeak = peakRssGB(server.pid);
  } finally {
    await server.stop();
  }
  if (ingest) {
    const { db, config: benchConfig } = await openBenchDatabase(log);
    try {
      await wipe(db.driver, benchConfig.neo4j.database);
      await applySchema(db.driver, benchConfig.neo4j.database);
      const t = process.hrtime.bigint();
      const summary = await ingestFiles(db.driver, benchConfig.neo4j.database, [folder]);
      ingestS = seconds(t);
      loaded = `${summary.articles.new} new, ${summary.articles.failed} failed`;
      log(`ingest of ${articles} drafts: ${ingestS.toFixed(1)} s (${loaded})`);
    } finally {
      await db.close();
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const nodePeakGB = process.resourceUsage().maxRSS / 1e6;
  const wall = times.map((t) => t.wall);
  const totalCorenlp = times.reduce((s, t) => s + t.corenlp, 0);
  const totalRules = times.reduce((s, t) => s + t.rules, 0);
  const result = {
    date: new Date().toISOString().slice(0, 10),
    cores: os.cpus().length,
    articles,
    coldStartS,
    articlesPerSecond: articles / extractionS,
    perArticleMedianS: median(wall),
    perArticleP90S: percentile(wall, 90),
    corenlpShare: totalCorenlp / (totalCorenlp + totalRules),
    rulesShare: totalRules / (totalCorenlp + totalRules),
    rulesMedianMs: median(times.map((t) => t.rules * 1000)),
    corenlpCpuPerArticleS: corenlpCpu / articles,
    corenlpPeakRssGB: corenlpPeak,
    nodePeakRssGB: nodePeakGB,
    extractionS,
    ingestS,
    loaded,
    loadAverage: [loadBefore, os.loadavg()[0]],
  };
  log(JSON.stringify(result, null, 2));
  writeBenchmarkJson('extract', result);
  const fixed = (value: number | undefined, digits: number) => (value === undefined ? '-' : value.toFixed(digits));
  writeBenchmarkSection(
    'extract',
    [
      '## Extraction from raw text',
      '',
      `Measured by \`npm run bench:extract -- --articles ${articles}\` on ${result.date} (${result.cores} cores, shared; load ` +
        `average ${result.loadAverage[0].toFixed(1)} before, ${result.loadAverage[1].toFixed(1)} after). A managed CoreNLP 4.5.10 ` +
        `with the extraction's annotators (${EXTRACT_ANNOTATORS.join(', ')}), ${warmUpCount} warm-up reports, then ${articles} ` +
        'invented 2-4 KB reports (bench/corenlp-texts.ts) extracted one at a time, each draft validated; then the drafts ' +
        'loaded into an empty bench database by the ingest.',
      '',
      table(
        ['cold start (s)', 'articles/s (warm)', 'per article, median (s)', 'p90 (s)', 'CoreNLP share', 'rules share', 'rules, median (ms)', 'CoreNLP CPU per article (s)', 'CoreNLP peak RSS (GB)', 'Node peak RSS (GB)', `extraction of ${articles} (s)`, `ingest of ${articles} (s)`],
        [[
          fixed(coldStartS, 1),
          fixed(result.articlesPerSecond, 2),
          fixed(result.perArticleMedianS, 3),
          fixed(result.perArticleP90S, 3),
          `${(result.corenlpShare * 100).toFixed(0)}%`,
          `${(result.rulesShare * 100).toFixed(0)}%`,
          fixed(result.rulesMedianMs, 1),
          fixed(result.corenlpCpuPerArticleS, 3),
          fixed(corenlpPeak, 2),
          fixed(nodePeakGB, 2),
          fixed(extractionS, 0),
          fixed(ingestS, 0),
        ]],
      ),
    ].join('\n'),
  );
}

if (require.main === module) void runCli(main);
