/**
 * The typed client of examples/client against the API over HTTP: its generated types are current (a change to the
 * contract that breaks them shows here, and in `tsc`), and each of its questions gets the answer the seed states.
 */
import type { Driver } from 'neo4j-driver';
import { ApiError, contractClient, type ContractClient } from '../examples/client/contract-client';
import * as generated from '../examples/client/generated';
import { createDriver } from '../src/db/connect';
import { runEntry } from './support/entry-points';
import { startTestApi, type TestApi } from './support/api';
import { seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

describe('the typed client', () => {
  it('has types generated from the current schema and operations (npm run client:types)', async () => {
    // In a child process: GraphQL Code Generator loads ES modules, which jest's module system cannot.
    const { code, stdout, stderr } = await runEntry('tools/client-types.ts', ['--check'], {});
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'examples/client/generated.ts is current.\n', stderr: '' });
  });

  describe('against the API', () => {
    const config = testConfig();
    let driver: Driver;
    let api: TestApi;
    let client: ContractClient;

    beforeAll(async () => {
      driver = createDriver(config.neo4j);
      await seededGraph(driver);
      api = await startTestApi(driver, config);
      client = contractClient(`${api.url}/graphql`);
    });
    afterAll(async () => {
      await api.close();
      await driver.close();
    });

    it('can fetch the schema it is generated from as SDL at /schema.graphql', async () => {
      const response = await fetch(`${api.url}/schema.graphql`);
      const sdl = await response.text();
      expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 200, type: 'text/plain; charset=utf-8' });
      expect(sdl).toContain('type Query {');
      // Types, fields and arguments in alphabetical order (lexicographicSortSchema), so that it diffs well.
      expect(sdl).toContain('exchangesOf(limit: Int, offset: Int, person: String!, sort: [DocumentExchangeSort!]): [DocumentExchange!]!');
      const again = await fetch(`${api.url}/schema.graphql`, { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
    });

    it('asks which documents a person exchanged, with whom', async () => {
      expect(await client.exchangesOf('Ishaq Dar')).toEqual([
        {
          name: 'Exchange of documents between Ishaq Dar and the Belarusian Internal Affairs Minister',
          date: '2025-04-11',
          documents: [
            { title: 'Agreement on Cooperation between the interior ministries of two countries', kind: 'AGREEMENT' },
            { title: 'Readmission Agreement', kind: 'AGREEMENT' },
          ],
          sides: [
            { role: 'Deputy Prime Minister and Foreign Minister', person: [{ name: 'Ishaq Dar' }], country: [{ name: 'Pakistan' }] },
            { role: 'Internal Affairs Minister', person: [], country: [{ name: 'Belarus' }] },
          ],
        },
      ]);
    });

    it('asks which agreements two countries signed, and reads the page size the API applied', async () => {
      const agreements = await client.agreementsBetween(['Pakistan', 'Belarus'], 2);
      expect(agreements.map((agreement) => [agreement.title, agreement.kind, agreement.signedOn])).toEqual([
        ['Agreement on cooperation between the defence ministries of the two countries', 'AGREEMENT', '2025-04-11'],
        ['Bilateral accord for cooperation between trade bodies', 'ACCORD', '2025-04-11'],
      ]);
      const { extensions } = await client.request(generated.AgreementsBetweenCountriesDocument, { countries: ['Pakistan', 'Belarus'] });
      expect(extensions.pageSize).toEqual({ agreementsBetween: 50, 'agreementsBetween.parties': 50 });
    });

    it('asks how two actors are connected, and searches', async () => {
      const connection = await client.connection('Jam Kamal Khan', 'Dmitry Pantus');
      expect({ found: connection?.found, length: connection?.length, from: connection?.from.id, to: connection?.to.id }).toEqual({
        found: true,
        length: 6,
        from: 'person:jam-kamal-khan',
        to: 'person:dmitry-pantus',
      });
      expect(await client.search('khrenin', 1)).toEqual([{ kind: 'Person', id: 'person:viktor-khrenin', name: 'Viktor Khrenin', match: 'PREFIX' }]);
    });

    it('reads a person with the passages that cite them', async () => {
      expect(await client.person('Jam Kamal Khan')).toEqual({
        name: 'Jam Kamal Khan',
        aliases: ['Commerce Minister Jam Kamal Khan'],
        positions: [{ title: 'Commerce Minister', country: [{ name: 'Pakistan' }] }],
        evidence: [{ quote: 'Commerce Minister Jam Kamal Khan', start: 1239, end: 1271, source: [{ name: '000_1cdabd96cc36ddc2', publishedOn: '2025-04-11' }] }],
      });
    });

    it('gets a typed error for a name that names nobody', async () => {
      const failure = await client.exchangesOf('Nobody Atall').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApiError);
      expect({ status: (failure as ApiError).status, code: (failure as ApiError).code, message: (failure as ApiError).message }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/^Argument "person": "Nobody Atall" names no person/),
      });
    });

    it('runs every example question of the README with its generated types', async () => {
      const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
      expect(documents.length).toBeGreaterThan(5);
      // The client's own operations take variables; the README's take none.
      const variables: Record<string, unknown> = {
        ExchangesOfPersonDocument: { person: 'Ishaq Dar' },
        AgreementsBetweenCountriesDocument: { countries: ['Pakistan'] },
        ConnectionBetweenDocument: { from: 'Pakistan', to: 'Belarus' },
        SearchNamesDocument: { text: 'minister' },
        PersonWithEvidenceDocument: { name: 'Ishaq Dar' },
      };
      for (const [name, document] of documents) {
        const answer = await client.request(document as typeof generated.ExchangesWithKhreninDocument, (variables[name] ?? {}) as never);
        expect({ name, answered: answer.data !== null }).toEqual({ name, answered: true });
      }
    });
  });
});
