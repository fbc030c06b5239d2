/**
 * The GraphQL contract against the seeded graph, over real HTTP: the root fields and shapes API consumers use,
 * with the facts of the article they must return.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadExamples } from '../src/api/examples';
import { createNeo4jGraphQL } from '../src/api/schema';
import { warmUpQuestions } from '../src/api/warm-up';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const ARTICLE = [...fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.txt'), 'utf8')];
const ROADMAP =
  'Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production';

describe('the GraphQL contract', () => {
  const config = testConfig();
  let driver: Driver;
  let api: TestApi;
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const response = await postGraphQL(api.url, { query, variables });
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 200, errors: undefined });
    return response.body.data as Record<string, any>;
  };

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  it('documentExchanges: Viktor Khrenin\'s counterpart and the document, with the evidence', async () => {
    const data = await ask(`{
      documentExchanges(where: { sides: { some: { person: { some: { name: { eq: "Viktor Khrenin" } } } } } }) {
        documents { title }
        sides(sort: [{ role: ASC }]) { role person { name } country { name } }
        evidence(sort: [{ start: ASC }]) { quote }
      }
    }`);
    expect(data).toEqual({
      documentExchanges: [
        {
          documents: [{ title: 'Agreement on cooperation between the defence ministries of the two countries' }],
          sides: [
            { role: 'Commerce Minister', person: [{ name: 'Jam Kamal Khan' }], country: [{ name: 'Pakistan' }] },
            { role: 'Defence Minister', person: [{ name: 'Viktor Khrenin' }], country: [{ name: 'Belarus' }] },
          ],
          evidence: [
            { quote: 'The two leaders witnessed the ceremony as ministers from both sides exchanged the pre-signed documents.' },
            {
              quote:
                'Both nations also signed an agreement on cooperation between the defence ministries of the two countries and the documents were exchanged by Commerce Minister Jam Kamal Khan and Belarusian Defence Minister Viktor Khrenin.',
            },
          ],
        },
      ],
    });
  });

  it('documentExchanges: the two documents Ishaq Dar exchanged, and the unnamed counterpart\'s role', async () => {
    const data = await ask(`{
      documentExchanges(where: { sides: { some: { person: { some: { name: { eq: "Ishaq Dar" } } } } } }) {
        documents(sort: [{ title: ASC }]) { title }
        sides(sort: [{ role: ASC }]) { role person { name } country { name } }
      }
    }`);
    expect(data).toEqual({
      documentExchanges: [
        {
          documents: [{ title: 'Agreement on Cooperation between the interior ministries of two countries' }, { title: 'Readmission Agreement' }],
          sides: [
            { role: 'Deputy Prime Minister and Foreign Minister', person: [{ name: 'Ishaq Dar' }], country: [{ name: 'Pakistan' }] },
            { role: 'Internal Affairs Minister', person: [], country: [{ name: 'Belarus' }] },
          ],
        },
      ],
    });
  });

  it('documentExchanges: filterable by a side\'s country and by document', async () => {
    const byCountry = await ask(`{
      documentExchanges(where: { sides: { some: { country: { some: { name: { eq: "Belarus" } } } } } }, sort: [{ name: ASC }]) { name }
    }`);
    expect(byCountry.documentExchanges).toHaveLength(3);
    const byDocument = await ask(`{
      documentExchanges(where: { documents: { some: { title: { eq: "Readmission Agreement" } } } }) { name }
    }`);
    expect(byDocument).toEqual({
      documentExchanges: [{ name: 'Exchange of documents between Ishaq Dar and the Belarusian Internal Affairs Minister' }],
    });
  });

  it('agreements: the parties and years of the military-technical roadmap, and who handed it over', async () => {
    const data = await ask(`{
      agreements(where: { kind: { eq: PROGRAMME } }) {
        title kind topics validFrom validTo
        parties(sort: [{ name: ASC }]) { name }
        exchanges { sides(sort: [{ role: ASC }]) { person { name } } }
        evidence(sort: [{ start: ASC }]) { quote }
      }
    }`);
    expect(data).toEqual({
      agreements: [
        {
          title: ROADMAP,
          kind: 'PROGRAMME',
          topics: ['military-technical cooperation'],
          validFrom: '2025',
          validTo: '2027',
          parties: [{ name: 'Ministry of Defense Production' }, { name: 'State Authority for Military Industry of the Republic of Belarus' }],
          exchanges: [{ sides: [{ person: [{ name: 'Abdul Aleem Khan' }] }, { person: [{ name: 'Dmitry Pantus' }] }] }],
          evidence: [
            { quote: expect.stringContaining('MINSK: Pakistan and Belarus on Friday signed a series of agreements') },
            { quote: 'The accords were signed during Prime Minister Shehbaz Sharif’s official visit to Belarus' },
            { quote: expect.stringContaining('The two sides signed a Programme (Roadmap) of the Military-Technical Cooperation') },
          ],
        },
      ],
    });
  });

  it('agreements: what Pakistan signed with Belarus', async () => {
    const data = await ask(`{
      agreements(where: { AND: [
        { signatories: { some: { name: { eq: "Pakistan" } } } },
        { signatories: { some: { name: { eq: "Belarus" } } } }
      ] }, sort: [{ title: ASC }]) { title }
    }`);
    expect(data.agreements.map((agreement: { title: string }) => agreement.title)).toEqual([
      'Agreement on cooperation between the defence ministries of the two countries',
      'Bilateral accord for cooperation between trade bodies',
      'Bilateral accord for cooperation on business support',
      'Bilateral accord for cooperation on environmental protection',
      'Bilateral accord for cooperation on postal services',
      'Bilateral accord for cooperation on trade development',
      ROADMAP,
    ]);
    // The same question asked from the country (the fast way on a large graph) has the same answer.
    const fromCountry = await ask(`{
      countries(where: { name: { eq: "Pakistan" } }) {
        signed(where: { signatories: { some: { name: { eq: "Belarus" } } } }, sort: [{ title: ASC }]) { title }
      }
    }`);
    expect(fromCountry.countries[0].signed).toEqual(data.agreements);
  });

  it('warms the Cypher plans of every Explorer query and example question, none failing', async () => {
    const names = warmUpQuestions(await createNeo4jGraphQL().getSchema()).map((question) => question.name);
    expect(names).toEqual(expect.arrayContaining(['explore:countryHeader', 'explore:countryNetwork', 'explore:personHeader', 'explore:search', 'explore:connection']));
    expect(names.filter((name) => name.startsWith('example:'))).toHaveLength(loadExamples().length);
    expect(await api.api.warmUp()).toEqual({ questions: names.length, failed: [], ms: expect.any(Number) });
  });

  describe('the fast forms answer as the filtered forms', () => {
    const EXCHANGE = `name documents(sort: [{ title: ASC }]) { title } sides(sort: [{ role: ASC }]) { role person { name } country { name } } evidence(sort: [{ start: ASC }]) { quote }`;

    it('exchangesOf(person:) is documentExchanges filtered by a side\'s person, by name or alias, whatever the case', async () => {
      for (const person of ['Viktor Khrenin', 'Ishaq Dar', 'Jam Kamal Khan', 'Shehbaz Sharif']) {
        const filtered = await ask(
          `query($person: String!) { documentExchanges(where: { sides: { some: { person: { some: { name: { eq: $person } } } } } }, sort: [{ name: ASC }]) { ${EXCHANGE} } }`,
          { person },
        );
        const fast = await ask(`query($person: String!) { exchangesOf(person: $person, sort: [{ name: ASC }]) { ${EXCHANGE} } }`, { person });
        expect({ person, answer: fast.exchangesOf }).toEqual({ person, answer: filtered.documentExchanges });
      }
      const byAlias = await ask(`{ exchangesOf(person: "COMMERCE MINISTER JAM KAMAL KHAN") { name } }`);
      const byAccents = await ask(`{ exchangesOf(person: "viktor khrénin") { name } }`);
      expect([byAlias.exchangesOf, byAccents.exchangesOf]).toEqual([
        [{ name: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin' }],
        [{ name: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin' }],
      ]);
    });

    it('exchangesBetween(a:, b:) takes people and countries', async () => {
      const countries = await ask(`{ exchangesBetween(a: "Pakistan", b: "Belarus", sort: [{ name: ASC }]) { name } }`);
      const filtered = await ask(`{
        documentExchanges(where: { AND: [
          { sides: { some: { country: { some: { name: { eq: "Pakistan" } } } } } },
          { sides: { some: { country: { some: { name: { eq: "Belarus" } } } } } }
        ] }, sort: [{ name: ASC }]) { name }
      }`);
      expect(countries.exchangesBetween).toEqual(filtered.documentExchanges);
      expect(countries.exchangesBetween).toHaveLength(3);
      expect(await ask(`{ exchangesBetween(a: "Jam Kamal Khan", b: "Belarus") { name } }`)).toEqual({
        exchangesBetween: [{ name: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin' }],
      });
      expect(await ask(`{ exchangesBetween(a: "Viktor Khrenin", b: "Ishaq Dar") { name } }`)).toEqual({ exchangesBetween: [] });
    });

    it('exchangesBetween(a:, b:) answers the same whichever end it starts from (the less-connected one)', async () => {
      const sidesOf = (kind: 'person' | 'country', name: string) => `{ sides: { some: { ${kind}: { some: { name: { eq: "${name}" } } } } } }`;
      for (const [kind, a, b] of [
        ['country', 'Pakistan', 'Belarus'],
        ['person', 'Jam Kamal Khan', 'Viktor Khrenin'],
      ] as const) {
        const filtered = await ask(`{ documentExchanges(where: { AND: [${sidesOf(kind, a)}, ${sidesOf(kind, b)}] }, sort: [{ name: ASC }]) { ${EXCHANGE} } }`);
        expect(filtered.documentExchanges.length).toBeGreaterThan(0);
        for (const [first, second] of [
          [a, b],
          [b, a],
        ]) {
          const fast = await ask(`query($a: String!, $b: String!) { exchangesBetween(a: $a, b: $b, sort: [{ name: ASC }]) { ${EXCHANGE} } }`, { a: first, b: second });
          expect({ first, second, answer: fast.exchangesBetween }).toEqual({ first, second, answer: filtered.documentExchanges });
        }
      }
      // Pages cut after the order, from either end.
      const page = async (a: string, b: string) =>
        (await ask(`{ exchangesBetween(a: "${a}", b: "${b}", sort: [{ name: DESC }], limit: 2, offset: 1) { name } }`)).exchangesBetween;
      const all = (await ask(`{ exchangesBetween(a: "Pakistan", b: "Belarus", sort: [{ name: DESC }]) { name } }`)).exchangesBetween;
      expect(await page('Pakistan', 'Belarus')).toEqual(all.slice(1, 3));
      expect(await page('Belarus', 'Pakistan')).toEqual(all.slice(1, 3));
    });

    it('agreementsBetween(countries:) is agreements filtered by signatories, with sort, limit and offset', async () => {
      const filtered = (args: string) => `{
        agreements(where: { AND: [
          { signatories: { some: { name: { eq: "Pakistan" } } } },
          { signatories: { some: { name: { eq: "Belarus" } } } }
        ] }${args}) { title kind signedOn parties(sort: [{ name: ASC }]) { name } }
      }`;
      for (const args of ['', ', sort: [{ title: ASC }]', ', sort: [{ title: DESC }], limit: 3, offset: 1', ', sort: [{ kind: ASC }, { title: DESC }], limit: 4']) {
        const fast = await ask(`{ agreementsBetween(countries: ["pakistan", "BELARUS"]${args}) { title kind signedOn parties(sort: [{ name: ASC }]) { name } } }`);
        const expected = await ask(filtered(args));
        if (args === '') {
          const byTitle = (rows: Array<{ title: string }>) => [...rows].sort((a, b) => a.title.localeCompare(b.title));
          expect(byTitle(fast.agreementsBetween)).toEqual(byTitle(expected.agreements));
        } else {
          expect({ args, answer: fast.agreementsBetween }).toEqual({ args, answer: expected.agreements });
        }
      }
    });

    it('agreementsOf(actor:) lists what a country or body signed or is bound by', async () => {
      const body = 'Ministry of Defense Production';
      const fast = await ask(`query($actor: String!) { agreementsOf(actor: $actor, sort: [{ title: ASC }]) { title } }`, { actor: body });
      const filtered = await ask(
        `query($actor: String!) { agreements(where: { OR: [
          { parties: { some: { name: { eq: $actor } } } },
          { signatories: { some: { name: { eq: $actor } } } }
        ] }, sort: [{ title: ASC }]) { title } }`,
        { actor: body },
      );
      expect(fast.agreementsOf).toEqual(filtered.agreements);
      expect(fast.agreementsOf).toEqual([{ title: ROADMAP }]);
      const belarus = await ask(`{ agreementsOf(actor: "Belarus") { title } }`);
      expect(belarus.agreementsOf).toHaveLength(7);
    });

    it('a name that names nobody is an error naming the argument and the closest matches', async () => {
      const response = await postGraphQL(api.url, { query: '{ exchangesOf(person: "Ishak Dar") { name } }' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          message: 'Argument "person": "Ishak Dar" names no person. Closest matches: Ishaq Dar (person:ishaq-dar).',
          locations: [{ line: 1, column: 3 }],
          path: ['exchangesOf'],
          extensions: {
            code: 'BAD_USER_INPUT',
            argument: 'person',
            name: 'Ishak Dar',
            closest: [{ kind: 'Person', id: 'person:ishaq-dar', name: 'Ishaq Dar' }],
          },
        },
      ]);
      const country = await postGraphQL(api.url, { query: '{ agreementsBetween(countries: ["Pakistan", "Belarussia"]) { title } }' });
      expect(country.status).toBe(400);
      expect(country.body.errors?.[0].message).toBe('Argument "countries": "Belarussia" names no country. Closest matches: Belarus (country:by).');
    });
  });

  it('people: names, aliases, positions with their country, counterparts, evidence', async () => {
    const data = await ask(`{
      people(where: { name: { in: ["Shehbaz Sharif", "Ishaq Dar", "Viktor Khrenin"] } }, sort: [{ name: ASC }]) {
        name aliases
        positions { title country { name } }
        counterparts { name }
        evidence(sort: [{ start: ASC }]) { quote }
      }
    }`);
    const [dar, shehbaz, khrenin] = data.people;
    expect(dar).toEqual({
      name: 'Ishaq Dar',
      aliases: ['Deputy Prime Minister and Foreign Minister Senator Ishaq Dar'],
      positions: expect.arrayContaining([
        { title: 'Deputy Prime Minister', country: [{ name: 'Pakistan' }] },
        { title: 'Foreign Minister', country: [{ name: 'Pakistan' }] },
        { title: 'Senator', country: [{ name: 'Pakistan' }] },
      ]),
      // His counterpart is not named: no person to list.
      counterparts: [],
      evidence: [{ quote: 'Deputy Prime Minister and Foreign Minister Senator Ishaq Dar' }],
    });
    expect(dar.positions).toHaveLength(3);
    expect(shehbaz).toMatchObject({
      name: 'Shehbaz Sharif',
      aliases: expect.arrayContaining(['PM Shehbaz', 'Prime Minister Shehbaz Sharif']),
      positions: [{ title: 'Prime Minister', country: [{ name: 'Pakistan' }] }],
      counterparts: [],
    });
    expect(khrenin).toMatchObject({
      positions: [{ title: 'Defence Minister', country: [{ name: 'Belarus' }] }],
      counterparts: [{ name: 'Jam Kamal Khan' }],
    });
  });

  it('connection: Jam Kamal Khan to Dmitry Pantus, through no evidence node', async () => {
    const data = await ask(`{ connection(from: "Jam Kamal Khan", to: "Dmitry Pantus") { length steps { kind id name via } } }`);
    const { length, steps } = data.connection;
    expect(steps).toHaveLength(length + 1);
    expect(steps[0]).toEqual({ kind: 'Person', id: 'person:jam-kamal-khan', name: 'Jam Kamal Khan', via: expect.any(String) });
    expect(steps[length]).toEqual({ kind: 'Person', id: 'person:dmitry-pantus', name: 'Dmitry Pantus', via: null });
    expect(new Set(steps.map((step: { id: string }) => step.id)).size).toBe(steps.length);
    expect(length).toBe(6);
    for (const step of steps) {
      expect(['Passage', 'Source']).not.toContain(step.kind);
      expect(['EVIDENCED_BY', 'IN_SOURCE']).not.toContain(step.via);
    }
    expect(steps.slice(0, -1).every((step: { via: string | null }) => step.via !== null)).toBe(true);
  });

  it('connection: names by alias, whatever the case and accents; says which actors the names resolved to', async () => {
    const byAlias = await ask(`{ connection(from: "commerce minister jam kamal khan", to: "Belarusian Défence Minister Viktor Khrenin") { found length steps { name } from { kind id name } to { kind id name } } }`);
    expect(byAlias.connection).toEqual({
      found: true,
      length: 4,
      steps: [
        { name: 'Jam Kamal Khan' },
        { name: 'Commerce Minister' },
        { name: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin' },
        { name: 'Defence Minister' },
        { name: 'Viktor Khrenin' },
      ],
      from: { kind: 'Person', id: 'person:jam-kamal-khan', name: 'Jam Kamal Khan' },
      to: { kind: 'Person', id: 'person:viktor-khrenin', name: 'Viktor Khrenin' },
    });
    expect(await ask(`{ connection(from: "Pakistan", to: "Pakistan") { found length steps { kind name via } } }`)).toEqual({
      connection: { found: true, length: 0, steps: [{ kind: 'Country', name: 'Pakistan', via: null }] },
    });
  });

  it('connection: an unknown name is an error naming the end and the closest matches', async () => {
    const response = await postGraphQL(api.url, { query: '{ connection(from: "Viktor Khrenin", to: "Dmitri Pantus") { length } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map(({ message, extensions }) => ({ message, argument: extensions?.argument }))).toEqual([
      {
        message: 'Argument "to": "Dmitri Pantus" names no person, country or body. Closest matches: Dmitry Pantus (person:dmitry-pantus).',
        argument: 'to',
      },
    ]);
  });

  it('search: ranks Viktor Khrenin first for "khrenin", whatever the case and accents, and says how each hit matches', async () => {
    for (const text of ['khrenin', 'KHRENIN', 'Khrénin', 'khren']) {
      const data = await ask(`query($text: String!) { search(text: $text) { kind id name score match } }`, { text });
      expect({ text, first: data.search[0] }).toEqual({
        text,
        first: { kind: 'Person', id: 'person:viktor-khrenin', name: 'Viktor Khrenin', score: expect.any(Number), match: 'PREFIX' },
      });
      // Ranked by how the hit matches (EXACT, PREFIX, FUZZY), then by score.
      const ranks = data.search.map((hit: { score: number; match: string }) => [['EXACT', 'PREFIX', 'FUZZY'].indexOf(hit.match), -hit.score]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    }
  });

  it('search: finds aliases and titles, tolerates a typo, honours the limit, and takes any text safely', async () => {
    expect((await ask(`{ search(text: "PM Shehbaz", limit: 1) { name } }`)).search).toEqual([{ name: 'Shehbaz Sharif' }]);
    expect((await ask(`{ search(text: "readmission") { kind name } }`)).search[0]).toEqual({ kind: 'Agreement', name: 'Readmission Agreement' });
    expect((await ask(`{ search(text: "Lukashenka") { name } }`)).search[0]).toEqual({ name: 'Aleksandr Lukashenko' });
    expect((await ask(`{ search(text: "trade", limit: 2) { name } }`)).search).toHaveLength(2);
    expect((await ask(`{ search(text: "smith AND ( \\" OR [") { name } }`)).search).toEqual([]);
    expect((await ask(`{ search(text: "  ") { name } }`)).search).toEqual([]);
  });

  it('every fact type exposes its evidence: quote, source, offsets, the quote being the text at the offsets', async () => {
    const roots = ['countries', 'bodies', 'people', 'positions', 'occupancies', 'agreements', 'events', 'documentExchanges', 'exchangeSides', 'places', 'claims'];
    for (const root of roots) {
      const data = await ask(`{ ${root}(limit: 200) { evidence { quote source { name publishedOn } start end } } }`);
      expect(data[root].length).toBeGreaterThan(0);
      for (const fact of data[root]) {
        expect(fact.evidence.length).toBeGreaterThan(0);
        for (const evidence of fact.evidence) {
          expect(evidence.source).toEqual([{ name: '000_1cdabd96cc36ddc2', publishedOn: '2025-04-11' }]);
          expect(ARTICLE.slice(evidence.start, evidence.end).join('')).toBe(evidence.quote);
        }
      }
    }
  });

  it('answers every example question of the IDE and the README', async () => {
    for (const example of loadExamples()) {
      const response = await postGraphQL(api.url, { query: example.query });
      expect({ example: example.name, status: response.status, errors: response.body.errors }).toEqual({
        example: example.name,
        status: 200,
        errors: undefined,
      });
      const [rootField] = Object.values(response.body.data ?? {});
      expect({ example: example.name, empty: rootField === null || (Array.isArray(rootField) && rootField.length === 0) }).toEqual({
        example: example.name,
        empty: false,
      });
    }
  });
});

describe('the README', () => {
  it('shows every example question of the IDE with its current query', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const example of loadExamples()) {
      expect({ example: example.name, shown: readme.includes(example.query.replace(/^#.*\n/, '').trim()) }).toEqual({
        example: example.name,
        shown: true,
      });
      expect(readme).toContain(`#### ${example.question}`);
    }
  });
});
