/**
 * A regression guard that needs no timing: the database hits (PROFILE) of each contract query, as @neo4j/graphql
 * generates it and as hand-written Cypher, on the generated graph of scale S, stay within the budget recorded in
 * bench/dbhits-budget.json. A change that makes a query scan the graph instead of following its answer fails here.
 * After a deliberate change, `UPDATE_DBHITS_BUDGET=1 npx jest test/query-budget` records the new figures (plus 25%).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { contractQueries } from '../bench/contract-queries';
import { profileContractQueries, type QueryHits } from '../bench/profile';
import { chooseTargets } from '../bench/targets';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { SCALES, writeCorpus } from '../src/generate/corpus';
import { ingestFiles } from '../src/ingest/ingest';
import { schemaOnlyGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const BUDGET_FILE = path.join(PROJECT_ROOT, 'bench', 'dbhits-budget.json');

describe('database hits of the contract queries on scale S', () => {
  const config = testConfig();
  let driver: Driver;
  let hits: QueryHits[];
  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await schemaOnlyGraph(driver);
    const dir = writeCorpus(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scale-s-')), 'corpus'), SCALES.S, 1);
    const summary = await ingestFiles(driver, 'neo4j', [dir]);
    expect(summary.failures).toEqual([]);
    hits = await profileContractQueries(driver, config, contractQueries(await chooseTargets(driver, 'neo4j')));
    if (process.env.UPDATE_DBHITS_BUDGET) {
      const budget = Object.fromEntries(
        hits.map((hit) => [hit.name, { graphql: Math.ceil(hit.graphql * 1.25) + 10, cypher: Math.ceil(hit.cypher * 1.25) + 10 }]),
      );
      fs.writeFileSync(BUDGET_FILE, `${JSON.stringify(budget, null, 2)}\n`);
    }
  });
  afterAll(() => driver.close());

  it('profiles every contract query, generated and hand-written', () => {
    expect(hits.map((hit) => hit.name)).toEqual(Object.keys(JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8'))));
    for (const hit of hits) {
      expect(hit.graphql).toBeGreaterThan(0);
      expect(hit.cypher).toBeGreaterThan(0);
    }
  });

  it('keeps each within its recorded budget', () => {
    const budget = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8')) as Record<string, { graphql: number; cypher: number }>;
    const over = hits.filter((hit) => hit.graphql > budget[hit.name].graphql || hit.cypher > budget[hit.name].cypher);
    expect(over.map((hit) => ({ ...hit, budget: budget[hit.name] }))).toEqual([]);
  });
});
