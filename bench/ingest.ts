/**
 * `npm run bench:ingest -- [--articles 10000] [--runs 3] [--batch-size 50] [--seed 1]`: our ingest (validation,
 * entity resolution, bookkeeping, one transaction per batch) against a raw batched `UNWIND ... MERGE` of the same
 * facts (the nodes, relationships, passages and citations the ingest wrote, read back from its records), on a
 * generated corpus (src/generate/corpus.ts). Runs alternate; medians of facts per second go to docs/benchmarks.md.
 *
 * It uses a Neo4j of its own (a managed server in .neo4j/bench-instance on free ports) because it empties the
 * database between runs; NEO4J_URI is ignored. NEO4J_HEAP_SIZE and NEO4J_PAGECACHE_SIZE apply (default 2g, 1g).
 */
import os from 'node:os';
import { runCli, UserError } from '../src/errors';
import { factCount, ingestFiles } from '../src/ingest/ingest';
import type { AssertionSet } from '../src/ingest/plan';
import { assertionSets, corpus, numberOption, openBenchDatabase, rawLoad, wipe } from './load';
import { median, table, writeBenchmarkJson, writeBenchmarkSection } from './report';
import { progressReporter } from '../src/cli/ingest';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

void runCli(async () => {
  const args = process.argv.slice(2);
  const articles = numberOption(args, '--articles', 10_000);
  const runs = numberOption(args, '--runs', 3);
  const batchSize = numberOption(args, '--batch-size', 50);
  const seed = numberOption(args, '--seed', 1);
  log(`Generating ${articles} articles (seed ${seed})...`);
  const dir = corpus(articles, seed);

  const { db, config } = await openBenchDatabase(log);
  const database = config.neo4j.database;
  try {
    const ingest: number[] = [];
    const raw: number[] = [];
    let facts = 0;
    let sets: AssertionSet[] = [];
    // Warm-up, not measured: the JVM compiles the hot paths of both loads before the first measured run.
    log('Warm-up (not measured)...');
    const warmUp = corpus(300, seed + 1000);
    await wipe(db.driver, database);
    await ingestFiles(db.driver, database, [warmUp], { batchSize });
    const warmSets = await assertionSets(db.driver, database);
    await wipe(db.driver, database);
    await rawLoad(db.driver, database, warmSets, batchSize);
    for (let run = 1; run <= runs; run++) {
      await wipe(db.driver, database);
      log(`Run ${run}/${runs}: ingest...`);
      let started = performance.now();
      const summary = await ingestFiles(db.driver, database, [dir], { batchSize, onProgress: progressReporter(process.stdout) });
      const ingestSeconds = (performance.now() - started) / 1000;
      if (summary.failures.length) throw new UserError(`the generated corpus failed to load: ${JSON.stringify(summary.failures[0])}`);
      if (run === 1) {
        sets = await assertionSets(db.driver, database);
        facts = sets.reduce((sum, set) => sum + factCount(set), 0);
      }
      ingest.push(facts / ingestSeconds);
      log(`  ingest: ${ingestSeconds.toFixed(1)} s, ${(facts / ingestSeconds).toFixed(0)} facts/s, ${summary.merges} merges`);

      await wipe(db.driver, database);
      log(`Run ${run}/${runs}: raw UNWIND ... MERGE...`);
      started = performance.now();
      await rawLoad(db.driver, database, sets, batchSize);
      const rawSeconds = (performance.now() - started) / 1000;
      raw.push(facts / rawSeconds);
      log(`  raw: ${rawSeconds.toFixed(1)} s, ${(facts / rawSeconds).toFixed(0)} facts/s`);
    }
    const ratio = median(ingest) / median(raw);
    const date = new Date().toISOString().slice(0, 10);
    const fmt = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
    writeBenchmarkSection(
      'ingest',
      [
        '## Ingest against a raw batched load',
        '',
        `Measured by \`npm run bench:ingest -- --articles ${articles} --runs ${runs}\` on ${date} (${os.cpus().length} cores, ` +
          `Neo4j ${db.info.version}, heap ${config.managedNeo4j.heapSize}, page cache ${config.managedNeo4j.pageCacheSize}). ` +
          `A generated corpus of ${articles} articles (seed ${seed}; 200 countries, hubs visited often) holding ${facts} facts ` +
          '(nodes, relationships, passages and citations). The ingest reads and checks each file, resolves entities against ' +
          `the graph, records merges and ingestions, and writes ${batchSize} articles per transaction; the raw load writes ` +
          'the same facts, already resolved, with one plain `UNWIND ... MERGE` per label and relationship type, in ' +
          'batches of the same size. After a warm-up on another 300 articles, runs alternate on an emptied database; facts per second, median.',
        '',
        table(
          ['load', 'median facts/s', 'runs (facts/s)'],
          [
            ['ingest (`npm run ingest`)', median(ingest).toFixed(0), fmt(ingest)],
            ['raw `UNWIND ... MERGE`', median(raw).toFixed(0), fmt(raw)],
          ],
        ),
        '',
        `Ingest throughput is **${ratio.toFixed(2)}x** the raw load's (target: at least 0.7x).`,
      ].join('\n'),
    );
    writeBenchmarkJson('ingest', { date, neo4j: db.info.version, articles, facts, batchSize, runs, ingestFactsPerSecond: ingest, rawFactsPerSecond: raw, ratio });
  } finally {
    await db.close();
  }
});
