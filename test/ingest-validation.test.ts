/**
 * A bad article is reported with its file, field path and reason, and nothing of it is written; the good articles
 * of the same run load. Also the command line: progress, summary, exit code, --dry-run. (Validation itself, case
 * by case, is tested without a database in test/unit/validate.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { ingestFiles } from '../src/ingest/ingest';
import { runEntry, STACK_LINE } from './support/entry-points';
import { graphSnapshot, schemaOnlyGraph } from './support/graph';
import { loadState, testConfig, TEST_PASSWORD } from './support/test-neo4j';

const GOOD = path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles', '104-ankara-trade-talks.yaml');
const SEED = path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.yaml');

const TEXT = 'ANKARA: Trade Minister Ayse Yilmaz met Commerce Minister Jam Kamal Khan on Wednesday.';
/** A small valid article, as data: each case breaks one thing of it. */
const article = () => ({
  source: { id: 'bad-case', publishedOn: '2025-10-01', text: TEXT },
  spans: { meeting: { quote: 'met Commerce Minister' } },
  countries: [{ key: 'tr', name: 'Türkiye', isoCode: 'TR', evidence: [{ quote: 'ANKARA' }] }],
  people: [
    { key: 'yilmaz', name: 'Ayse Yilmaz', evidence: [{ quote: 'Ayse Yilmaz' }] },
    { key: 'jkk', name: 'Jam Kamal Khan', evidence: [{ start: 57, end: 71 }] },
  ],
  events: [
    {
      key: 'meeting', name: 'Meeting in Ankara', kind: 'MEETING', date: '2025-10-01', country: 'tr',
      participants: [{ person: 'yilmaz', role: 'HOST' }], evidence: ['meeting'],
    },
  ],
});

describe('ingesting bad and good articles together', () => {
  const config = testConfig();
  let driver: Driver;
  let dir: string;
  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'articles-'));
    fs.copyFileSync(GOOD, path.join(dir, 'good.yaml'));
    const bad = article();
    (bad.people[0] as any).evidence = [{ quote: 'not in the text' }];
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'source: [\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not an article: ignored');
  });
  afterAll(() => driver.close());

  it('loads the good article, skips and reports the bad ones, and writes nothing of them', async () => {
    await schemaOnlyGraph(driver);
    const summary = await ingestFiles(driver, 'neo4j', [dir]);
    expect(summary.files).toBe(3);
    expect(summary.articles).toEqual({ new: 1, corrected: 0, unchanged: 0, failed: 2 });
    expect(summary.failures.map((failure) => path.basename(failure.file)).sort()).toEqual(['bad.json', 'broken.yaml']);
    const sources = await driver.executeQuery('MATCH (s:Source) RETURN s.id AS id');
    expect(sources.records.map((record) => record.get('id'))).toEqual(['source:fixture-104-ankara-trade-talks']);
  });

  it('counts every node and relationship it creates: facts, evidence and its own records', async () => {
    await schemaOnlyGraph(driver);
    const summary = await ingestFiles(driver, 'neo4j', [SEED, path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles')]);
    expect(summary.failures).toEqual([]);
    const graph = await graphSnapshot(driver);
    // The data version's marker was there before (applySchema writes it).
    expect(summary.nodes.created).toBe(graph.nodes - graph.labels.DataVersion);
    expect(summary.relationships.created).toBe(graph.relationships);
    expect(summary.nodes.records).toBe((graph.labels.Ingestion ?? 0) + (graph.labels.Merge ?? 0));
    const again = await ingestFiles(driver, 'neo4j', [SEED], { force: true });
    expect(again.nodes.created).toBe(0);
    expect(again.nodes.matched).toBeGreaterThan(100);
  });

  it('rolls back an article whose writing fails, and loads the others of its batch', async () => {
    await schemaOnlyGraph(driver);
    // A constraint the article breaks when written (not when checked): a person (not a fact) has its person's id.
    await driver.executeQuery("CREATE (:Person {id: 'person:ayse-yilmaz', name: 'Someone Else'})");
    const before = await graphSnapshot(driver);
    const summary = await ingestFiles(driver, 'neo4j', [SEED, GOOD]);
    expect(summary.articles).toMatchObject({ new: 1, failed: 1 });
    expect(summary.failures[0].file).toBe(GOOD);
    expect(summary.failures[0].problems[0].reason).toMatch(/^not written: /);
    const after = await driver.executeQuery("MATCH (n) WHERE n.id IN ['person:ayse-yilmaz', 'country:tr', 'source:fixture-104-ankara-trade-talks'] RETURN count(n) AS n");
    expect(Number(after.records[0].get('n'))).toBe(1);
    expect((await graphSnapshot(driver)).nodes).toBeGreaterThan(before.nodes);
  });

  it('on the command line: a summary, every problem with file and path, a non-zero exit, and --dry-run writes nothing', async () => {
    await schemaOnlyGraph(driver);
    const empty = await graphSnapshot(driver);
    const env = { NEO4J_URI: `bolt://127.0.0.1:${loadState().boltPort}`, NEO4J_PASSWORD: TEST_PASSWORD };
    const dry = await runEntry('src/cli/ingest.ts', ['--dry-run', SEED, dir], env);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Dry run (nothing written): 4 file(s): 2 new, 0 corrected, 0 unchanged, 2 failed.');
    expect(dry.stdout).toMatch(/FAILED .*bad\.json:\n  .*bad\.json: people\[0\]\.evidence\[0\]: quote not found in the text: "not in the text"/);
    expect(dry.stdout).toMatch(/broken\.yaml: malformed YAML at line/);
    expect(dry.stderr).toContain('4/4 articles');
    expect(`${dry.stdout}${dry.stderr}`).not.toMatch(STACK_LINE);
    expect(await graphSnapshot(driver)).toEqual(empty);

    const real = await runEntry('src/cli/ingest.ts', [SEED, GOOD], env);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(
      /2 file\(s\): 2 new, 0 corrected, 0 unchanged, 0 failed\.\nNodes: \d+ created \(2 of them ingestion and merge records\), \d+ matched\. Relationships: \d+ created, \d+ matched\.\nMerges: 0/,
    );
    const again = await runEntry('src/cli/ingest.ts', [SEED, GOOD], env);
    expect(again.stdout).toContain('2 file(s): 0 new, 0 corrected, 2 unchanged, 0 failed.');

    const usage = await runEntry('src/cli/ingest.ts', ['--batch-size', 'zero', SEED], env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('--batch-size must be a whole number');
    const missing = await runEntry('src/cli/ingest.ts', ['no/such/folder'], env);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('no/such/folder: no such file or folder');
  });
});
