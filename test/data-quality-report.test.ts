import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/connect';
import { dataQualityReport, formatReport } from '../src/report/data-quality';
import { runEntry } from './support/entry-points';
import { seededGraph } from './support/graph';
import { loadState, testConfig, TEST_PASSWORD } from './support/test-neo4j';

const ROADMAP =
  'Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production';

describe('the data-quality report of the seed', () => {
  const config = testConfig();
  let driver: Driver;
  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
  });
  afterAll(() => driver.close());

  it('lists the unnamed office-holder, the odd pairings, the accords without a named signatory, and no fact without evidence', async () => {
    expect(await dataQualityReport(driver, config.neo4j.database)).toEqual({
      unnamedHolders: [
        {
          position: 'Internal Affairs Minister',
          country: 'Belarus',
          observedOn: '2025-04-11',
          actedIn: ['Exchange of documents between Ishaq Dar and the Belarusian Internal Affairs Minister'],
          namedElsewhere: [],
        },
      ],
      portfolioMismatches: [
        {
          exchange: 'Exchange of documents between Abdul Aleem Khan and Dmitry Pantus',
          person: 'Abdul Aleem Khan',
          role: 'Communications Minister',
          verb: 'EXCHANGED',
          verbWords: null,
          portfolios: ['communications'],
          documents: [ROADMAP],
          topics: ['military-technical cooperation'],
        },
        {
          exchange: 'Exchange of documents between Ishaq Dar and the Belarusian Internal Affairs Minister',
          person: 'Ishaq Dar',
          role: 'Deputy Prime Minister and Foreign Minister',
          verb: 'EXCHANGED',
          verbWords: null,
          portfolios: expect.arrayContaining(['deputy head of government', 'foreign affairs']),
          documents: expect.arrayContaining(['Readmission Agreement', 'Agreement on Cooperation between the interior ministries of two countries']),
          topics: expect.arrayContaining(['readmission', 'interior']),
        },
        {
          exchange: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin',
          person: 'Jam Kamal Khan',
          role: 'Commerce Minister',
          verb: 'EXCHANGED',
          verbWords: null,
          portfolios: ['commerce'],
          documents: ['Agreement on cooperation between the defence ministries of the two countries'],
          topics: ['defence'],
        },
      ],
      agreementsWithoutNamedSignatory: [
        { title: 'Bilateral accord for cooperation between trade bodies', signatories: expect.arrayContaining(['Belarus', 'Pakistan']) },
        { title: 'Bilateral accord for cooperation on business support', signatories: expect.arrayContaining(['Belarus', 'Pakistan']) },
        { title: 'Bilateral accord for cooperation on environmental protection', signatories: expect.arrayContaining(['Belarus', 'Pakistan']) },
        { title: 'Bilateral accord for cooperation on postal services', signatories: expect.arrayContaining(['Belarus', 'Pakistan']) },
        { title: 'Bilateral accord for cooperation on trade development', signatories: expect.arrayContaining(['Belarus', 'Pakistan']) },
      ],
      factsWithoutEvidence: [],
      statements: { readings: [{ reading: 'COLLECTIVE_SPLIT', facts: 5 }], extracted: 0 },
      merges: [],
      conflicts: [],
      // The seed is loaded by the local user (npm start, npm run seed).
      loaders: [{ loadedBy: expect.stringMatching(/^cli:./), sources: 1, lastLoadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }],
    });
  });

  it('words each act on documents with its verb: "exchanged" for the seed, never "handed over"', async () => {
    const text = formatReport(await dataQualityReport(driver, config.neo4j.database));
    expect(text).toContain('Jam Kamal Khan (Commerce Minister; portfolio: commerce) exchanged Agreement on cooperation between the defence ministries');
    expect(text).not.toContain('handed over');
  });

  it('flags a fact that loses its evidence, and `npm run report` then fails', async () => {
    await driver.executeQuery("MATCH (:Person {name: 'Viktor Khrenin'})-[r:EVIDENCED_BY]->() DELETE r");
    try {
      const report = await dataQualityReport(driver, config.neo4j.database);
      expect(report.factsWithoutEvidence).toEqual([{ id: 'person:viktor-khrenin', labels: ['Person'] }]);
      expect(formatReport(report)).toContain('Facts without evidence (expected: none) (1)\n  - person:viktor-khrenin (Person)');

      const cli = await runEntry('src/cli/report.ts', [], { NEO4J_URI: `bolt://127.0.0.1:${loadState().boltPort}`, NEO4J_PASSWORD: TEST_PASSWORD });
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain('Office-holders the sources do not name (1)');
      expect(cli.stdout).toContain('person:viktor-khrenin');
    } finally {
      await seededGraph(driver);
    }
  });
});
