/**
 * dbHits of the contract queries, from PROFILE: of the hand-written Cypher, and of the Cypher @neo4j/graphql
 * generates for the GraphQL query (recorded by a driver that notes what the API runs). Growth of dbHits with the
 * graph shows the cost of a query without timing noise.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import type { Config } from '../src/config';
import { startTestApi } from '../test/support/api';
import type { ContractQuery } from './contract-queries';

export interface Statement {
  query: string;
  params: Record<string, unknown>;
}

/** A driver that records every statement run in its sessions: auto-commit queries and managed transactions. */
export function recordingDriver(driver: Driver): { driver: Driver; take(): Statement[] } {
  let statements: Statement[] = [];
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === 'run') {
          return (query: string, params: Record<string, unknown>) => {
            statements.push({ query, params });
            return target.run(query, params);
          };
        }
        return Reflect.get(target, property, receiver);
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, property, receiver) {
        if (property === 'run') {
          // An auto-commit query (the API's reads: src/api/read-executor.ts).
          return (query: string, params: Record<string, unknown>, config?: unknown) => {
            statements.push({ query, params });
            return (target.run as (q: string, p: Record<string, unknown>, c?: unknown) => unknown).call(target, query, params, config);
          };
        }
        if (property === 'executeRead' || property === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
            (target[property] as (w: (tx: ManagedTransaction) => unknown, c?: unknown) => unknown).call(target, (tx) => work(wrapTx(tx)), config);
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const recording = new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'session') return (config?: Parameters<Driver['session']>[0]) => wrapSession(target.session(config));
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    driver: recording,
    take: () => {
      const taken = statements;
      statements = [];
      return taken;
    },
  };
}

interface PlanNode {
  dbHits?: number;
  children?: PlanNode[];
}

const sumHits = (plan: PlanNode | false | undefined): number =>
  !plan ? 0 : (plan.dbHits ?? 0) + (plan.children ?? []).reduce((sum, child) => sum + sumHits(child), 0);

export async function dbHits(driver: Driver, database: string, statement: Statement): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const query = statement.query.replace(/^\s*(CYPHER[^\n]*\n)?/, (prefix) => `${prefix}PROFILE `);
    const summary = await session.executeRead((tx) => tx.run(query, statement.params).summary());
    return sumHits(summary.profile as unknown as PlanNode);
  } finally {
    await session.close();
  }
}

export interface QueryHits {
  name: string;
  graphql: number;
  cypher: number;
}

/** The Cypher the API ran for each query, by query name (to time it without the API: bench/latency.ts). */
export type GeneratedCypher = Map<string, Statement[]>;

/**
 * Runs each query once through the real API (in this process, over HTTP) and profiles what it ran, and the Cypher.
 * `generated`, when given, receives the statements the API ran for each query.
 */
export async function profileContractQueries(
  driver: Driver,
  config: Readonly<Config>,
  queries: ContractQuery[],
  generated?: GeneratedCypher,
): Promise<QueryHits[]> {
  const database = config.neo4j.database;
  // Plans from fresh statistics: a plan cached while the graph was other (or empty) would profile as that graph's.
  await driver.executeQuery('CALL db.prepareForReplanning()', {}, { database });
  await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database });
  const recording = recordingDriver(driver);
  const api = await startTestApi(recording.driver, config);
  const url = `${api.url}/graphql`;
  try {
    const hits: QueryHits[] = [];
    for (const query of queries) {
      recording.take();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query.graphql) });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${query.name}: ${JSON.stringify(body.errors)}`);
      let graphql = 0;
      const statements = recording.take();
      generated?.set(query.name, statements);
      for (const statement of statements) graphql += await dbHits(driver, database, statement);
      hits.push({ name: query.name, graphql, cypher: await dbHits(driver, database, { query: query.cypher.query, params: query.cypher.params }) });
    }
    return hits;
  } finally {
    await api.close();
  }
}
