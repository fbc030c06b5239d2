/**
 * `npm run bench -- [--scales S,M,L] [--seed 1] [--rounds 100] [--load-runs 3] [--seconds 10]`: how cost grows with
 * the graph. Per scale of the generated corpus (src/generate/corpus.ts): load time of our ingest against a raw
 * batched `UNWIND ... MERGE` of the same facts; each contract query over HTTP GraphQL (the real API in a child
 * process) against its hand-written Cypher, p50/p95 and ratio; dbHits from PROFILE; throughput under 1 to 64
 * concurrent connections; the API's peak RSS and the Neo4j heap in use. Writes docs/benchmarks.md (one section per
 * scale and a summary against the targets) and docs/benchmarks.json. Uses a Neo4j of its own (bench/load.ts).
 */
import os from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import { progressReporter } from '../src/cli/ingest';
import { runCli, UserError } from '../src/errors';
import { SCALES, type Scale } from '../src/generate/corpus';
import { startApiProcess } from './api-process';
import { contractQueries } from './contract-queries';
import { latencyMarkdown, measureLatency, type LatencyResult } from './latency';
import { corpus, loadRun, numberOption, openBenchDatabase } from './load';
import { profileContractQueries, type GeneratedCypher, type QueryHits } from './profile';
import { BENCHMARKS_JSON, median, table, writeBenchmarkJson, writeBenchmarkSection } from './report';
import { chooseTargets } from './targets';
import { measureThroughput, type ThroughputResult } from './throughput';
import fs from 'node:fs';

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const CONNECTIONS = [1, 8, 32, 64];
/** The README's first question, as it now asks it (bench/contract-queries.ts). */
const FAST_FIRST_QUESTION = 'exchangesOf one person (fast form)';
/** The filtered forms a fast root field replaces: their figures are shown, their targets are the fast form's. */
const REPLACED: Record<string, string> = {
  'documentExchanges of one person': FAST_FIRST_QUESTION,
  'agreements of one country pair': 'agreementsBetween one country pair (fast form)',
};
const BATCH = 50;

interface ScaleResult {
  scale: Scale;
  articles: number;
  facts: number;
  nodes: number;
  relationships: number;
  load: { ingestSeconds: number[]; rawSeconds: number[]; ingestFactsPerSecond: number; rawFactsPerSecond: number; ratio: number };
  latency: LatencyResult[];
  dbHits: QueryHits[];
  /** The README's first question, in its fast form (exchangesOf) and in the filtered form it replaces. */
  throughput: Array<ThroughputResult & { query: string }>;
  memory: { apiPeakRssMiB: number; neo4jHeapUsedMiB: number };
  targets: Awaited<ReturnType<typeof chooseTargets>>;
}

async function heapUsedMiB(driver: Driver, database: string): Promise<number> {
  try {
    const { records } = await driver.executeQuery(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.used AS used",
      {},
      { database, routing: neo4j.routing.READ },
    );
    return neo4j.integer.toNumber(records[0].get('used')) / 1024 / 1024;
  } catch {
    return NaN;
  }
}

