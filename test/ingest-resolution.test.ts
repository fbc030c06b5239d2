/**
 * Entity resolution across articles: the seed article, then five articles written by us (test/fixtures/articles,
 * see its README) where people, bodies and countries of the seed reappear under other forms, people with similar
 * names are not them, and the unnamed Belarusian Internal Affairs Minister is named. Then the GraphQL contract
 * across articles, the report of merges, and undoing merges.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { listMerges, undoMerge } from '../src/ingest/merges';
import { dataQualityReport, formatReport } from '../src/report/data-quality';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { schemaOnlyGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const SEED = path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.yaml');
const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles');
const UNNAMED = 'occupancy:by:internal-affairs-minister:unidentified:2025-04-11';
const NAMED = 'occupancy:by:internal-affairs-minister:yuri-karpenka:2025-05-20';

describe('entity resolution across articles', () => {
  const config = testConfig();
  let driver: Driver;
  let api: TestApi;
  const rows = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params)).records.map((record) => record.toObject());
  const personIds = async (name: string) =>
    (await rows('MATCH (p:Person) WHERE p.name = $name OR $name IN p.aliases RETURN p.id AS id ORDER BY id', { name })).map((row) => row.id);
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await postGraphQL(api.url, { query, variables });
    expect(response.body.errors).toBeUndefined();
    return response.body.data as Record<string, any>;
  };

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await schemaOnlyGraph(driver);
    const summary = await ingestFiles(driver, 'neo4j', [SEED, FIXTURES]);
    expect(summary.failures).toEqual([]);
    expect(summary.articles).toEqual({ new: 6, corrected: 0, unchanged: 0, failed: 0 });
    api = await startTestApi(driver, config);
  });
  afterAll(async () => {
    await api?.close();
    await driver.close();
  });

  it('records each merge with its method and reason', async () => {
    const merges = await listMerges(driver, 'neo4j');
    const made = merges.map(({ form, target, method, kind }) => ({ form, target, method, kind }));
    expect(made).toEqual(
      expect.arrayContaining([
        { kind: 'RESOLVED', form: 'Dzmitry Pantus', target: 'person:dmitry-pantus', method: 'transliteration' },
        { kind: 'RESOLVED', form: 'Alexander Lukashenka', target: 'person:aleksandr-lukashenko', method: 'transliteration' },
        { kind: 'RESOLVED', form: 'Muhammad Shehbaz Sharif', target: 'person:shehbaz-sharif', method: 'alias' },
        { kind: 'RESOLVED', form: 'Mr. Jam Kamal Khan', target: 'person:jam-kamal-khan', method: 'titles-case-accents' },
        { kind: 'RESOLVED', form: 'Republic of Belarus', target: 'country:by', method: 'country-name' },
        { kind: 'RESOLVED', form: 'Islamic Republic of Pakistan', target: 'country:pk', method: 'iso-code' },
        { kind: 'RESOLVED', form: 'Turkish', target: 'country:tr', method: 'country-name' },
        {
          kind: 'RESOLVED',
          form: 'State Authority for Military Industry of Belarus',
          target: 'body:by:state-authority-for-military-industry-of-the-republic-of-belarus',
          method: 'name-or-alias',
        },
        { kind: 'SAME_HOLDER', form: 'person:yuri-karpenka', target: NAMED, method: 'same-office-same-date' },
      ]),
    );
    expect(merges).toHaveLength(9);
    expect(merges.every((merge) => merge.reason.length > 20 && merge.status === 'active')).toBe(true);
  });

  it('resolves transliterations, aliases, titles, case and accents to one person', async () => {
    expect(await personIds('Dzmitry Pantus')).toEqual(['person:dmitry-pantus']);
    expect(await personIds('Alexander Lukashenka')).toEqual(['person:aleksandr-lukashenko']);
    expect(await personIds('Muhammad Shehbaz Sharif')).toEqual(['person:shehbaz-sharif']);
    expect(await personIds('Mr. Jam Kamal Khan')).toEqual(['person:jam-kamal-khan']);
    expect(await personIds('Ayşe Yılmaz')).toEqual(['person:ayse-yilmaz']);
    // The first name stated stays the name; the others are aliases, searchable.
    const [pantus] = await rows("MATCH (p:Person {id: 'person:dmitry-pantus'}) RETURN p.name AS name, p.aliases AS aliases");
    expect(pantus.name).toBe('Dmitry Pantus');
    expect(pantus.aliases).toEqual(expect.arrayContaining(['Dzmitry Pantus']));
    const ayse = await rows("MATCH (p:Person {id: 'person:ayse-yilmaz'})-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(s:Source) RETURN DISTINCT s.id AS source ORDER BY source");
    expect(ayse.map((row) => row.source)).toEqual(['source:fixture-104-ankara-trade-talks', 'source:fixture-105-lahore-trade-follow-up']);
  });

  it('resolves countries by name, adjective and ISO code, and bodies by alias within their country', async () => {
    expect((await rows('MATCH (c:Country) RETURN c.id AS id ORDER BY id')).map((row) => row.id)).toEqual(['country:by', 'country:pk', 'country:tr']);
    const [pakistan] = await rows("MATCH (c:Country {id: 'country:pk'}) RETURN c.name AS name");
    expect(pakistan.name).toBe('Pakistan');
    const bodies = await rows("MATCH (b:Body) WHERE b.name CONTAINS 'Military Industry' RETURN b.id AS id, b.aliases AS aliases");
    expect(bodies).toEqual([
      {
        id: 'body:by:state-authority-for-military-industry-of-the-republic-of-belarus',
        aliases: ['State Authority for Military Industry of Belarus'],
      },
    ]);
    const [events] = await rows(
      "MATCH (:Body {id: $id})-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(s:Source) RETURN collect(DISTINCT s.id) AS sources",
      { id: bodies[0].id },
    );
    expect(events.sources).toHaveLength(2);
  });

  it('does not merge different people with similar names: a surname, or a shared word, is not enough', async () => {
    expect(await personIds('Viktor Khrenov')).toEqual(['person:viktor-khrenov']);
    expect(await personIds('Viktor Khrenin')).toEqual(['person:viktor-khrenin']);
    expect(await personIds('Khrenin')).toEqual(['person:khrenin']);
    expect(await personIds('Kamal Khan')).toEqual(['person:kamal-khan']);
    expect(await personIds('Jam Kamal Khan')).toEqual(['person:jam-kamal-khan']);
    expect(await personIds('Abdul Aleem Khan')).toEqual(['person:abdul-aleem-khan']);
    // Two holders of different offices of the same body are not one: Dar's two holdings stay apart.
    const [{ count }] = await rows("MATCH (p:Person) WHERE p.name CONTAINS 'Khan' RETURN count(p) AS count");
    expect(Number(count)).toBe(3);
  });

  it('links the unnamed Internal Affairs Minister to the holder another source names, keeping the seed as it was', async () => {
    const [unnamed] = await rows(
      `MATCH (o:Occupancy {id: $id})
       RETURN o.holderNamed AS holderNamed, EXISTS { (o)-[:HELD_BY]->() } AS held,
              [(o)-[link:SAME_AS]->(named) | {named: named.id, method: link.method}] AS links`,
      { id: UNNAMED },
    );
    expect(unnamed).toEqual({ holderNamed: false, held: false, links: [{ named: NAMED, method: 'same-office-same-date' }] });
    const report = await dataQualityReport(driver, 'neo4j');
    expect(report.unnamedHolders).toEqual([expect.objectContaining({ position: 'Internal Affairs Minister', namedElsewhere: ['Yuri Karpenka'] })]);
    expect(formatReport(report)).toContain('Merges made by entity resolution (npm run merge:undo -- <id> undoes one) (9)');
    expect(report.factsWithoutEvidence).toEqual([]);

    const data = await graphql(`{
      documentExchanges(where: { sides: { some: { role: { eq: "Internal Affairs Minister" } } } }) {
        sides { role person { name } resolvedPerson { name } occupancy { holderNamed resolvedHolder { name } } }
      }
    }`);
    const side = data.documentExchanges[0].sides.find((s: any) => s.role === 'Internal Affairs Minister');
    expect(side).toEqual({
      role: 'Internal Affairs Minister',
      person: [],
      resolvedPerson: [{ name: 'Yuri Karpenka' }],
      occupancy: [{ holderNamed: false, resolvedHolder: [{ name: 'Yuri Karpenka' }] }],
    });
  });

  it('answers the GraphQL contract across articles: both sets of exchanges and both pieces of evidence', async () => {
    const data = await graphql(`{
      people(where: { name: { eq: "Ishaq Dar" } }) {
        name counterparts { name } evidence { quote source { name publishedOn } }
      }
      documentExchanges(where: { sides: { some: { person: { some: { name: { eq: "Ishaq Dar" } } } } } }) {
        documents { title } sides { role person { name } }
      }
    }`);
    expect(data.people).toHaveLength(1);
    expect(data.people[0].counterparts).toEqual([{ name: 'Yuri Karpenka' }]);
    const sources = data.people[0].evidence.map((e: any) => e.source[0].name).sort();
    expect(sources).toEqual(['000_1cdabd96cc36ddc2', 'Belarusian ministers in Islamabad to follow up on Minsk accords']);
    expect(data.documentExchanges.flatMap((x: any) => x.documents.map((d: any) => d.title)).sort()).toEqual([
      'Agreement on Cooperation between the interior ministries of two countries',
      'Protocol on the implementation of the readmission agreement',
      'Readmission Agreement',
    ]);

    const pantus = await graphql(`{ people(where: { name: { eq: "Dmitry Pantus" } }) { aliases evidence { source { name } } } }`);
    expect(new Set(pantus.people[0].evidence.map((e: any) => e.source[0].name)).size).toBe(2);
    const search = await graphql(`{ search(text: "Dzmitry Pantus") { id } }`);
    expect(search.search[0].id).toBe('person:dmitry-pantus');
  });

  it('undoes a merge: the article is ingested again with the entity on its own, and the merge is not made again', async () => {
    const merges = await listMerges(driver, 'neo4j');
    const pantus = merges.find((merge) => merge.form === 'Dzmitry Pantus')!;
    await undoMerge(driver, 'neo4j', pantus.id);
    expect(await personIds('Dzmitry Pantus')).toEqual(['person:dzmitry-pantus']);
    const [seedPantus] = await rows(
      `MATCH (p:Person {id: 'person:dmitry-pantus'})
       RETURN p.aliases AS aliases, [(p)-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(s) | s.id] AS sources,
              [(p)<-[:HELD_BY]-(o) | o.id] AS holdings`,
    );
    expect(seedPantus.aliases).not.toContain('Dzmitry Pantus');
    expect([...new Set(seedPantus.sources)]).toEqual(['source:000_1cdabd96cc36ddc2']);
    expect(seedPantus.holdings).toEqual(['occupancy:by:state-authority-for-military-industry-of-the-republic-of-belarus:minister-of-the-state-authority-for-military-industry:dmitry-pantus:2025-04-11']);
    expect((await listMerges(driver, 'neo4j')).find((merge) => merge.id === pantus.id)?.status).toBe('undone');

    const again = await ingestFiles(driver, 'neo4j', [SEED, FIXTURES], { force: true });
    expect(again.failures).toEqual([]);
    expect(await personIds('Dzmitry Pantus')).toEqual(['person:dzmitry-pantus']);

    const sameHolder = (await listMerges(driver, 'neo4j')).find((merge) => merge.kind === 'SAME_HOLDER')!;
    await undoMerge(driver, 'neo4j', sameHolder.id);
    await ingestFiles(driver, 'neo4j', [SEED, FIXTURES], { force: true });
    const [{ links }] = await rows('MATCH (o:Occupancy {id: $id}) RETURN count { (o)-[:SAME_AS]->() } AS links', { id: UNNAMED });
    expect(Number(links)).toBe(0);
    await expect(undoMerge(driver, 'neo4j', sameHolder.id)).rejects.toThrow(/already undone/);
    await expect(undoMerge(driver, 'neo4j', 'merge:nothing')).rejects.toThrow(/npm run report lists/);
    expect((await dataQualityReport(driver, 'neo4j')).factsWithoutEvidence).toEqual([]);
  });
});
