/**
 * The seed article in the annotated-article format (data/articles/) builds exactly the graph the Cypher seed
 * builds: the two paths cannot drift apart. Ingesting it again changes nothing.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { graphSnapshot, schemaOnlyGraph, seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const SEED_ARTICLE = path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.yaml');

describe('ingesting the seed article', () => {
  const config = testConfig();
  let driver: Driver;
  beforeAll(() => {
    driver = createDriver(config.neo4j);
  });
  afterAll(() => driver.close());

  it('yields the same nodes, relationships and properties as the Cypher seed', async () => {
    await seededGraph(driver);
    const cypher = await graphSnapshot(driver, { facts: true });

    await schemaOnlyGraph(driver);
    const summary = await ingestFiles(driver, 'neo4j', [SEED_ARTICLE]);
    expect(summary.failures).toEqual([]);
    expect(summary.articles).toEqual({ new: 1, corrected: 0, unchanged: 0, failed: 0 });
    expect(summary.merges).toBe(0);
    const ingested = await graphSnapshot(driver, { facts: true });
    expect(ingested.labels).toEqual(cypher.labels);
    expect(ingested.types).toEqual(cypher.types);
    expect(ingested).toEqual(cypher);
  });

  it('changes nothing when the same article is ingested again, into its own graph or the Cypher one', async () => {
    const before = await graphSnapshot(driver);
    const again = await ingestFiles(driver, 'neo4j', [SEED_ARTICLE]);
    expect(again.articles).toEqual({ new: 0, corrected: 0, unchanged: 1, failed: 0 });
    expect(await graphSnapshot(driver)).toEqual(before);

    await seededGraph(driver);
    const cypher = await graphSnapshot(driver, { facts: true });
    const onto = await ingestFiles(driver, 'neo4j', [SEED_ARTICLE]);
    expect(onto.nodes.created).toBe(0);
    expect(onto.relationships.created).toBe(0);
    expect(onto.merges).toBe(0);
    expect(await graphSnapshot(driver, { facts: true })).toEqual(cypher);
  });

  it('writes nothing on a dry run, and says what it would write', async () => {
    await schemaOnlyGraph(driver);
    const empty = await graphSnapshot(driver);
    const summary = await ingestFiles(driver, 'neo4j', [SEED_ARTICLE], { dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.articles.new).toBe(1);
    expect(summary.nodes.created).toBeGreaterThan(100);
    expect(await graphSnapshot(driver)).toEqual(empty);
  });
});
