/**
 * Format v2 through the API (issue 9, item 6): the seed article and the dev set of invented reports
 * (test/fixtures/dev, see its README) are loaded together, then each item of format v2 is asked of the GraphQL API
 * over HTTP, and the answers are the gold annotations': partial and unknown publication dates, sides with no stated
 * country, the verb of each act, the new kinds of document, regions and cities as parties, each kind of reading (on
 * the fact and on its citations), unnamed officials as sides and as event participants, and curated facts only, each
 * with evidence.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { validateFile } from '../src/ingest/validate';
import { SIDES_SIGN } from '../src/model/facts';
import { dataQualityReport } from '../src/report/data-quality';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { schemaOnlyGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const SEED = path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.yaml');
const DEV = path.join(PROJECT_ROOT, 'test', 'fixtures', 'dev');
const DEV_FILES = fs.readdirSync(DEV).filter((file) => file.endsWith('.yaml')).sort().map((file) => path.join(DEV, file));

/** Every act on documents the gold annotations (the seed's and the dev set's) declare: name, verb and words. */
function goldActs(): Array<{ name: string; verb: string; verbWords: string | null }> {
  return [SEED, ...DEV_FILES].flatMap((file) => {
    const result = validateFile(file);
    if (!result.ok) throw new Error(`${file} does not validate: npm run test:unit says why`);
    return result.value.article.exchanges.map((act) => ({ name: act.name, verb: act.verb.kind, verbWords: act.verb.words ?? null }));
  });
}
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