async function measureScale(
  scale: Scale,
  options: { seed: number; rounds: number; loadRuns: number; seconds: number; queriesOnly: boolean },
): Promise<ScaleResult> {
  const articles = SCALES[scale];
  log(`\n== Scale ${scale}: ${articles} articles (seed ${options.seed}) ==`);
  const dir = corpus(articles, options.seed);
  const { db, config } = await openBenchDatabase(log);
  const database = config.neo4j.database;
  try {
    const ingestSeconds: number[] = [];
    const rawSeconds: number[] = [];
    let facts = 0;
    // --queries-only: the bench database already holds this scale's graph (from an earlier run): measure the queries.
    for (let run = 1; run <= (options.queriesOnly ? 0 : options.loadRuns); run++) {
      const measured = await loadRun(db.driver, database, dir, BATCH, progressReporter(process.stdout));
      ingestSeconds.push(measured.ingestSeconds);
      rawSeconds.push(measured.rawSeconds);
      facts = measured.facts;
      log(`  load run ${run}: ingest ${measured.ingestSeconds.toFixed(1)} s, raw ${measured.rawSeconds.toFixed(1)} s (${facts} facts)`);
    }
    // The graph the queries run on: the raw load's, the same facts.
    const [counts] = (
      await db.driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships', {}, { database })
    ).records.map((record) => ({ nodes: neo4j.integer.toNumber(record.get('nodes')), relationships: neo4j.integer.toNumber(record.get('relationships')) }));

    const targets = await chooseTargets(db.driver, database);
    log(`  targets: ${JSON.stringify(targets)}`);
    const queries = contractQueries(targets);
    const generated: GeneratedCypher = new Map();
    const dbHits = await profileContractQueries(db.driver, config, queries, generated);
    const api = await startApiProcess(db.connection);
    try {
      const latency = await measureLatency(db.driver, database, api.url, queries, { rounds: options.rounds, warmup: 20, generated, log });
      const throughput: ScaleResult['throughput'] = [];
      for (const [name, levels] of [
        [FAST_FIRST_QUESTION, CONNECTIONS],
        [queries[0].name, [1, 64]],
      ] as const) {
        const query = queries.find((candidate) => candidate.name === name)!;
        for (const connections of levels) {
          const result = await measureThroughput(api.url, query.graphql, connections, options.seconds);
          log(`  ${name}, ${connections} connections: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms, ${result.errors} errors`);
          throughput.push({ query: name, ...result });
        }
      }
      const memory = { apiPeakRssMiB: api.peakRssMiB(), neo4jHeapUsedMiB: await heapUsedMiB(db.driver, database) };
      const ingestRate = facts / median(ingestSeconds);
      const rawRate = facts / median(rawSeconds);
      return {
        scale,
        articles,
        facts,
        ...counts,
        load: { ingestSeconds, rawSeconds, ingestFactsPerSecond: ingestRate, rawFactsPerSecond: rawRate, ratio: ingestRate / rawRate },
        latency,
        dbHits,
        throughput,
        memory,
        targets,
      };
    } finally {
      await api.stop();
    }
  } finally {
    await db.close();
  }
}

function scaleSection(result: ScaleResult, options: { rounds: number; loadRuns: number; seconds: number; queriesOnly: boolean }): string {
  const hits = new Map(result.dbHits.map((hit) => [hit.name, hit]));
  return [
    `## Scale ${result.scale}: ${result.articles} articles, ${result.facts} facts (${result.nodes} nodes, ${result.relationships} relationships)`,
    '',
    options.queriesOnly ? 'Load: not measured in this run (--queries-only: the graph of an earlier run of this scale).' : `Load, median of ${options.loadRuns} run(s) on an emptied database:`,
    '',
    table(
      ['load', 'median s', 'facts/s', 'runs (s)'],
      [
        ['ingest (`npm run ingest`)', median(result.load.ingestSeconds).toFixed(1), result.load.ingestFactsPerSecond.toFixed(0), result.load.ingestSeconds.map((s) => s.toFixed(1)).join(', ')],
        ['raw `UNWIND ... MERGE`', median(result.load.rawSeconds).toFixed(1), result.load.rawFactsPerSecond.toFixed(0), result.load.rawSeconds.map((s) => s.toFixed(1)).join(', ')],
      ],
    ),
    '',
    `Ingest / raw throughput: **${result.load.ratio.toFixed(2)}x**.`,
    '',
    `Contract queries (targets: person and exchanger "${result.targets.person}", countries ${result.targets.countryA} and ${result.targets.countryB}), ` +
      `${options.rounds} rounds each after 20 of warm-up, interleaved GraphQL over HTTP (the real API), hand-written Cypher and the Cypher the ` +
      'API generated for the question (run through the driver as the hand-written one: the plan\'s share of the ratio, and the layers\' share); ' +
      'milliseconds; dbHits from PROFILE of the Cypher @neo4j/graphql generated and of the hand-written Cypher:',
    '',
    latencyMarkdown(result.latency, {
      headers: ['dbHits GraphQL', 'dbHits Cypher'],
      cells: (latency) => [hits.get(latency.name)?.graphql ?? '', hits.get(latency.name)?.cypher ?? ''],
    }),
    '',
    `Throughput of the README's first question over loopback, in its fast form and in the filtered form, ${options.seconds} s per level (autocannon); errors include GraphQL errors in 200 answers:`,
    '',
    table(
      ['query', 'connections', 'requests/s', 'p99 (ms)', 'requests', 'errors'],
      result.throughput.map((t) => [t.query, t.connections, t.requestsPerSecond.toFixed(0), t.p99Ms, t.requests, t.errors]),
    ),
    '',
    `Memory: API peak RSS ${result.memory.apiPeakRssMiB.toFixed(0)} MiB; Neo4j heap in use ${Number.isNaN(result.memory.neo4jHeapUsedMiB) ? 'n/a' : `${result.memory.neo4jHeapUsedMiB.toFixed(0)} MiB`} (after the runs).`,
  ].join('\n');
}

