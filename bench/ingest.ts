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
import { runCli } from '../src/errors';
import { corpus, loadRun, numberOption, openBenchDatabase } from './load';
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
    // Warm-up, not measured: the JVM compiles the hot paths of both loads before the first measured run.
    log('Warm-up (not measured)...');
    await loadRun(db.driver, database, corpus(300, seed + 1000), batchSize);
    for (let run = 1; run <= runs; run++) {
      log(`Run ${run}/${runs}: ingest, then raw UNWIND ... MERGE...`);
      const measured = await loadRun(db.driver, database, dir, batchSize, progressReporter(process.stdout));
      facts = measured.facts;
      ingest.push(facts / measured.ingestSeconds);
      raw.push(facts / measured.rawSeconds);
      log(
        `  ingest: ${measured.ingestSeconds.toFixed(1)} s, ${ingest.at(-1)!.toFixed(0)} facts/s, ${measured.merges} merges; ` +
          `raw: ${measured.rawSeconds.toFixed(1)} s, ${raw.at(-1)!.toFixed(0)} facts/s`,
      );
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
