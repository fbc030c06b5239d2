/**
 * A regression guard that needs no timing: the database hits (PROFILE) of each contract query, as @neo4j/graphql
 * generates it and as hand-written Cypher, on the generated graph of scale S, stay within the budget committed in
 * bench/dbhits-budget.json. A change that makes a query scan the graph instead of following its answer fails here.
 * `UPDATE_DBHITS_BUDGET=lower npx jest test/query-budget` records tighter figures; `=raise` records higher ones for a
 * deliberate change. Either way the run is checked against the committed file (bench/budget.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { budgetMode, overBudget, readBudget, updatedBudget, writeBudget, type Budget } from '../bench/budget';
import { contractQueries } from '../bench/contract-queries';
import { profileContractQueries, type QueryHits } from '../bench/profile';
import { chooseTargets } from '../bench/targets';
import { createDriver } from '../src/db/connect';
import { SCALES, writeCorpus } from '../src/generate/corpus';
import { ingestFiles } from '../src/ingest/ingest';
import { schemaOnlyGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

describe('the budget modes', () => {
  const committed: Budget = { a: { graphql: 100, cypher: 50 }, b: { graphql: 100, cypher: 50 } };
  const measured: QueryHits[] = [
    { name: 'a', graphql: 40, cypher: 40 }, // cheaper than budgeted
    { name: 'b', graphql: 400, cypher: 40 }, // a regression
    { name: 'c', graphql: 8, cypher: 8 }, // new
  ];

  it('lower: tightens budgets and adds new queries, never raises one', () => {
    expect(updatedBudget(committed, measured, 'lower')).toEqual({
      a: { graphql: 60, cypher: 50 },
      b: { graphql: 100, cypher: 50 },
      c: { graphql: 20, cypher: 20 },
    });
  });

  it('raise: records what was measured, higher or not', () => {
    expect(updatedBudget(committed, measured, 'raise')).toEqual({
      a: { graphql: 60, cypher: 60 },
      b: { graphql: 510, cypher: 60 },
      c: { graphql: 20, cypher: 20 },
    });
  });

  it('the check is against the committed budget, whatever a mode recorded', () => {
    expect(overBudget(committed, measured)).toEqual([
      { name: 'b', graphql: 400, cypher: 40, budget: { graphql: 100, cypher: 50 } },
      { name: 'c', graphql: 8, cypher: 8, budget: null },
    ]);
    // Recording a raised budget does not change what this run is checked against.
    const raised = updatedBudget(committed, measured, 'raise');
    expect(overBudget(raised, measured)).toEqual([]);
    expect(overBudget(committed, measured).map((hit) => hit.name)).toEqual(['b', 'c']);
  });

  it('an unknown mode is refused rather than read as "check"', () => {
    expect(() => budgetMode('1')).toThrow("UPDATE_DBHITS_BUDGET must be 'lower' or 'raise', got '1'.");
    expect([budgetMode(undefined), budgetMode('lower'), budgetMode('raise')]).toEqual(['check', 'lower', 'raise']);
  });
});

describe('database hits of the contract queries on scale S', () => {
  const config = testConfig();
  // Read before anything is written: the run is checked against the committed budget.
  const committed = readBudget();
  const mode = budgetMode(process.env.UPDATE_DBHITS_BUDGET);
  let driver: Driver;
  let hits: QueryHits[];
  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await schemaOnlyGraph(driver);
    const dir = writeCorpus(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scale-s-')), 'corpus'), SCALES.S, 1);
    const summary = await ingestFiles(driver, 'neo4j', [dir]);
    expect(summary.failures).toEqual([]);
    hits = await profileContractQueries(driver, config, contractQueries(await chooseTargets(driver, 'neo4j')));
    if (mode !== 'check') writeBudget(updatedBudget(committed, hits, mode));
  }, 600_000); // loading scale S and profiling every query: minutes on a busy machine
  afterAll(() => driver.close());

  it('profiles every contract query, generated and hand-written', () => {
    expect(hits.map((hit) => hit.name)).toEqual(Object.keys(committed));
    for (const hit of hits) {
      expect(hit.graphql).toBeGreaterThan(0);
      expect(hit.cypher).toBeGreaterThan(0);
    }
  });

  it('keeps each within its committed budget', () => {
    expect(overBudget(committed, hits)).toEqual([]);
  });
});
