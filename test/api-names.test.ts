/**
 * How names in questions resolve and rank, over HTTP, on the seed graph plus a few invented actors that make the
 * hard cases: a person whose exact name is also a word of another person's aliases, a company whose alias is exactly
 * another company's first word, weak aliases shared by two people, a person whose alias is another's exact name,
 * and a person connected to nothing.
 */
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/connect';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

/** Invented actors (the full-text index covers them as it covers ingested ones). */
const FIXTURE = `
  CREATE (:Person:Fact {id: 'person:muhammad-imran', name: 'Muhammad Imran', aliases: [], weakAliases: []})
  CREATE (:Person:Fact {id: 'person:imran-khan', name: 'Imran Khan',
          aliases: ['Prime Minister Imran Khan', 'Muhammad Imran Khan Niazi'], weakAliases: ['PM Imran', 'Imran', 'the prime minister']})
  CREATE (:Person:Fact {id: 'person:imran-ahmed', name: 'Imran Ahmed', aliases: [], weakAliases: ['Imran']})
  CREATE (:Person:Fact {id: 'person:imran-khan-jr', name: 'Imran Khan Jr', aliases: ['Imran Khan'], weakAliases: []})
  CREATE (:Body:Fact {id: 'body:socar-trading-sa', name: 'SOCAR Trading SA', kind: 'OTHER', nameAsReported: true, aliases: []})
  CREATE (:Body:Fact {id: 'body:state-oil-company', name: 'State Oil Company of the Azerbaijan Republic', kind: 'OTHER',
          nameAsReported: true, aliases: ['SOCAR']})
`;

describe('names in questions', () => {
  const config = testConfig();
  let driver: Driver;
  let api: TestApi;
  const ask = async (query: string, variables?: Record<string, unknown>) => postGraphQL(api.url, { query, variables });
  const answer = async (query: string, variables?: Record<string, unknown>) => {
    const response = await ask(query, variables);
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 200, errors: undefined });
    return response.body.data as Record<string, any>;
  };

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    await driver.executeQuery(FIXTURE);
    api = await startTestApi(driver, config);
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  it('search ranks an exact name first, above a person whose aliases repeat its words', async () => {
    const { search } = await answer('{ search(text: "Muhammad Imran", limit: 3) { id match } }');
    expect(search[0]).toEqual({ id: 'person:muhammad-imran', match: 'EXACT' });
    expect(search.map((hit: { id: string }) => hit.id)).toContain('person:imran-khan');
  });

  it('search ranks the company whose alias is exactly the text above the one whose name starts with it', async () => {
    const { search } = await answer('{ search(text: "socar", limit: 2) { id match } }');
    expect(search).toEqual([
      { id: 'body:state-oil-company', match: 'EXACT' },
      { id: 'body:socar-trading-sa', match: 'PREFIX' },
    ]);
  });

  it('a weak alias resolves when it names one person', async () => {
    const { connection } = await answer('{ connection(from: "pm imran", to: "Muhammad Imran") { found from { id } to { id } } }');
    expect(connection).toEqual({ found: false, from: { id: 'person:imran-khan' }, to: { id: 'person:muhammad-imran' } });
  });

  it('a name written exactly as one actor\'s name is that actor, even when another actor has it as an alias', async () => {
    const { connection } = await answer('{ connection(from: "Imran Khan", to: "Imran Khan Jr") { found from { id } to { id } } }');
    expect(connection).toEqual({ found: false, from: { id: 'person:imran-khan' }, to: { id: 'person:imran-khan-jr' } });
    // Written otherwise, the name is one person's name and the other's alias: ambiguous.
    const response = await ask('{ exchangesOf(person: "imran khan") { name } }');
    expect({ status: response.status, candidates: response.body.errors?.[0].extensions?.candidates }).toEqual({
      status: 400,
      candidates: [
        { kind: 'Person', id: 'person:imran-khan', name: 'Imran Khan' },
        { kind: 'Person', id: 'person:imran-khan-jr', name: 'Imran Khan Jr' },
      ],
    });
  });

  it('two actors that are not connected: an answer that says so, not null', async () => {
    const { connection } = await answer('{ connection(from: "Muhammad Imran", to: "Pakistan") { found length steps { name } } }');
    expect(connection).toEqual({ found: false, length: 0, steps: [] });
  });

  it('an ambiguous name is an error listing the candidates, in every field that takes names', async () => {
    const candidates = [
      { kind: 'Person', id: 'person:imran-ahmed', name: 'Imran Ahmed' },
      { kind: 'Person', id: 'person:imran-khan', name: 'Imran Khan' },
    ];
    for (const [query, argument, kinds] of [
      ['{ connection(from: "Imran", to: "Pakistan") { found } }', 'from', 'people, countries or bodies'],
      ['{ exchangesOf(person: "imran") { name } }', 'person', 'people'],
      ['{ exchangesBetween(a: "Belarus", b: "IMRAN") { name } }', 'b', 'people or countries'],
    ]) {
      const response = await ask(query);
      expect({ query, status: response.status, errors: response.body.errors?.map(({ message, extensions }) => ({ message, extensions })) }).toEqual({
        query,
        status: 400,
        errors: [
          {
            message: `Argument "${argument}": "${/"(imran)"/i.exec(query)![1]}" is ambiguous: it names 2 ${kinds}: Imran Ahmed (person:imran-ahmed), Imran Khan (person:imran-khan). Give the full name or another alias.`,
            extensions: { code: 'BAD_USER_INPUT', argument, name: /"(imran)"/i.exec(query)![1], candidates },
          },
        ],
      });
    }
  });

  it('a body resolves by its alias in agreementsOf, and a name of the wrong kind is unknown there', async () => {
    expect(await answer('{ agreementsOf(actor: "SOCAR") { title } }')).toEqual({ agreementsOf: [] });
    const response = await ask('{ agreementsOf(actor: "Imran Khan") { title } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].message).toMatch(/^Argument "actor": "Imran Khan" names no country or body/);
  });
});
