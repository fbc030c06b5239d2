/**
 * Hole 11 of issue 13: two articles that contradict each other (test/fixtures/conflicts: the same talks on two
 * dates, one memorandum with two different signers for Uruguay) loaded silently as two events. Now the ingest
 * summary and the report flag them, naming both sources, and both articles' facts stay as stated.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { formatSummary } from '../src/cli/ingest';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { dataQualityReport, formatReport } from '../src/report/data-quality';
import { schemaOnlyGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'conflicts');
const A = path.join(FIXTURES, 'a-reykjavik-talks.yaml');
const B = path.join(FIXTURES, 'b-reykjavik-talks.yaml');
const C = path.join(FIXTURES, 'c-reykjavik-autumn-talks.yaml');

/** What each conflict is about and what differs, by source (ids of agreements end in a hash: left out). */
const outline = (conflicts: Array<{ kind: string; facts: Array<{ name: string }>; differences: Array<{ field: string; statements: unknown[] }> }>) =>
  conflicts.map((conflict) => ({
    kind: conflict.kind,
    facts: conflict.facts.map((fact) => fact.name),
    differences: conflict.differences.map((difference) => ({ field: difference.field, statements: difference.statements })),
  }));

const EXPECTED = [
  {
    kind: 'EVENT',
    facts: ['Talks between Iceland and Uruguay in Reykjavik', 'Iceland-Uruguay talks'],
    differences: [
      {
        field: 'date',
        statements: [
          { value: '2025-03-12', sources: ['conflict-test-wire-a'] },
          { value: '2025-03-13', sources: ['conflict-test-wire-b'] },
        ],
      },
    ],
  },
  {
    kind: 'AGREEMENT',
    facts: ['Memorandum of Understanding on Geothermal Cooperation'],
    differences: [
      {
        field: 'signers (signed, for uy)',
        statements: [
          { value: 'tomas-arbelo', sources: ['conflict-test-wire-a'] },
          { value: 'lucia-ferrer', sources: ['conflict-test-wire-b'] },
        ],
      },
    ],
  },
];

describe('articles that contradict each other', () => {
  const config = testConfig();
  let driver: Driver;
  const rows = async (query: string) => (await driver.executeQuery(query)).records.map((record) => record.toObject());

  beforeAll(() => {
    driver = createDriver(config.neo4j);
  });
  afterAll(() => driver.close());

  it('are flagged when the second comes in a later run, against what the graph holds; both stay as stated', async () => {
    await schemaOnlyGraph(driver);
    const first = await ingestFiles(driver, 'neo4j', [A, C]);
    expect(first.failures).toEqual([]);
    expect(first.conflicts).toEqual([]);

    const second = await ingestFiles(driver, 'neo4j', [B]);
    expect(second.failures).toEqual([]);
    expect(second.articles).toEqual({ new: 1, corrected: 0, unchanged: 0, failed: 0 });
    expect(outline(second.conflicts)).toEqual(EXPECTED);
    const text = formatSummary(second);
    expect(text).toContain('CONFLICTS: 2 likely contradiction(s) between articles');
    expect(text).toContain('date: 2025-03-12 (conflict-test-wire-a) vs 2025-03-13 (conflict-test-wire-b)');
    expect(text).toContain('its sources disagree; signers (signed, for uy): tomas-arbelo (conflict-test-wire-a) vs lucia-ferrer (conflict-test-wire-b)');

    // Faithful to both: nothing merged, nothing dropped.
    expect(await rows("MATCH (e:Event {kind: 'TALKS'}) RETURN e.date AS date ORDER BY date")).toEqual([
      { date: '2025-03-12' },
      { date: '2025-03-13' },
      { date: '2025-09-19' },
    ]);
    expect(
      await rows(
        `MATCH (:Agreement {title: 'Memorandum of Understanding on Geothermal Cooperation'})<-[:EXCHANGED]-(:DocumentExchange)
               -[:HAS_SIDE]->(:ExchangeSide)-[:PERSON]->(p:Person) RETURN DISTINCT p.name AS name ORDER BY name`,
      ),
    ).toEqual([{ name: 'Elin Sturludottir' }, { name: 'Lucia Ferrer' }, { name: 'Tomas Arbelo' }]);

    const report = await dataQualityReport(driver, 'neo4j');
    expect(outline(report.conflicts)).toEqual(EXPECTED);
    expect(formatReport(report)).toContain('Sources that likely contradict each other (both kept as stated; check the sources) (2)');

    // Loading the same articles again changes nothing and says nothing new.
    const again = await ingestFiles(driver, 'neo4j', [A, B, C]);
    expect(again.articles).toEqual({ new: 0, corrected: 0, unchanged: 3, failed: 0 });
    expect(again.conflicts).toEqual([]);
  });

  it('are flagged across the files of one run, in a dry run too', async () => {
    await schemaOnlyGraph(driver);
    const dryRun = await ingestFiles(driver, 'neo4j', [A, B, C], { dryRun: true });
    expect(outline(dryRun.conflicts)).toEqual(EXPECTED);
    expect(await rows('MATCH (e:Event) RETURN count(e) AS events')).toEqual([{ events: 0 }]);

    const run = await ingestFiles(driver, 'neo4j', [A, B, C]);
    expect(run.failures).toEqual([]);
    expect(outline(run.conflicts)).toEqual(EXPECTED);
  });
});
