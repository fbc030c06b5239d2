/**
 * A corrected version of an article (same source id, other content) replaces what the old version said and
 * leaves what other sources say: ingesting A then A' gives the graph that ingesting A' alone gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { listMerges } from '../src/ingest/merges';
import { graphSnapshot, schemaOnlyGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const SEED = path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.yaml');
const ORIGINAL = path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles', '101-islamabad-follow-up.yaml');

/** The follow-up article as its publisher corrected it: fewer people, a retitled document, a reworded claim. */
function correctedVersion(dir: string): string {
  const article = parse(fs.readFileSync(ORIGINAL, 'utf8'));
  article.people = article.people.filter((person: any) => person.key !== 'lukashenka');
  article.people.find((person: any) => person.key === 'dar').aliases = [];
  article.agreements[0].title = 'Protocol implementing the readmission agreement';
  article.claims[0].summary = 'Pakistan is grateful for the support of the President of Belarus.';
  article.occupancies.find((occupancy: any) => occupancy.key === 'karpenka-interior').heldFrom = '2020';
  const file = path.join(dir, '101-islamabad-follow-up.yaml');
  fs.writeFileSync(file, stringify(article));
  return file;
}

describe('ingesting a corrected article', () => {
  const config = testConfig();
  let driver: Driver;
  let corrected: string;
  const mergeIds = async () => (await listMerges(driver, 'neo4j')).map((merge) => merge.id);
  beforeAll(() => {
    driver = createDriver(config.neo4j);
    corrected = correctedVersion(fs.mkdtempSync(path.join(os.tmpdir(), 'corrected-')));
  });
  afterAll(() => driver.close());

  it('gives the graph the corrected version alone gives, and keeps what the other source said', async () => {
    await schemaOnlyGraph(driver);
    await ingestFiles(driver, 'neo4j', [SEED, corrected]);
    const alone = await graphSnapshot(driver, { facts: true });
    const aloneMerges = await mergeIds();

    await schemaOnlyGraph(driver);
    await ingestFiles(driver, 'neo4j', [SEED, ORIGINAL]);
    const first = await graphSnapshot(driver, { facts: true });
    expect(first).not.toEqual(alone);
    const summary = await ingestFiles(driver, 'neo4j', [SEED, corrected]);
    expect(summary.failures).toEqual([]);
    expect(summary.articles).toEqual({ new: 0, corrected: 1, unchanged: 1, failed: 0 });
    expect(summary.nodes.deleted).toBeGreaterThan(0);

    expect(await graphSnapshot(driver, { facts: true })).toEqual(alone);
    expect(await mergeIds()).toEqual(aloneMerges);

    const rows = async (query: string) => (await driver.executeQuery(query)).records.map((record) => record.toObject());
    const [lukashenko] = await rows("MATCH (p:Person {id: 'person:aleksandr-lukashenko'}) RETURN p.aliases AS aliases");
    expect(lukashenko.aliases).not.toContain('Alexander Lukashenka');
    const [dar] = await rows("MATCH (p:Person {id: 'person:ishaq-dar'}) RETURN p.aliases AS aliases");
    expect(dar.aliases).toEqual(['Deputy Prime Minister and Foreign Minister Senator Ishaq Dar']);
    const titles = await rows("MATCH (a:Agreement) WHERE a.title STARTS WITH 'Protocol' RETURN a.title AS title");
    expect(titles).toEqual([{ title: 'Protocol implementing the readmission agreement' }]);

    const again = await ingestFiles(driver, 'neo4j', [SEED, corrected]);
    expect(again.articles).toEqual({ new: 0, corrected: 0, unchanged: 2, failed: 0 });
    expect(await graphSnapshot(driver, { facts: true })).toEqual(alone);
  });

  it('restores the original when the correction is withdrawn', async () => {
    await schemaOnlyGraph(driver);
    await ingestFiles(driver, 'neo4j', [SEED, ORIGINAL]);
    const original = await graphSnapshot(driver, { facts: true });
    await ingestFiles(driver, 'neo4j', [corrected]);
    await ingestFiles(driver, 'neo4j', [ORIGINAL]);
    expect(await graphSnapshot(driver, { facts: true })).toEqual(original);
  });
});
