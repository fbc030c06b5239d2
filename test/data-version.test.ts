/**
 * The data version (src/db/data-version.ts): a database written by another version of the project is refused with what
 * to do, by the real `npm start` and `npm run ingest`, and left as it was; a database of this version's shape is
 * recorded as such, whether it is empty or was written before versions were recorded.
 */
import type { Driver } from 'neo4j-driver';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { applySchema, isEmpty } from '../src/db/cypher-scripts';
import { createDriver } from '../src/db/connect';
import { DATA_VERSION } from '../src/db/data-version';
import { UserError } from '../src/errors';
import { expectCleanFailure, runEntry } from './support/entry-points';
import { emptyGraph, graphSnapshot, schemaOnlyGraph, seededGraph } from './support/graph';
import { freePort, loadState, TEST_PASSWORD, testConfig } from './support/test-neo4j';

const recorded = async (driver: Driver) =>
  (await driver.executeQuery('MATCH (v:DataVersion) RETURN v.id AS id, toInteger(v.version) AS version')).records.map((r) => ({
    id: r.get('id') as string,
    version: Number(r.get('version')),
  }));

describe('the data version', () => {
  let driver: Driver;
  const env = async () => ({
    NEO4J_URI: `bolt://127.0.0.1:${loadState().boltPort}`,
    NEO4J_PASSWORD: TEST_PASSWORD,
    PORT: String(await freePort()),
  });

  beforeAll(() => {
    driver = createDriver(testConfig().neo4j);
  });
  afterAll(async () => {
    await emptyGraph(driver);
    await driver.close();
  });

  it('is recorded in an empty database, which still counts as empty', async () => {
    await schemaOnlyGraph(driver);
    expect(await recorded(driver)).toEqual([{ id: 'data-version', version: DATA_VERSION }]);
    expect(await isEmpty(driver, 'neo4j')).toBe(true);
    await applySchema(driver, 'neo4j');
    expect(await recorded(driver)).toHaveLength(1);
  });

  it('is recorded in a graph of this shape written before versions were', async () => {
    await seededGraph(driver);
    await driver.executeQuery('MATCH (v:DataVersion) DELETE v');
    await applySchema(driver, 'neo4j');
    expect(await recorded(driver)).toEqual([{ id: 'data-version', version: DATA_VERSION }]);
  });

  it('refuses a graph written before the article format v2: npm start and ingest say what to do, and change nothing', async () => {
    await emptyGraph(driver);
    // The old shape: facts without provenance (ids of an older form), and no recorded version.
    await driver.executeQuery(
      "CREATE (:Person:Fact {id: 'person:shehbaz-sharif', name: 'Shehbaz Sharif'})-[:HOLDS]->(:Occupancy:Fact {id: 'occupancy:1'})",
    );
    const before = await graphSnapshot(driver);
    await expect(applySchema(driver, 'neo4j')).rejects.toThrow(UserError);
    await expect(applySchema(driver, 'neo4j')).rejects.toThrow(/holds a graph of data version 1 \(written before the article format v2/);

    const start = await runEntry('src/main.ts', [], await env());
    expectCleanFailure(start, /Database "neo4j" holds a graph of data version 1 .*reads data version 2 .*cannot convert it\. Nothing was changed\. .*npm run db:dump.*NEO4J_DATA_DIR/);
    expect(start.stdout).not.toContain('GraphQL API ready');
    expect(start.stdout).not.toContain('loading the seed');

    const ingest = await runEntry('src/cli/ingest.ts', [path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.yaml')], await env());
    expectCleanFailure(ingest, /holds a graph of data version 1/);
    const report = await runEntry('src/cli/report.ts', [], await env());
    expectCleanFailure(report, /holds a graph of data version 1/);
    expect(await graphSnapshot(driver)).toEqual(before);
  });

  it('refuses a graph a newer version wrote', async () => {
    await schemaOnlyGraph(driver);
    await driver.executeQuery('MATCH (v:DataVersion) SET v.version = $version', { version: DATA_VERSION + 1 });
    await expect(applySchema(driver, 'neo4j')).rejects.toThrow(
      new RegExp(`data version ${DATA_VERSION + 1}, written by a newer version of the project; .*Update the project`),
    );
  });
});
