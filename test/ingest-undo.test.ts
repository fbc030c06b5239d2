/**
 * Undo means undone: after `merge:undo`, the graph equals, node for node, relationship for relationship and
 * property for property, a fresh load in which that merge was refused. Whether the seed came from the Cypher seed
 * scripts (as `npm start` loads it) or from its annotated article.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { listMerges, undoMerge } from '../src/ingest/merges';
import { graphSnapshot, schemaOnlyGraph, seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const SEED = path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.yaml');
const FORUM = path.join(PROJECT_ROOT, 'test', 'fixtures', 'undo', '2018-vitebsk-forum.yaml');

describe('undoing a merge', () => {
  const config = testConfig();
  let driver: Driver;
  beforeAll(() => {
    driver = createDriver(config.neo4j);
  });
  afterAll(() => driver.close());

  const loadSeed = async (by: string) => {
    if (by === 'the Cypher seed') return seededGraph(driver);
    await schemaOnlyGraph(driver);
    expect((await ingestFiles(driver, 'neo4j', [SEED])).failures).toEqual([]);
  };

  it.each(['the Cypher seed', 'the seed article'])('leaves the graph a load refusing that merge builds (seed from %s)', async (by) => {
    await loadSeed(by);
    const before = await graphSnapshot(driver, { facts: true });
    expect((await ingestFiles(driver, 'neo4j', [FORUM])).merges).toBe(1);
    const merge = (await listMerges(driver, 'neo4j')).find((candidate) => candidate.target === 'person:aleksandr-lukashenko')!;
    expect(merge).toMatchObject({ sourceId: 'fixture-undo-2018-vitebsk-forum', method: 'transliteration', status: 'active' });
    // Merged: the seed's Lukashenko took the forum's aliases and its participation.
    const merged = await driver.executeQuery(
      "MATCH (p:Person {id: 'person:aleksandr-lukashenko'}) RETURN p.aliases AS aliases, COUNT { (p)-[:PARTICIPATED_IN]->() } AS events",
    );
    expect(merged.records[0].get('aliases')).toContain('President Alexander Lukashenko of Belarus');

    await undoMerge(driver, 'neo4j', merge.id);
    const undone = await graphSnapshot(driver, { facts: true });

    await loadSeed(by);
    await driver.executeQuery("CREATE (:Merge {id: $id, status: 'undone'})", { id: merge.id });
    await ingestFiles(driver, 'neo4j', [FORUM]);
    const refused = await graphSnapshot(driver, { facts: true });
    expect(undone).toEqual(refused);
    // Nothing of the forum is left on the seed's Lukashenko: he is as the seed alone made him.
    const seedPerson = await driver.executeQuery(
      "MATCH (p:Person {id: 'person:aleksandr-lukashenko'}) RETURN p.aliases AS aliases, p.weakAliases AS weak, COUNT { (p)-[:PARTICIPATED_IN]->() } AS events",
    );
    expect(seedPerson.records[0].get('aliases')).not.toContain('President Alexander Lukashenko of Belarus');
    expect(seedPerson.records[0].get('weak')).not.toContain('the head of state');
    expect(before.nodes).toBeLessThan(undone.nodes);
  });
});
