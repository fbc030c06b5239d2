/**
 * The seed graph against the article, read by us: every person, body, office, agreement and event the text
 * states is there, with the right links, and nothing more; every fact is cited by a quote that is the text at its
 * offsets; loading twice changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { runSeedScripts } from '../src/db/cypher-scripts';
import { loadQuestions } from '../src/browser/guide';
import { graphSnapshot, seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const ARTICLE = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.txt'), 'utf8');

describe('the seed graph of the Minsk article', () => {
  const config = testConfig();
  let driver: Driver;
  const rows = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params)).records.map((record) => record.toObject());
  const column = async (query: string) => (await rows(query)).map((row) => Object.values(row)[0]);

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
  });
  afterAll(() => driver.close());

  it('keeps its own copy of the article, identical to the source it cites', async () => {
    const [source] = await rows('MATCH (s:Source) RETURN s.id AS id, s.checksum AS checksum, toString(s.publishedOn) AS publishedOn');
    const { createHash } = await import('node:crypto');
    expect(source).toEqual({
      id: 'source:000_1cdabd96cc36ddc2',
      checksum: createHash('sha256').update(ARTICLE).digest('hex'),
      publishedOn: '2025-04-11',
    });
  });

  it('has exactly the people the text names', async () => {
    expect(await column('MATCH (p:Person) RETURN p.name ORDER BY p.name')).toEqual([
      'Abdul Aleem Khan',
      'Aleksandr Lukashenko',
      'Dmitry Pantus',
      'Ishaq Dar',
      'Jam Kamal Khan',
      'Shehbaz Sharif',
      'Viktor Khrenin',
    ]);
  });

  it('keeps "PM Shehbaz", "the premier" and "Prime Minister Shehbaz Sharif" as one person', async () => {
    const [shehbaz] = await rows("MATCH (p:Person {name: 'Shehbaz Sharif'}) RETURN p.aliases AS aliases, p.weakAliases AS weak");
    expect(shehbaz.aliases).toEqual(expect.arrayContaining(['PM Shehbaz', 'Prime Minister Shehbaz Sharif']));
    expect(shehbaz.weak).toEqual(expect.arrayContaining(['the premier']));
  });

  it('has the two countries', async () => {
    expect(await rows('MATCH (c:Country) RETURN c.name AS name, c.isoCode AS iso ORDER BY name')).toEqual([
      { name: 'Belarus', iso: 'BY' },
      { name: 'Pakistan', iso: 'PK' },
    ]);
  });

  it('has exactly the government bodies the text states, each in its country', async () => {
    expect(
      await rows('MATCH (b:Body)-[:OF_COUNTRY]->(c:Country) RETURN b.name AS name, b.kind AS kind, c.name AS country ORDER BY name'),
    ).toEqual([
      { name: 'Defence Ministry of Belarus', kind: 'MINISTRY', country: 'Belarus' },
      { name: 'Defence Ministry of Pakistan', kind: 'MINISTRY', country: 'Pakistan' },
      { name: 'Government of Belarus', kind: 'GOVERNMENT', country: 'Belarus' },
      { name: 'Government of Pakistan', kind: 'GOVERNMENT', country: 'Pakistan' },
      { name: 'Interior Ministry of Belarus', kind: 'MINISTRY', country: 'Belarus' },
      { name: 'Interior Ministry of Pakistan', kind: 'MINISTRY', country: 'Pakistan' },
      { name: 'Ministry of Defense Production', kind: 'MINISTRY', country: 'Pakistan' },
      { name: 'State Authority for Military Industry of the Republic of Belarus', kind: 'AGENCY', country: 'Belarus' },
    ]);
    expect(await column('MATCH (b:Body) RETURN count(b)')).toEqual([8]);
  });

  it('has exactly the offices, and who held them on 2025-04-11 (the Internal Affairs Minister unnamed)', async () => {
    expect(
      await rows(`
        MATCH (o:Occupancy)-[:OF_POSITION]->(p:Position)-[:OF_COUNTRY]->(c:Country)
        OPTIONAL MATCH (o)-[:HELD_BY]->(holder:Person)
        RETURN c.name AS country, p.title AS office, holder.name AS holder, o.observedOn AS on
        ORDER BY country, office`),
    ).toEqual([
      { country: 'Belarus', office: 'Defence Minister', holder: 'Viktor Khrenin', on: '2025-04-11' },
      { country: 'Belarus', office: 'Internal Affairs Minister', holder: null, on: '2025-04-11' },
      { country: 'Belarus', office: 'Minister of the State Authority for Military Industry', holder: 'Dmitry Pantus', on: '2025-04-11' },
      { country: 'Belarus', office: 'President', holder: 'Aleksandr Lukashenko', on: '2025-04-11' },
      { country: 'Pakistan', office: 'Commerce Minister', holder: 'Jam Kamal Khan', on: '2025-04-11' },
      { country: 'Pakistan', office: 'Communications Minister', holder: 'Abdul Aleem Khan', on: '2025-04-11' },
      { country: 'Pakistan', office: 'Deputy Prime Minister', holder: 'Ishaq Dar', on: '2025-04-11' },
      { country: 'Pakistan', office: 'Foreign Minister', holder: 'Ishaq Dar', on: '2025-04-11' },
      { country: 'Pakistan', office: 'Prime Minister', holder: 'Shehbaz Sharif', on: '2025-04-11' },
      { country: 'Pakistan', office: 'Senator', holder: 'Ishaq Dar', on: '2025-04-11' },
    ]);
    expect(await column('MATCH (p:Position) RETURN count(p)')).toEqual([10]);
    expect(
      await rows("MATCH (p:Position)-[:IN_BODY]->(b:Body) RETURN p.title AS office, b.name AS body"),
    ).toEqual([
      { office: 'Minister of the State Authority for Military Industry', body: 'State Authority for Military Industry of the Republic of Belarus' },
    ]);
  });

  it('gives the unnamed Belarusian Internal Affairs Minister no name', async () => {
    expect(
      await rows(`
        MATCH (o:Occupancy)-[:OF_POSITION]->(:Position {title: 'Internal Affairs Minister'})
        RETURN o.holderNamed AS named, EXISTS { (o)-[:HELD_BY]->() } AS hasHolder, o.title AS asReported`),
    ).toEqual([{ named: false, hasHolder: false, asReported: 'Belarusian Internal Affairs Minister' }]);
    expect(
      await rows(`
        MATCH (side:ExchangeSide {role: 'Internal Affairs Minister'})
        RETURN EXISTS { (side)-[:PERSON]->() } AS hasPerson`),
    ).toEqual([{ hasPerson: false }]);
    expect(await column("MATCH (p:Person) WHERE p.name IS NULL OR trim(p.name) = '' RETURN p.id")).toEqual([]);
    expect(
      await column("MATCH (p:Person) WHERE any(alias IN p.aliases + p.weakAliases WHERE alias CONTAINS 'Internal Affairs') RETURN p.id"),
    ).toEqual([]);
  });

  it('has exactly the agreements, with kind, topics, period, parties and signatories as the text says', async () => {
    const agreements = await rows(`
      MATCH (a:Agreement)
      RETURN a.title AS title, a.kind AS kind, a.topics AS topics, a.validFrom AS validFrom, a.validTo AS validTo,
             a.signedOn AS signedOn,
             COLLECT { MATCH (a)-[:BINDS]->(party) RETURN party.name ORDER BY party.name } AS parties,
             COLLECT { MATCH (a)-[:SIGNED_BY]->(signatory) RETURN signatory.name ORDER BY signatory.name } AS signatories
      ORDER BY title`);
    const accord = (topic: string, title: string) => ({
      title,
      kind: 'ACCORD',
      topics: [topic],
      validFrom: null,
      validTo: null,
      signedOn: '2025-04-11',
      parties: [],
      signatories: ['Belarus', 'Pakistan'],
    });
    expect(agreements).toEqual([
      {
        title: 'Agreement on Cooperation between the interior ministries of two countries',
        kind: 'AGREEMENT',
        topics: ['interior'],
        validFrom: null,
        validTo: null,
        signedOn: '2025-04-11',
        parties: ['Interior Ministry of Belarus', 'Interior Ministry of Pakistan'],
        signatories: ['Government of Belarus', 'Government of Pakistan'],
      },
      {
        title: 'Agreement on cooperation between the defence ministries of the two countries',
        kind: 'AGREEMENT',
        topics: ['defence'],
        validFrom: null,
        validTo: null,
        signedOn: '2025-04-11',
        parties: ['Defence Ministry of Belarus', 'Defence Ministry of Pakistan'],
        signatories: ['Belarus', 'Pakistan'],
      },
      accord('business support', 'Bilateral accord for cooperation on business support'),
      accord('environmental protection', 'Bilateral accord for cooperation on environmental protection'),
      accord('postal services', 'Bilateral accord for cooperation on postal services'),
      accord('trade bodies', 'Bilateral accord for cooperation between trade bodies'),
      accord('trade development', 'Bilateral accord for cooperation on trade development'),
      {
        title:
          'Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production',
        kind: 'PROGRAMME',
        topics: ['military-technical cooperation'],
        validFrom: '2025',
        validTo: '2027',
        signedOn: '2025-04-11',
        parties: ['Ministry of Defense Production', 'State Authority for Military Industry of the Republic of Belarus'],
        signatories: ['Belarus', 'Pakistan'],
      },
      {
        title: 'Readmission Agreement',
        kind: 'AGREEMENT',
        topics: ['readmission'],
        validFrom: null,
        validTo: null,
        signedOn: '2025-04-11',
        parties: ['Government of Belarus', 'Government of Pakistan'],
        signatories: ['Government of Belarus', 'Government of Pakistan'],
      },
    ].sort((a, b) => (a.title < b.title ? -1 : 1)));
    expect(await column("MATCH (a:Agreement) WHERE NOT (a)-[:SIGNED_DURING]->(:Event {kind: 'VISIT'}) RETURN a.title")).toEqual([]);
  });

  it('has exactly the events, with dates, places and part-of links (captions add none)', async () => {
    expect(
      await rows(`
        MATCH (e:Event)
        OPTIONAL MATCH (e)-[:PART_OF]->(whole:Event)
        OPTIONAL MATCH (e)-[:AT_PLACE]->(place:Place)
        OPTIONAL MATCH (e)-[:IN_COUNTRY]->(country:Country)
        RETURN e.kind AS kind, e.name AS name, e.date AS date, whole.name AS partOf, place.name AS place, country.name AS country
        ORDER BY kind, name`),
    ).toEqual([
      { kind: 'DOCUMENT_EXCHANGE', name: 'Exchange of documents between Abdul Aleem Khan and Dmitry Pantus', date: '2025-04-11', partOf: 'Signing ceremony in Minsk', place: null, country: null },
      { kind: 'DOCUMENT_EXCHANGE', name: 'Exchange of documents between Ishaq Dar and the Belarusian Internal Affairs Minister', date: '2025-04-11', partOf: 'Signing ceremony in Minsk', place: null, country: null },
      { kind: 'DOCUMENT_EXCHANGE', name: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin', date: '2025-04-11', partOf: 'Signing ceremony in Minsk', place: null, country: null },
      { kind: 'MEETING', name: 'Meeting of Shehbaz Sharif and Aleksandr Lukashenko', date: '2025-04-11', partOf: 'Official visit of Prime Minister Shehbaz Sharif to Belarus', place: 'Independence Palace', country: null },
      { kind: 'PRESS_EVENT', name: 'Joint press stakeout', date: null, partOf: 'Official visit of Prime Minister Shehbaz Sharif to Belarus', place: null, country: null },
      { kind: 'SIGNING_CEREMONY', name: 'Signing ceremony in Minsk', date: '2025-04-11', partOf: 'Official visit of Prime Minister Shehbaz Sharif to Belarus', place: 'Minsk', country: null },
      { kind: 'TALKS', name: 'Delegation-level talks between Pakistan and Belarus', date: '2025-04-11', partOf: 'Official visit of Prime Minister Shehbaz Sharif to Belarus', place: null, country: null },
      { kind: 'VISIT', name: 'Official visit of Prime Minister Shehbaz Sharif to Belarus', date: '2025-04-11', partOf: null, place: null, country: 'Belarus' },
      { kind: 'VISIT', name: 'Visit of Aleksandr Lukashenko to Pakistan', date: '2015/2016', partOf: null, place: null, country: 'Pakistan' },
    ]);
    expect(
      await column("MATCH (:Event {kind: 'TALKS'})-[:BETWEEN]->(c:Country) RETURN c.name ORDER BY c.name"),
    ).toEqual(['Belarus', 'Pakistan']);
    expect(await rows('MATCH (p:Place) OPTIONAL MATCH (p)-[:WITHIN]->(o:Place) RETURN p.name AS name, p.kind AS kind, o.name AS within ORDER BY name')).toEqual([
      { name: 'Independence Palace', kind: 'VENUE', within: 'Minsk' },
      { name: 'Minsk', kind: 'CITY', within: null },
    ]);
  });

  it('has each exchange with its documents and both sides, pairings as printed', async () => {
    expect(
      await rows(`
        MATCH (x:DocumentExchange)-[:HAS_SIDE]->(side:ExchangeSide)-[:REPRESENTS]->(country:Country)
        OPTIONAL MATCH (side)-[:PERSON]->(person:Person)
        WITH x, side, country, person ORDER BY country.name DESC
        WITH x, collect({country: country.name, role: side.role, person: person.name}) AS sides
        RETURN COLLECT { MATCH (x)-[:EXCHANGED]->(d:Agreement) RETURN d.title ORDER BY d.title } AS documents, sides
        ORDER BY documents[0]`),
    ).toEqual([
      {
        documents: ['Agreement on Cooperation between the interior ministries of two countries', 'Readmission Agreement'],
        sides: [
          { country: 'Pakistan', role: 'Deputy Prime Minister and Foreign Minister', person: 'Ishaq Dar' },
          { country: 'Belarus', role: 'Internal Affairs Minister', person: null },
        ],
      },
      {
        documents: ['Agreement on cooperation between the defence ministries of the two countries'],
        sides: [
          { country: 'Pakistan', role: 'Commerce Minister', person: 'Jam Kamal Khan' },
          { country: 'Belarus', role: 'Defence Minister', person: 'Viktor Khrenin' },
        ],
      },
      {
        documents: [
          'Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production',
        ],
        sides: [
          { country: 'Pakistan', role: 'Communications Minister', person: 'Abdul Aleem Khan' },
          { country: 'Belarus', role: 'Minister of the State Authority for Military Industry', person: 'Dmitry Pantus' },
        ],
      },
    ]);
    // Each side acted in the office it is reported in.
    expect(
      await column(`
        MATCH (side:ExchangeSide)
        WHERE NOT EXISTS { (side)-[:IN_CAPACITY]->(:Occupancy)-[:OF_POSITION]->(:Position)-[:OF_COUNTRY]->(:Country)<-[:REPRESENTS]-(side) }
        RETURN side.id`),
    ).toEqual([]);
  });

  it('has the participants of each event: visitor, meeting, witnesses, speaker', async () => {
    expect(
      await rows(`
        MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event)
        RETURN e.name AS event, r.role AS role, p.name AS person ORDER BY event, role, person`),
    ).toEqual([
      { event: 'Joint press stakeout', role: 'SPEAKER', person: 'Shehbaz Sharif' },
      { event: 'Meeting of Shehbaz Sharif and Aleksandr Lukashenko', role: 'PARTICIPANT', person: 'Aleksandr Lukashenko' },
      { event: 'Meeting of Shehbaz Sharif and Aleksandr Lukashenko', role: 'PARTICIPANT', person: 'Shehbaz Sharif' },
      { event: 'Official visit of Prime Minister Shehbaz Sharif to Belarus', role: 'VISITOR', person: 'Shehbaz Sharif' },
      { event: 'Signing ceremony in Minsk', role: 'WITNESS', person: 'Aleksandr Lukashenko' },
      { event: 'Signing ceremony in Minsk', role: 'WITNESS', person: 'Shehbaz Sharif' },
      { event: 'Visit of Aleksandr Lukashenko to Pakistan', role: 'VISITOR', person: 'Aleksandr Lukashenko' },
    ]);
  });

  it('has the offer of 150,000 workers as a claim made at the stakeout, and the other stated positions', async () => {
    expect(
      await rows(`
        MATCH (c:Claim {kind: 'OFFER'})-[:SAID_BY]->(speaker:Person)
        MATCH (c)-[:ACTOR]->(actor:Country)
        MATCH (c)-[:MADE_AT]->(event:Event)
        RETURN speaker.name AS speaker, actor.name AS actor, event.name AS madeAt, c.quantity AS quantity, c.quantityQualifier AS qualifier`),
    ).toEqual([{ speaker: 'Shehbaz Sharif', actor: 'Belarus', madeAt: 'Joint press stakeout', quantity: 150000, qualifier: 'over' }]);
    expect(
      await rows('MATCH (c:Claim)-[:SAID_BY]->(p:Person) RETURN p.name AS speaker, c.kind AS kind, count(*) AS claims ORDER BY speaker, kind'),
    ).toEqual([
      { speaker: 'Aleksandr Lukashenko', kind: 'POSITION', claims: 5 },
      { speaker: 'Aleksandr Lukashenko', kind: 'PROPOSAL', claims: 1 },
      { speaker: 'Shehbaz Sharif', kind: 'APPRECIATION', claims: 1 },
      { speaker: 'Shehbaz Sharif', kind: 'ASSURANCE', claims: 1 },
      { speaker: 'Shehbaz Sharif', kind: 'OFFER', claims: 1 },
      { speaker: 'Shehbaz Sharif', kind: 'POSITION', claims: 3 },
      { speaker: 'Shehbaz Sharif', kind: 'PROPOSAL', claims: 1 },
      { speaker: 'Shehbaz Sharif', kind: 'REQUEST', claims: 1 },
    ]);
    expect(
      await rows("MATCH (c:Claim)-[:REFERS_TO]->(e:Event) RETURN e.name AS event ORDER BY event"),
    ).toEqual([{ event: 'Official visit of Prime Minister Shehbaz Sharif to Belarus' }, { event: 'Visit of Aleksandr Lukashenko to Pakistan' }]);
  });

  it('has nothing but these facts', async () => {
    expect((await graphSnapshot(driver)).labels).toEqual({
      Fact: 77,
      Country: 2,
      Place: 2,
      Body: 8,
      Person: 7,
      Position: 10,
      Occupancy: 10,
      Agreement: 9,
      Event: 9,
      DocumentExchange: 3,
      ExchangeSide: 6,
      Claim: 14,
      Source: 1,
      Passage: 33,
      // What the seed asserts, recorded as an ingested article's would be (for exact corrections and undone merges).
      Ingestion: 1,
      // The shape of the graph this version writes (src/db/data-version.ts).
      DataVersion: 1,
    });
  });

  it('marks the five accords of one phrase as a reading of it; every other fact is stated plainly; all are curated', async () => {
    expect(await column("MATCH (f:Fact) WHERE f.provenance <> 'CURATED' OR f.provenance IS NULL OR f.extractor IS NOT NULL RETURN f.id")).toEqual([]);
    expect(await column('MATCH (f:Fact) WHERE f.reading IS NOT NULL RETURN DISTINCT f.reading + ": " + f.title AS line ORDER BY line')).toEqual([
      'COLLECTIVE_SPLIT: Bilateral accord for cooperation between trade bodies',
      'COLLECTIVE_SPLIT: Bilateral accord for cooperation on business support',
      'COLLECTIVE_SPLIT: Bilateral accord for cooperation on environmental protection',
      'COLLECTIVE_SPLIT: Bilateral accord for cooperation on postal services',
      'COLLECTIVE_SPLIT: Bilateral accord for cooperation on trade development',
    ]);
    // Each accord cites the phrase and the lead, both as the reading.
    expect(await column("MATCH (:Agreement {kind: 'ACCORD'})-[c:EVIDENCED_BY]->() RETURN DISTINCT c.reading")).toEqual(['COLLECTIVE_SPLIT']);
    expect(await column('MATCH (:Fact)-[c:EVIDENCED_BY]->() WHERE c.extractor IS NOT NULL RETURN count(c)')).toEqual([0]);
  });

  it('cites every fact and every exchange side with a passage of the source', async () => {
    expect(
      await column('MATCH (f:Fact) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(:Source) } RETURN f.id'),
    ).toEqual([]);
    expect(await column('MATCH (s:ExchangeSide)-[:EVIDENCED_BY]->(p:Passage) RETURN count(DISTINCT s)')).toEqual([6]);
    expect(await column('MATCH (p:Passage) WHERE NOT EXISTS { ()-[:EVIDENCED_BY]->(p) } RETURN p.id')).toEqual([]);
  });

  it('quotes exactly the article text at each passage\'s offsets', async () => {
    const characters = [...ARTICLE];
    const passages = await rows('MATCH (p:Passage) RETURN p.id AS id, p.start AS start, p.end AS end, p.quote AS quote');
    expect(passages).toHaveLength(33);
    for (const passage of passages) {
      expect({ id: passage.id, quote: characters.slice(passage.start as number, passage.end as number).join('') }).toEqual({
        id: passage.id,
        quote: passage.quote,
      });
      expect(passage.id).toBe(`passage:000_1cdabd96cc36ddc2:${passage.start}-${passage.end}`);
    }
  });

  it('cites the unnamed minister by the words that describe the office', async () => {
    expect(
      await column("MATCH (:Occupancy {holderNamed: false})-[:EVIDENCED_BY]->(p:Passage) RETURN p.quote"),
    ).toEqual(['Belarusian Internal Affairs Minister']);
  });

  it('changes nothing when loaded again', async () => {
    const once = await graphSnapshot(driver);
    await runSeedScripts(driver, config.neo4j.database, () => undefined);
    const twice = await graphSnapshot(driver);
    expect(twice).toEqual(once);
    expect(once.nodes).toBe(113); // 111 facts, passages and the source, the seed's ingestion record, the data version
  });

  describe('answers the relationship questions in Cypher (the ready questions of cypher/questions)', () => {
    const question = (prefix: string) => {
      const found = loadQuestions().find((candidate) => candidate.name.startsWith(prefix));
      if (!found) throw new Error(`no question ${prefix}`);
      return found.cypher;
    };
    const answer = async (prefix: string, columns: string[]) =>
      (await rows(question(prefix))).map((row) => Object.fromEntries(columns.map((name) => [name, row[name]])));

    it('who exchanged documents with Viktor Khrenin, and which', async () => {
      expect(await answer('01', ['counterpart', 'capacity', 'country', 'documents'])).toEqual([
        {
          counterpart: 'Jam Kamal Khan',
          capacity: 'Commerce Minister',
          country: 'Pakistan',
          documents: ['Agreement on cooperation between the defence ministries of the two countries'],
        },
      ]);
    });

    it('which documents Ishaq Dar exchanged, and with whom', async () => {
      expect(await answer('02', ['document', 'darCapacity', 'counterpart', 'counterpartCapacity', 'counterpartCountry'])).toEqual([
        {
          document: 'Agreement on Cooperation between the interior ministries of two countries',
          darCapacity: 'Deputy Prime Minister and Foreign Minister',
          counterpart: null,
          counterpartCapacity: 'Internal Affairs Minister',
          counterpartCountry: 'Belarus',
        },
        {
          document: 'Readmission Agreement',
          darCapacity: 'Deputy Prime Minister and Foreign Minister',
          counterpart: null,
          counterpartCapacity: 'Internal Affairs Minister',
          counterpartCountry: 'Belarus',
        },
      ]);
    });

    it('which bodies the military-technical roadmap binds, and for which years', async () => {
      expect(await answer('03', ['party', 'country', 'validFrom', 'validTo'])).toEqual([
        { party: 'Ministry of Defense Production', country: 'Pakistan', validFrom: '2025', validTo: '2027' },
        { party: 'State Authority for Military Industry of the Republic of Belarus', country: 'Belarus', validFrom: '2025', validTo: '2027' },
      ]);
    });

    it('who witnessed the ceremony', async () => {
      expect(await answer('04', ['witness', 'office', 'country'])).toEqual([
        { witness: 'Aleksandr Lukashenko', office: 'President', country: 'Belarus' },
        { witness: 'Shehbaz Sharif', office: 'Prime Minister', country: 'Pakistan' },
      ]);
    });

    it('every ready question runs', async () => {
      for (const { name, cypher } of loadQuestions()) {
        const result = await rows(cypher);
        expect({ name, answered: result.length > 0 }).toEqual({ name, answered: true });
      }
    });
  });
});
