/** The real Neo4j the project installs and starts: Bolt, APOC, @neo4j/graphql compatibility, Browser, limits. */
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/connect';
import { loadState, testConfig } from './support/test-neo4j';

describe('the managed Neo4j server', () => {
  const config = testConfig();
  let driver: Driver;

  beforeAll(() => {
    driver = createDriver(config.neo4j);
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (n:ServerProbe) DETACH DELETE n');
    await driver.close();
  });

  it('is Neo4j 5.26 Community', async () => {
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
    expect(records[0].get('version')).toMatch(/^5\.26\./);
    expect(records[0].get('edition')).toBe('community');
  });

  it('writes and reads over Bolt', async () => {
    await driver.executeQuery('MERGE (p:ServerProbe {id: $id}) SET p.written = $value', { id: 'probe-1', value: 'hello' });
    const { records } = await driver.executeQuery('MATCH (p:ServerProbe {id: $id}) RETURN p.written AS value', { id: 'probe-1' });
    expect(records.map((record) => record.get('value'))).toEqual(['hello']);
  });

  it('has the APOC functions @neo4j/graphql calls', async () => {
    const { records } = await driver.executeQuery(
      'SHOW FUNCTIONS YIELD name WHERE name IN $names RETURN name ORDER BY name',
      { names: ['apoc.date.convertFormat', 'apoc.util.validatePredicate'] },
    );
    expect(records.map((record) => record.get('name'))).toEqual(['apoc.date.convertFormat', 'apoc.util.validatePredicate']);
    const converted = await driver.executeQuery(
      "RETURN apoc.date.convertFormat('2025-04-11', 'iso_date', 'basic_iso_date') AS date, apoc.util.validatePredicate(false, 'unused', []) AS valid",
    );
    expect(converted.records[0].toObject()).toEqual({ date: '20250411', valid: true });
    await expect(driver.executeQuery("RETURN apoc.util.validatePredicate(true, 'refused: %s', ['reason'])")).rejects.toThrow(
      'refused: reason',
    );
  });

  it('passes Neo4jGraphQL.checkNeo4jCompat()', async () => {
    const neoSchema = new Neo4jGraphQL({ typeDefs: 'type Probe @node { id: ID! }', driver });
    await expect(neoSchema.checkNeo4jCompat({ sessionConfig: { database: config.neo4j.database } })).resolves.toBeUndefined();
  });

  it('serves Neo4j Browser', async () => {
    const response = await fetch(`http://127.0.0.1:${loadState().httpPort}/browser/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Neo4j Browser</title>');
  });

  it('advertises its Bolt address to the Browser', async () => {
    const response = await fetch(`http://127.0.0.1:${loadState().httpPort}/`, { headers: { accept: 'application/json' } });
    expect(await response.json()).toMatchObject({ bolt_direct: `bolt://localhost:${loadState().boltPort}` });
  });

  it('cuts off a runaway query with the transaction timeout', async () => {
    const started = Date.now();
    const runaway = driver.executeQuery('UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n');
    await expect(runaway).rejects.toMatchObject({ code: expect.stringMatching(/^Neo.ClientError.Transaction.TransactionTimedOut/) });
    // Terminated by the server-side bound (4 s in tests), long before the query could finish.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
