/**
 * Latency of each contract query over HTTP GraphQL against its hand-written Cypher through neo4j-driver, in the
 * same run, interleaved (one of each per round) so that machine noise hits both alike. When the Cypher the API
 * generated for the query is known (bench/profile.ts), it is timed too, through the driver as the hand-written one:
 * GraphQL against generated is what the layers cost (HTTP, Apollo, translation, the result's shaping), generated
 * against hand-written what the plan costs.
 */
import { isDeepStrictEqual } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import type { ContractQuery } from './contract-queries';
import type { GeneratedCypher, Statement } from './profile';
import { median, percentile, table } from './report';

export interface LatencyResult {
  name: string;
  graphql: { p50: number; p95: number };
  cypher: { p50: number; p95: number };
  /** The Cypher the API generated, run through the driver (when known). */
  generated?: { p50: number; p95: number };
  /** p50 GraphQL / p50 Cypher. */
  ratio: number;
  /** Whether GraphQL and Cypher gave the same answer (connections: the same path length). */
  sameAnswer: boolean;
}

async function postGraphQL(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (response.status !== 200 || json.errors) throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(json.errors)}`);
  return json.data!;
}

async function runCypher(driver: Driver, database: string, query: ContractQuery): Promise<unknown[]> {
  const { records } = await driver.executeQuery(query.cypher.query, query.cypher.params, { database, routing: neo4j.routing.READ });
  return records.map((record) => record.get('row'));
}

async function runGenerated(driver: Driver, database: string, statements: Statement[]): Promise<void> {
  for (const statement of statements) await driver.executeQuery(statement.query, statement.params, { database, routing: neo4j.routing.READ });
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function comparable(query: ContractQuery, value: unknown): unknown {
  if (query.root === 'connection') return (value as { length?: number } | null)?.length ?? null;
  return JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === 'number' ? Math.round(item * 1e4) / 1e4 : item)));
}

export async function measureLatency(
  driver: Driver,
  database: string,
  graphqlUrl: string,
  queries: ContractQuery[],
  { warmup = 20, rounds = 200, generated = new Map() as GeneratedCypher, log = (_line: string): void => undefined } = {},
): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  for (const query of queries) {
    const statements = generated.get(query.name);
    const data = await postGraphQL(graphqlUrl, query.graphql);
    const rows = await runCypher(driver, database, query);
    const graphqlAnswer = data[query.root];
    const cypherAnswer = query.root === 'connection' ? (rows[0] ?? null) : rows;
    const sameAnswer = isDeepStrictEqual(comparable(query, graphqlAnswer), comparable(query, cypherAnswer));
    for (let i = 0; i < warmup; i++) {
      await postGraphQL(graphqlUrl, query.graphql);
      await runCypher(driver, database, query);
      if (statements) await runGenerated(driver, database, statements);
    }
    const graphqlTimes: number[] = [];
    const cypherTimes: number[] = [];
    const generatedTimes: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let start = process.hrtime.bigint();
      await postGraphQL(graphqlUrl, query.graphql);
      graphqlTimes.push(elapsedMs(start));
      start = process.hrtime.bigint();
      await runCypher(driver, database, query);
      cypherTimes.push(elapsedMs(start));
      if (statements) {
        start = process.hrtime.bigint();
        await runGenerated(driver, database, statements);
        generatedTimes.push(elapsedMs(start));
      }
    }
    const result: LatencyResult = {
      name: query.name,
      graphql: { p50: median(graphqlTimes), p95: percentile(graphqlTimes, 95) },
      cypher: { p50: median(cypherTimes), p95: percentile(cypherTimes, 95) },
      ...(statements ? { generated: { p50: median(generatedTimes), p95: percentile(generatedTimes, 95) } } : {}),
      ratio: median(graphqlTimes) / median(cypherTimes),
      sameAnswer,
    };
    log(
      `  ${query.name}: GraphQL p50 ${result.graphql.p50.toFixed(2)} ms, Cypher p50 ${result.cypher.p50.toFixed(2)} ms, ` +
        `ratio ${result.ratio.toFixed(2)}` +
        (result.generated ? `, generated Cypher p50 ${result.generated.p50.toFixed(2)} ms` : '') +
        (sameAnswer ? '' : ' (ANSWERS DIFFER)'),
    );
    results.push(result);
  }
  return results;
}

/**
 * The latency results as a markdown table: the generated Cypher's columns when it was timed, then any `extra` columns
 * (the scale benchmark's dbHits).
 */
export function latencyMarkdown(
  results: LatencyResult[],
  extra: { headers: string[]; cells: (result: LatencyResult) => Array<string | number> } = { headers: [], cells: () => [] },
): string {
  const timedGenerated = results.some((result) => result.generated);
  const headers = ['query', 'GraphQL p50 (ms)', 'GraphQL p95 (ms)', 'Cypher p50 (ms)', 'Cypher p95 (ms)', 'p50 ratio'];
  if (timedGenerated) headers.push('generated Cypher p50 (ms)', 'plan: generated / Cypher', 'layers: GraphQL / generated');
  headers.push('same answer');
  const rows = results.map((result) => [
    result.name,
    result.graphql.p50.toFixed(2),
    result.graphql.p95.toFixed(2),
    result.cypher.p50.toFixed(2),
    result.cypher.p95.toFixed(2),
    `${result.ratio.toFixed(2)}x`,
    ...(!timedGenerated
      ? []
      : result.generated
        ? [result.generated.p50.toFixed(2), `${(result.generated.p50 / result.cypher.p50).toFixed(2)}x`, `${(result.graphql.p50 / result.generated.p50).toFixed(2)}x`]
        : ['', '', '']),
    result.sameAnswer ? 'yes' : 'NO',
    ...extra.cells(result),
  ]);
  return table([...headers, ...extra.headers], rows);
}