describe('format v2 through the API, on the seed and the dev set', () => {
  const config = testConfig();
  let driver: Driver;
  let api: TestApi;
  const graphql = async (query: string) => {
    const response = await postGraphQL(api.url, { query });
    expect(response.body.errors).toBeUndefined();
    return response.body.data as Record<string, any>;
  };

  // Loading 18 articles takes a minute or more on a busy machine.
  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await schemaOnlyGraph(driver);
    const summary = await ingestFiles(driver, 'neo4j', [SEED, DEV]);
    expect(summary.failures).toEqual([]);
    expect(summary.articles).toEqual({ new: 1 + DEV_FILES.length, corrected: 0, unchanged: 0, failed: 0 });
    api = await startTestApi(driver, config);
  }, 600_000);
  afterAll(async () => {
    await api?.close();
    await driver?.close();
  });

  it('loads the seed and every dev article, and loading them again changes nothing', async () => {
    expect(DEV_FILES.length).toBeGreaterThanOrEqual(16);
    const again = await ingestFiles(driver, 'neo4j', [SEED, DEV]);
    expect(again.articles).toEqual({ new: 0, corrected: 0, unchanged: 1 + DEV_FILES.length, failed: 0 });
  });

  it('serves each publication date as precise as its source: a day, a month, a year, or none', async () => {
    const data = await graphql(`{
      sources(where: { id: { in: ["source:dev-201-kenya-ghana-visa-wire", "source:dev-207-mongolia-hungary-truncated",
                                  "source:dev-208-tajikistan-oman-translated", "source:dev-215-nepal-finland-brief"] } },
              sort: [{ id: ASC }]) {
        name published publishedOn url
      }
    }`);
    expect(data.sources).toEqual([
      {
        name: 'Kenya, Ghana sign visa waiver pact; trade deal still under negotiation',
        published: '2025-03-04',
        publishedOn: '2025-03-04',
        url: 'https://example.org/wire/2025/03/04/kenya-ghana-visa-waiver',
      },
      {
        name: 'Mongolia, Hungary agree to open direct flights and deepen water cooperation',
        published: null,
        publishedOn: null,
        url: 'https://example.org/politics/mongolia-hungary-direct-flights',
      },
      { name: 'On the visit of the Omani delegation', published: '2024-03', publishedOn: null, url: 'https://example.org/bulletin/2024/03/omani-delegation' },
      { name: 'Nepal, Finland sign water supply accord', published: '2023', publishedOn: null, url: 'https://example.org/news-in-brief/2023/nepal-finland-water' },
    ]);
    // What the month-only and the undated article observe and date, as precise as they are.
    const dated = await graphql(`{
      occupancies(where: { holder: { some: { name: { in: ["Firuz Nazarzoda", "Gábor Lendvai-Kiss"] } } } }, sort: [{ id: ASC }]) { title observedOn }
      events(where: { name: { in: ["Ceremony of the signing of intergovernmental documents in Dushanbe", "Signing at the State Palace"] } }, sort: [{ name: ASC }]) { name date }
    }`);
    expect(dated).toEqual({
      occupancies: [
        { title: 'Hungarian Foreign Minister', observedOn: null },
        { title: 'Minister of Economic Development and Trade', observedOn: '2024-03' },
      ],
      events: [
        { name: 'Ceremony of the signing of intergovernmental documents in Dushanbe', date: '2024-03' },
        { name: 'Signing at the State Palace', date: null },
      ],
    });
  });

  it('keeps sides and offices with no stated country without one', async () => {
    const data = await graphql(`{
      exchangeSides(where: { NOT: { country: { some: { id: { startsWith: "country:" } } } } }, sort: [{ id: ASC }]) {
        role person { name } country { name } exchange { name }
      }
      people(where: { name: { eq: "Jasur Rakhmatov" } }) { positions { title country { name } } }
    }`);
    const side = (role: string, person: string | null, exchange: string) => ({
      role,
      person: person ? [{ name: person }] : [],
      country: [],
      exchange: [{ name: exchange }],
    });
    // In the order of their ids: the act's date, then its name.
    expect(data.exchangeSides).toEqual([
      side('Minister of Infrastructure', 'Aminata Diop Sarr', 'Works contract signed in the presence of Aminata Diop Sarr'),
      side('chief negotiator', 'Maria Semedo Fortes', 'Extradition treaty initialled by Rui Tavares Lobo and Maria Semedo Fortes'),
      side('chief negotiator', 'Rui Tavares Lobo', 'Extradition treaty initialled by Rui Tavares Lobo and Maria Semedo Fortes'),
      side('Deputy Minister', 'Jasur Rakhmatov', 'Investment roadmap signed by Jasur Rakhmatov and Bambang Suryo Adinegoro'),
      side('Regional Governor', 'Claudia Pérez Mardones', 'Cooperation agreement signed by Claudia Pérez Mardones and Ingrid Solvang Berg'),
      side('county mayor', 'Ingrid Solvang Berg', 'Cooperation agreement signed by Claudia Pérez Mardones and Ingrid Solvang Berg'),
      side('Mayor of Puerto Montt', 'Tomás Aguilera Ríos', 'Signing of the twinning Letter of Intent presided over by Tomás Aguilera Ríos'),
      side('the respective ministers', null, 'Arrangement on Skills Mobility signed by the respective ministers'),
    ]);
    expect(data.people).toEqual([{ positions: [{ title: 'Deputy Minister', country: [] }] }]);
  });

  it('tells strict exchanges from any signing by the sides and from presence, presiding and witnessing', async () => {
    const gold = goldActs();
    const acts = (verbs: string[]) => gold.filter((act) => verbs.includes(act.verb)).sort(byName);
    const data = await graphql(`{
      strict: documentExchanges(where: { verb: { eq: EXCHANGED } }, sort: [{ name: ASC }], limit: 200) { name verb verbWords }
      signing: documentExchanges(where: { verb: { in: [EXCHANGED, SIGNED, FORMALISED, INITIALLED] } }, sort: [{ name: ASC }], limit: 200) { name verb verbWords }
      watching: documentExchanges(where: { verb: { in: [SIGNED_IN_PRESENCE_OF, PRESIDED_OVER_SIGNING, WITNESSED] } }, sort: [{ name: ASC }], limit: 200) { name verb verbWords }
    }`);
    expect(data.strict).toEqual(acts(['EXCHANGED']));
    expect(data.signing).toEqual(acts([...SIDES_SIGN]));
    expect(data.watching).toEqual(acts(['SIGNED_IN_PRESENCE_OF', 'PRESIDED_OVER_SIGNING', 'WITNESSED']));
    expect(data.strict).toHaveLength(11);
    expect(data.signing).toHaveLength(41);
    expect(data.watching).toEqual([
      { name: 'Arrangement on Skills Mobility signed in the presence of Dawit Tesfaye Gebremariam', verb: 'SIGNED_IN_PRESENCE_OF', verbWords: 'in the presence of' },
      { name: 'Exchange of three documents witnessed by the two Prime Ministers', verb: 'WITNESSED', verbWords: 'witnessed the exchange of' },
      { name: 'Signing of five documents witnessed by Bounthavy Sisoulath and Lê Văn Thịnh', verb: 'WITNESSED', verbWords: 'witnessed the signing' },
      { name: 'Signing of the power purchase contract presided over by Halima Mkwawa', verb: 'PRESIDED_OVER_SIGNING', verbWords: 'presided over the signing of' },
      { name: 'Signing of the power purchase contract witnessed by Peter Okello Ssemanda', verb: 'WITNESSED', verbWords: 'witnessed the signing' },
      { name: 'Signing of the twinning Letter of Intent presided over by Tomás Aguilera Ríos', verb: 'PRESIDED_OVER_SIGNING', verbWords: 'presided over the signing of' },
      { name: 'Three documents exchanged in the presence of the two presidents', verb: 'SIGNED_IN_PRESENCE_OF', verbWords: 'In the presence of' },
      { name: 'Works contract signed in the presence of Aminata Diop Sarr', verb: 'SIGNED_IN_PRESENCE_OF', verbWords: 'signed in the presence of' },
    ]);
    // The presidents were present when the ministers exchanged three documents; they signed only the declaration.
    const presidents = await graphql(`{
      documentExchanges(where: { sides: { some: { person: { some: { name: { eq: "Trần Minh Khoa" } } } } } }, sort: [{ name: ASC }]) {
        verb verbWords documents(sort: [{ title: ASC }]) { title }
      }
    }`);
    expect(presidents.documentExchanges).toEqual([
      { verb: 'SIGNED', verbWords: 'signed', documents: [{ title: 'Joint Declaration on the Establishment of a Comprehensive Partnership' }] },
      {
        verb: 'SIGNED_IN_PRESENCE_OF',
        verbWords: 'In the presence of',
        documents: [
          { title: 'Agreement on sanitary and phytosanitary cooperation' },
          { title: 'Memorandum of understanding on critical minerals' },
          { title: 'Memorandum of understanding on trade promotion' },
        ],
      },
    ]);
  });

  it('serves the new kinds of document with the kind as reported', async () => {
    const data = await graphql(`{
      agreements(where: { kind: { in: [DECISION, JOINT_STATEMENT, CONTRACT, OTHER] } }, sort: [{ title: ASC }]) { title kind kindAsReported signedOn }
    }`);
    const decision = (year: string) => ({
      title: `Decision of the Caspian Crossing Coordination Council on the harmonisation of through tariffs for the carriage of containers by rail and ferry along the Caspian Crossing route for ${year}`,
      kind: 'DECISION',
      kindAsReported: null,
      signedOn: null,
    });
    expect(data.agreements).toEqual([
      { title: 'Arrangement on Skills Mobility', kind: 'OTHER', kindAsReported: 'Arrangement', signedOn: '2025-05-26' },
      { title: 'Charter on the Management of the Djibouti-Addis Ababa Corridor', kind: 'OTHER', kindAsReported: 'Charter', signedOn: '2025-05-29' },
      decision('2025'),
      decision('2026'),
      { title: 'Joint Statement', kind: 'JOINT_STATEMENT', kindAsReported: null, signedOn: null },
      { title: 'Joint communiqué on the development of the route', kind: 'JOINT_STATEMENT', kindAsReported: 'joint communiqué', signedOn: '2024-10-03' },
      { title: 'Letter of Intent on twinning between Puerto Montt and Bodø', kind: 'OTHER', kindAsReported: 'Letter of Intent', signedOn: '2025-01-17' },
      { title: 'Notes on the opening of the Embassy of the Sultanate of Oman in Dushanbe', kind: 'OTHER', kindAsReported: 'notes', signedOn: null },
      { title: 'Power purchase contract', kind: 'CONTRACT', kindAsReported: null, signedOn: '2025-05-28' },
      { title: 'Works contract for the first section of the road', kind: 'CONTRACT', kindAsReported: null, signedOn: '2024-03-14' },
    ]);
  });

  it('serves regions and cities as parties and signatories, with only what the text states of where they are', async () => {
    const parties = await graphql(`{
      agreements(where: { title: { in: ["Cooperation agreement on aquaculture, fisheries research and maritime training",
                                        "Letter of Intent on twinning between Puerto Montt and Bodø"] } }, sort: [{ title: ASC }]) {
        title parties { __typename name } signatories { __typename name }
      }
    }`);
    const data = await graphql(`{
      places(where: { id: { in: ["place:cl:los-lagos-region", "place:cl:los-lagos-region:puerto-montt",
                                 "place:cl:los-lagos-region:puerto-montt:regional-government-building", "place:no:nordland-county:bodo",
                                 "place:dev-207-mongolia-hungary-truncated:state-palace"] } }, sort: [{ id: ASC }]) {
        name kind country { name } within { name } agreements { title } signed { title } events { name }
      }
    }`);
    const place = (name: string) => ({ __typename: 'Place', name });
    const byActorName = (actors: Array<{ name: string }>) => [...actors].sort(byName);
    expect(parties.agreements.map((agreement: any) => ({ ...agreement, parties: byActorName(agreement.parties), signatories: byActorName(agreement.signatories) }))).toEqual([
      {
        title: 'Cooperation agreement on aquaculture, fisheries research and maritime training',
        parties: [place('Los Lagos Region'), place('Nordland County')],
        signatories: [place('Los Lagos Region'), place('Nordland County')],
      },
      { title: 'Letter of Intent on twinning between Puerto Montt and Bodø', parties: [place('Bodø'), place('Puerto Montt')], signatories: [] },
    ]);
    const cooperation = [{ title: 'Cooperation agreement on aquaculture, fisheries research and maritime training' }];
    const letter = [{ title: 'Letter of Intent on twinning between Puerto Montt and Bodø' }];
    expect(data.places).toEqual([
      { name: 'Los Lagos Region', kind: 'REGION', country: [{ name: 'Chile' }], within: [], agreements: cooperation, signed: cooperation, events: [] },
      { name: 'Puerto Montt', kind: 'CITY', country: [], within: [{ name: 'Los Lagos Region' }], agreements: letter, signed: [], events: [] },
      {
        name: 'Regional Government building',
        kind: 'VENUE',
        country: [],
        within: [{ name: 'Puerto Montt' }],
        agreements: [],
        signed: [],
        events: [{ name: 'Signing ceremony at the Regional Government building in Puerto Montt' }],
      },
      { name: 'State Palace', kind: 'VENUE', country: [], within: [], agreements: [], signed: [], events: [{ name: 'Signing at the State Palace' }] },
      { name: 'Bodø', kind: 'CITY', country: [], within: [{ name: 'Nordland County' }], agreements: letter, signed: [], events: [] },
    ]);
  });

  it('serves each kind of reading on the fact and on each of its citations', async () => {
    // One question per request: each is planned cold, and a busy machine must plan each within the API's time limit.
    const ask = async (fields: string) => Object.values(await graphql(`{ ${fields} }`))[0];
    const data = {
      respectively: await ask(`exchangeSides(where: { reading: { eq: RESPECTIVELY } }, sort: [{ role: ASC }]) {
        role person { name } country { name } reading readingNote
        evidenceConnection { edges { properties { reading readingNote } node { quote } } }
      }`),
      coreference: await ask(`claims(where: { reading: { eq: COREFERENCE } }, sort: [{ id: ASC }]) { speaker { name } reading readingNote }`),
      tableLayout: await ask(`agreements(where: { reading: { eq: TABLE_LAYOUT } }) { title signatories { name } }`),
      truncated: await ask(`agreements(where: { reading: { eq: TRUNCATED_TEXT } }) {
        title titleAsReported kind readingNote evidenceConnection { edges { properties { reading } node { quote } } }
      }`),
      collective: await ask(`agreements(where: { reading: { eq: COLLECTIVE_SPLIT } }, sort: [{ title: ASC }]) { title signedOn }`),
      collectiveSides: await ask(`exchangeSides(where: { reading: { eq: COLLECTIVE_SPLIT } }, sort: [{ id: ASC }]) { role person { name } country { name } }`),
      other: await ask(`events(where: { reading: { eq: OTHER } }, sort: [{ name: ASC }]) { name date readingNote }`),
      otherSides: await ask(`exchangeSides(where: { reading: { eq: OTHER } }) { role person { name } country { name } readingNote }`),
    } as Record<string, any>;
    const pair = 'the Minister for Investment, Industry and Trade of Uzbekistan and the Minister of Investment of Indonesia, Farrukh Ismoilov and Dewi Lestari Hartono, respectively';
    expect(data.respectively).toEqual([
      {
        role: 'Minister for Investment, Industry and Trade',
        person: [{ name: 'Farrukh Ismoilov' }],
        country: [{ name: 'Uzbekistan' }],
        reading: 'RESPECTIVELY',
        readingNote: 'the first name goes with the first title, of Uzbekistan',
        evidenceConnection: {
          edges: [{ properties: { reading: 'RESPECTIVELY', readingNote: 'the first name goes with the first title, of Uzbekistan' }, node: { quote: pair } }],
        },
      },
      {
        role: 'Minister of Investment',
        person: [{ name: 'Dewi Lestari Hartono' }],
        country: [{ name: 'Indonesia' }],
        reading: 'RESPECTIVELY',
        readingNote: 'the second name goes with the second title, of Indonesia',
        evidenceConnection: {
          edges: [{ properties: { reading: 'RESPECTIVELY', readingNote: 'the second name goes with the second title, of Indonesia' }, node: { quote: pair } }],
        },
      },
    ]);
    expect(data.coreference.map((claim: any) => [claim.speaker[0].name, claim.reading])).toEqual([
      ['Dewi Lestari Hartono', 'COREFERENCE'],
      ['Farrukh Ismoilov', 'COREFERENCE'],
      ['Youssef El Amrani', 'COREFERENCE'],
      ['Nino Beridze', 'COREFERENCE'],
      ['Lê Văn Thịnh', 'COREFERENCE'],
    ]);
    expect(data.coreference[2].readingNote).toBe('"The Moroccan minister ... after the meeting" is Youssef El Amrani, the Moroccan at the water meeting');
    // One generic title, three documents: told apart by who signed them (the order of equal titles is not fixed).
    const rows = data.tableLayout.map((agreement: any) => `${agreement.title}: ${agreement.signatories.map((actor: any) => actor.name).sort().join(', ')}`);
    expect(rows.sort()).toEqual([
      'Cooperation Agreement: Hanoi, Vientiane Capital',
      'Cooperation Agreement: Lao National Chamber of Commerce and Industry, Vietnam Chamber of Commerce and Industry',
      'Cooperation Agreement: Quảng Trị Province, Savannakhet Province',
      'Memorandum of Understanding on Tourism Promotion along Road No. 9: Quảng Trị Province, Savannakhet Province',
      'Plan of Action for Border Trade 2024-2025: Quảng Trị Province, Savannakhet Province',
    ]);
    expect(data.truncated).toEqual([
      {
        title: 'Memorandum of understanding',
        titleAsReported: false,
        kind: 'MEMORANDUM_OF_UNDERSTANDING',
        readingNote: 'the text ends at "a memorandum of understanding on coop... Read more": the subject of the memorandum is cut off',
        evidenceConnection: {
          edges: [{ properties: { reading: 'TRUNCATED_TEXT' }, node: { quote: 'The two ministers also signed a memorandum of understanding on coop... Read more' } }],
        },
      },
    ]);
    expect(data.collective).toEqual([
      { title: 'Agreement on quinoa research', signedOn: '2023-08-22' },
      { title: 'Agreement on seed certification', signedOn: '2023-08-22' },
      { title: 'Agreement on the control of the potato moth', signedOn: '2023-08-22' },
      // The seed's five accords of one phrase.
      { title: 'Bilateral accord for cooperation between trade bodies', signedOn: '2025-04-11' },
      { title: 'Bilateral accord for cooperation on business support', signedOn: '2025-04-11' },
      { title: 'Bilateral accord for cooperation on environmental protection', signedOn: '2025-04-11' },
      { title: 'Bilateral accord for cooperation on postal services', signedOn: '2025-04-11' },
      { title: 'Bilateral accord for cooperation on trade development', signedOn: '2025-04-11' },
    ]);
    expect(data.collectiveSides).toEqual([
      { role: 'agriculture minister', person: [], country: [{ name: 'Bolivia' }] },
      { role: 'agriculture minister', person: [], country: [{ name: 'Peru' }] },
      { role: 'chief executive', person: [], country: [{ name: 'Tanzania' }] },
      { role: 'chief executive', person: [], country: [{ name: 'Uganda' }] },
    ]);
    expect(data.other.map((event: any) => [event.name, event.date])).toEqual([
      ['Binational meeting of Peru and Bolivia in Copacabana', '2023-08-21/2023-08-22'],
      ['Round of talks on the extradition treaty in Praia', '2024-07-04/2024-07-05'],
      ['State visit of Rodrigo Valenzuela Ortúzar to Vietnam', '2024-09-25/2024-09-27'],
      ['Visit of Nino Beridze to Estonia', '2024-12-04/2024-12-05'],
    ]);
    expect(data.otherSides).toEqual([
      {
        role: 'minister',
        person: [{ name: 'Youssef El Amrani' }],
        country: [{ name: 'Morocco' }],
        readingNote: 'Morocco by contrast: "his counterpart" of the Jordanian minister during a Moroccan ministerial visit',
      },
    ]);
  });

  it('marks a participation as a reading, and a fact stated plainly by any source as no reading', async () => {
    const data = await graphql(`{
      events(where: { name: { eq: "Third meeting of the Uzbek-Indonesian Business Council" } }) {
        participantsConnection { edges { properties { role reading readingNote } node { name } } }
      }
      places(where: { name: { eq: "Hanoi" } }) {
        id country { name } reading evidenceConnection { edges { properties { reading } node { source { name } } } }
      }
    }`);
    expect(data.events).toEqual([
      {
        participantsConnection: {
          edges: [
            {
              properties: {
                role: 'PRESIDING',
                reading: 'COREFERENCE',
                readingNote: 'chaired "by the Minister for Investment, Industry and Trade": the holder of that title named later, Farrukh Ismoilov',
              },
              node: { name: 'Farrukh Ismoilov' },
            },
          ],
        },
      },
    ]);
    // Vietnam's Hanoi: stated plainly by the state-visit report, read from a table's column by the Lao one.
    const [hanoi] = data.places;
    expect(hanoi.id).toBe('place:vn:hanoi');
    expect(hanoi.country).toEqual([{ name: 'Vietnam' }]);
    expect(hanoi.reading).toBeNull();
    const readingsBySource = hanoi.evidenceConnection.edges.map((edge: any) => [edge.node.source[0].name, edge.properties.reading]);
    expect(new Set(readingsBySource.map(JSON.stringify))).toEqual(
      new Set(
        [
          ['Chile and Vietnam upgrade ties to comprehensive partnership during state visit', null],
          ['Documents signed at the Laos-Vietnam local cooperation conference', 'TABLE_LAYOUT'],
        ].map((row) => JSON.stringify(row)),
      ),
    );
  });

  it('serves unnamed officials as sides (a role, no person) and as event participants (a label)', async () => {
    const data = await graphql(`{
      documentExchanges(where: { name: { in: ["Visa waiver agreement signed by Abena Owusu-Mensah and the Kenyan Minister of Foreign Affairs",
                                              "Arrangement on Skills Mobility signed by the respective ministers"] } }, sort: [{ name: ASC }]) {
        name sides(sort: [{ id: ASC }]) { role person { name } country { name } occupancy { title holderNamed } }
      }
      events(where: { name: { eq: "Signing ceremony in Nairobi" } }) { participants { name } officials { label country { name } } }
      unnamedOfficials(sort: [{ id: ASC }]) { label country { name } events { name } }
    }`);
    expect(data.documentExchanges).toEqual([
      {
        name: 'Arrangement on Skills Mobility signed by the respective ministers',
        sides: [{ role: 'the respective ministers', person: [], country: [], occupancy: [] }],
      },
      {
        name: 'Visa waiver agreement signed by Abena Owusu-Mensah and the Kenyan Minister of Foreign Affairs',
        sides: [
          {
            role: 'Minister of Foreign Affairs',
            person: [{ name: 'Abena Owusu-Mensah' }],
            country: [{ name: 'Ghana' }],
            occupancy: [{ title: 'Minister of Foreign Affairs', holderNamed: true }],
          },
          {
            role: 'Minister of Foreign Affairs',
            person: [],
            country: [{ name: 'Kenya' }],
            occupancy: [{ title: 'Kenyan Minister of Foreign Affairs', holderNamed: false }],
          },
        ],
      },
    ]);
    expect(data.events).toEqual([
      { participants: [], officials: [{ label: "A senior official of Kenya's State Department for Diaspora Affairs", country: [{ name: 'Kenya' }] }] },
    ]);
    const official = (label: string, country: string | null, event: string) => ({ label, country: country ? [{ name: country }] : [], events: [{ name: event }] });
    expect(data.unnamedOfficials).toEqual([
      official('A deputy minister of rural development of Bolivia', 'Bolivia', 'Signing of the farm agreements in Copacabana'),
      official('the governor of the Puno region', null, 'Signing of the farm agreements in Copacabana'),
      official('The Norwegian ambassador', 'Norway', 'Signing ceremony at the Regional Government building in Puerto Montt'),
      official('the regional ministerial secretary for economy', null, 'Signing ceremony at the Regional Government building in Puerto Montt'),
      official("A senior official of Kenya's State Department for Diaspora Affairs", 'Kenya', 'Signing ceremony in Nairobi'),
      official('a Norwegian regional delegation', 'Norway', 'Visit of a Norwegian regional delegation to the south of Chile'),
    ]);
  });

  it('holds curated facts only, each with evidence, and counts the readings the gold marks', async () => {
    const fields = ['countries', 'bodies', 'people', 'positions', 'occupancies', 'events', 'documentExchanges', 'exchangeSides', 'places', 'agreements', 'claims', 'unnamedOfficials'];
    const extracted = await graphql(`{ ${fields.map((field) => `${field}(where: { provenance: { eq: EXTRACTED } }, limit: 1) { id }`).join('\n')} }`);
    expect(extracted).toEqual(Object.fromEntries(fields.map((field) => [field, []])));
    const curated = await graphql(`{ ${fields.map((field) => `${field}(where: { provenance: { eq: CURATED } }, limit: 1) { provenance }`).join('\n')} }`);
    expect(curated).toEqual(Object.fromEntries(fields.map((field) => [field, [{ provenance: 'CURATED' }]])));

    const report = await dataQualityReport(driver, 'neo4j');
    expect(report.factsWithoutEvidence).toEqual([]);
    expect(report.statements).toEqual({
      readings: [
        // 213: three agreements, two sides, two holdings; 214: two offices, two sides; 209: two claims; the seed's five accords.
        { reading: 'COLLECTIVE_SPLIT', facts: 18 },
        // Sides of "the two ministers" (201, 207, 214) and "the three heads of government" (211), five claims, one holding.
        { reading: 'COREFERENCE', facts: 15 },
        // Four counted periods, one office and one side by contrast.
        { reading: 'OTHER', facts: 6 },
        { reading: 'RESPECTIVELY', facts: 4 },
        // 203 and 217, less Kazakhstan's Prime Minister (stated plainly in 211) and Hanoi (stated plainly in 204).
        { reading: 'TABLE_LAYOUT', facts: 38 },
        { reading: 'TRUNCATED_TEXT', facts: 1 },
      ],
      extracted: 0,
    });
    expect(report.merges).toEqual([]);
  });
});