function summarySection(results: ScaleResult[]): string {
  const smallest = results[0];
  const largest = results[results.length - 1];
  const selective = (name: string) => !name.startsWith('search') && !name.startsWith('connection');
  const verdict = (name: string, value: number, target: number) =>
    `${value.toFixed(2)}x${REPLACED[name] ? ' (replaced by its fast form)' : selective(name) ? (value <= target ? ' (met)' : ' (MISSED)') : ''}`;
  const rows = largest.latency.map((result) => {
    const base = smallest.latency.find((other) => other.name === result.name);
    const growth = base ? result.graphql.p50 / base.graphql.p50 : NaN;
    return [result.name, verdict(result.name, result.ratio, 1.3), verdict(result.name, growth, 1.5)];
  });
  const firstQuestion = (result: ScaleResult, connections: number) =>
    result.throughput.find((t) => t.query === FAST_FIRST_QUESTION && t.connections === connections)?.requestsPerSecond ?? NaN;
  const errors = results.reduce((sum, result) => sum + result.throughput.reduce((s, t) => s + t.errors, 0), 0);
  return [
    '## Scale benchmark: summary against the targets',
    '',
    `Measured by \`npm run bench -- --scales ${results.map((r) => r.scale).join(',')}\` on ${new Date().toISOString().slice(0, 10)} ` +
      `(${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Neo4j heap ${process.env.NEO4J_HEAP_SIZE ?? '2g'}, page cache ${process.env.NEO4J_PAGECACHE_SIZE ?? '1g'}). ` +
      'Each scale is a generated corpus (`npm run generate -- --scale S|M|L|XL --seed 1`); rerun the command to refresh this file.',
    '',
    table(
      ['query', `GraphQL / Cypher p50 at ${largest.scale} (target ≤ 1.3x)`, `p50 at ${largest.scale} / p50 at ${smallest.scale} (target ≤ 1.5x)`],
      rows,
    ),
    '',
    table(
      ['scale', 'facts', 'ingest / raw (target ≥ 0.7x)', 'API peak RSS (MiB)', `README's first question (fast form), requests/s at 64 connections`, 'errors under load'],
      results.map((r) => [
        r.scale,
        r.facts,
        `${r.load.ratio.toFixed(2)}x`,
        r.memory.apiPeakRssMiB.toFixed(0),
        firstQuestion(r, 64).toFixed(0),
        r.throughput.reduce((s, t) => s + t.errors, 0),
      ]),
    ),
    '',
    `Errors under load, all scales: ${errors} (target: 0).`,
  ].join('\n');
}

void runCli(async () => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--scales');
  const scales = (at < 0 ? 'S,M,L' : args[at + 1] ?? '').split(',') as Scale[];
  for (const scale of scales) if (!(scale in SCALES)) throw new UserError(`--scales takes a list of ${Object.keys(SCALES).join(', ')}: got '${scale}'`);
  const options = {
    seed: numberOption(args, '--seed', 1),
    rounds: numberOption(args, '--rounds', 100),
    loadRuns: numberOption(args, '--load-runs', 3),
    seconds: numberOption(args, '--seconds', 10),
    queriesOnly: args.includes('--queries-only'),
  };
  const results: ScaleResult[] = [];
  for (const scale of scales) {
    const result = await measureScale(scale, options);
    results.push(result);
    writeBenchmarkSection(`scale-${scale}`, scaleSection(result, options));
    const json = fs.existsSync(BENCHMARKS_JSON) ? (JSON.parse(fs.readFileSync(BENCHMARKS_JSON, 'utf8')).scale ?? {}) : {};
    writeBenchmarkJson('scale', { ...json, [scale]: { date: new Date().toISOString().slice(0, 10), options, ...result } });
  }
  writeBenchmarkSection('scale-summary', summarySection(results));
});
