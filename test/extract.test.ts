/**
 * `npm run extract` and `npm run ingest -- --extract` end to end, with a real Stanford CoreNLP (one managed server
 * for the suite, through `corenlp:serve`) and the test Neo4j. The live server's draft of the seed equals the draft
 * the unit tests make from the stored annotation (so those fixtures are still what CoreNLP says); drafting writes
 * nothing to the graph; `ingest --extract` loads the draft with its provenance.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { parse } from 'yaml';
import { inventedReport } from '../bench/corenlp-texts';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { loadGold, storedAnnotation } from '../src/extract/dev-set';
import { draftFrom } from '../src/extract/extract';
import { serveCoreNLP, type ServedCoreNLP } from './support/corenlp';
import { runEntry, STACK_LINE } from './support/entry-points';
import { graphSnapshot, schemaOnlyGraph } from './support/graph';
import { loadState, testConfig, TEST_PASSWORD } from './support/test-neo4j';

const SLOW_MS = 900_000;
const SEED_TEXT = path.join(PROJECT_ROOT, 'data', 'articles', '000_1cdabd96cc36ddc2.txt');

describe('extraction from raw text', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-extract-'));
  let corenlp: ServedCoreNLP;
  let env: Record<string, string>;
  let driver: Driver;

  beforeAll(async () => {
    corenlp = await serveCoreNLP(SLOW_MS);
    env = { ...corenlp.env, CORENLP_URL: corenlp.url, NEO4J_URI: `bolt://127.0.0.1:${loadState().boltPort}`, NEO4J_PASSWORD: TEST_PASSWORD };
    driver = createDriver(testConfig().neo4j);
    await schemaOnlyGraph(driver);
  }, SLOW_MS);

  afterAll(async () => {
    await corenlp?.stop();
    await driver?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }, SLOW_MS);

  it('drafts the seed as the stored annotation does, and writes nothing to the graph', async () => {
    const result = await runEntry('src/cli/extract.ts', [SEED_TEXT, '--published', '2025-04-11'], env);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(0);
    const draft = parse(result.stdout) as Record<string, unknown>;
    const gold = loadGold().find((g) => g.set === 'seed')!;
    const stored = draftFrom({ where: SEED_TEXT, text: gold.text, header: {} }, storedAnnotation(gold), { published: '2025-04-11' }, '4.5.10');
    expect(draft).toEqual(stored.draft);
    expect((await graphSnapshot(driver)).nodes).toBe(0);
  }, SLOW_MS);

  it('a folder of texts gives one draft per text, a header gives the date, source and link, --format summary a digest', async () => {
    const folder = path.join(scratch, 'texts');
    fs.mkdirSync(folder);
    const dev = path.join(PROJECT_ROOT, 'test', 'fixtures', 'dev');
    fs.writeFileSync(
      path.join(folder, 'kenya.txt'),
      `---\npublished: 2025-03-04\nsource: Example Wire\nurl: https://example.org/kenya\n---\n${fs.readFileSync(path.join(dev, '201-kenya-ghana-visa-wire.txt'), 'utf8')}`,
    );
    fs.copyFileSync(path.join(dev, '210-portugal-cabo-verde-initialled.txt'), path.join(folder, 'praia.txt'));
    const out = path.join(scratch, 'drafts');
    const result = await runEntry('src/cli/extract.ts', [folder, '--out', out, '--format', 'summary'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('[2/2]');
    expect(fs.readdirSync(out).sort()).toEqual(['kenya.summary.json', 'praia.summary.json']);
    const kenya = JSON.parse(fs.readFileSync(path.join(out, 'kenya.summary.json'), 'utf8'));
    expect(kenya.exchanges).toContainEqual(
      expect.objectContaining({ by: 'Abena Owusu-Mensah', with: ['Minister of Foreign Affairs of Kenya'], verb: 'signed' }),
    );
    const yaml = await runEntry('src/cli/extract.ts', [path.join(folder, 'kenya.txt')], env);
    const draft = parse(yaml.stdout) as { source: Record<string, string> };
    expect(draft.source).toEqual(expect.objectContaining({ id: 'kenya', publisher: 'Example Wire', url: 'https://example.org/kenya', publishedOn: '2025-03-04' }));
  }, SLOW_MS);

  it('drafts of 25 invented reports all pass validation (keys unique across kinds, quotes exact)', async () => {
    const folder = path.join(scratch, 'invented');
    fs.mkdirSync(folder);
    for (let n = 0; n < 25; n++) fs.writeFileSync(path.join(folder, `report-${String(n).padStart(2, '0')}.txt`), `---\npublished: 2025-04-11\n---\n${inventedReport(3, n)}`);
    const result = await runEntry('src/cli/extract.ts', [folder, '--out', path.join(scratch, 'invented-drafts'), '--format', 'json'], env);
    expect(result.stderr).not.toContain('fails validation');
    expect(result.code).toBe(0);
    expect(fs.readdirSync(path.join(scratch, 'invented-drafts'))).toHaveLength(25);
  }, SLOW_MS);

  it('ingest --extract loads the draft, every fact marked as extracted', async () => {
    const result = await runEntry('src/cli/ingest.ts', ['--extract', '--published', '2025-04-11', SEED_TEXT], env);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_LINE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 file(s): 1 new');
    const session = driver.session();
    try {
      const records = await session.run(
        'MATCH (a:Agreement) RETURN a.provenance AS provenance, a.extractor AS extractor, a.confidence AS confidence',
      );
      expect(records.records.length).toBe(9);
      for (const record of records.records) {
        expect(record.get('provenance')).toBe('EXTRACTED');
        expect(record.get('extractor')).toBe('extract/1 with CoreNLP 4.5.10');
        expect(record.get('confidence')).toBeGreaterThan(0);
      }
    } finally {
      await session.close();
    }
  }, SLOW_MS);

  it('bad input is refused with a clear message before CoreNLP is asked', async () => {
    const empty = path.join(scratch, 'empty.txt');
    fs.writeFileSync(empty, '\n');
    for (const args of [[empty], ['--extract', empty]]) {
      const result = await runEntry(args[0] === '--extract' ? 'src/cli/ingest.ts' : 'src/cli/extract.ts', args, env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${empty}: the text is empty.`);
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
    const usage = await runEntry('src/cli/extract.ts', [SEED_TEXT, '--published', 'April'], env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("--published must be a date as precise as known (2025-04-11, 2025-04 or 2025): got 'April'");
  }, SLOW_MS);
});
