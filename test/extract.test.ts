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

interface Summary {
  persons: { name: string; roles: string[]; country?: string }[];
  organizations: { name: string }[];
  agreements: { title: string; parties: string[] }[];
  exchanges: { document: string; by: string; with: string[]; verb: string }[];
}

describe('extraction from raw text', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-extract-'));
  let corenlp: ServedCoreNLP;
  let env: Record<string, string>;
  let driver: Driver;

  /** The `--format summary` digest of an invented text. */
  async function summaryOf(name: string, text: string, ...args: string[]): Promise<Summary> {
    const file = path.join(scratch, `${name}.txt`);
    fs.writeFileSync(file, text);
    const result = await runEntry('src/cli/extract.ts', [file, ...args, '--format', 'summary'], env);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Summary;
  }

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
    expect((await graphSnapshot(driver, { facts: true })).nodes).toBe(0);
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

  it('reads wire copy: lower-case offices with a possessive country, plural offices, "the X ministers of A and B", counterparts, clauses', async () => {
    const summary = await summaryOf(
      'wire',
      [
        'NAIROBI, March 4 (Example Wire) - Kenya\'s foreign minister Amina Odhiambo and Kwame Boateng, Ghana\'s trade minister, signed a memorandum of understanding on visa exemption on Tuesday.',
        'The transport ministers of Kenya and Ghana also signed an agreement on air services.',
        'Finance Minister Grace Wanjiru and her Ghanaian counterpart Kofi Asante signed the agreement on avoidance of double taxation, ' +
          'while a memorandum on railway connectivity was inked by Railways Minister Otieno Kamau and Ghanaian Energy Minister Ama Owusu.',
        'Presidents Daniel Kiprono of Kenya and Yaw Mensah of Ghana witnessed the signing.',
      ].join('\n\n'),
      '--published',
      '2025-03-04',
    );
    const person = (name: string) => summary.persons.find((p) => p.name === name);
    expect(person('Amina Odhiambo')).toEqual(expect.objectContaining({ roles: ['foreign minister'], country: 'Kenya' }));
    expect(person('Kwame Boateng')).toEqual(expect.objectContaining({ roles: ['trade minister'], country: 'Ghana' }));
    expect(person('Daniel Kiprono')).toEqual(expect.objectContaining({ roles: ['President'], country: 'Kenya' }));
    expect(person('Yaw Mensah')).toEqual(expect.objectContaining({ roles: ['President'], country: 'Ghana' }));
    expect(summary.exchanges).toContainEqual(expect.objectContaining({ document: 'Agreement on air services', by: 'transport minister of Kenya', with: ['transport minister of Ghana'] }));
    // "her Ghanaian counterpart": the same office, for Ghana; each clause of "A signed X, while Y was inked by B" its own document.
    expect(person('Kofi Asante')).toEqual(expect.objectContaining({ roles: ['Finance Minister'], country: 'Ghana' }));
    const acts = summary.exchanges.filter((e) => !/witnessed/.test(e.verb));
    expect(acts.filter((e) => e.by === 'Grace Wanjiru')).toEqual([expect.objectContaining({ document: 'Agreement on avoidance of double taxation', with: ['Kofi Asante'] })]);
    expect(acts.filter((e) => e.by === 'Otieno Kamau')).toEqual([expect.objectContaining({ document: 'Memorandum on railway connectivity', with: ['Ama Owusu'] })]);
  }, SLOW_MS);

  it('a dateline in capitals is not a person; an envoy "to the UAE" keeps the office and the country it is from', async () => {
    const summary = await summaryOf(
      'gulf',
      'ABU DHABI, 14 May 2025 (Example News) -- Minister of Energy Suhail Al Qasimi and Colombian Ambassador to the UAE Andres Gomez ' +
        'today signed a memorandum of understanding on cooperation in renewable energy.\n',
    );
    expect(summary.persons.map((p) => p.name)).toEqual(['Suhail Al Qasimi', 'Andres Gomez']);
    expect(summary.persons[1]).toEqual(expect.objectContaining({ roles: ['Ambassador'], country: 'Colombia' }));
    expect(summary.exchanges).toEqual([expect.objectContaining({ by: 'Suhail Al Qasimi', with: ['Andres Gomez'] })]);
  }, SLOW_MS);

  it('a bulleted press release: titles without their bullets, each item\'s own signers, the meeting before the comma not a signer', async () => {
    const summary = await summaryOf(
      'release',
      [
        'Jakarta, 3 September 2024 - Following the bilateral meeting between Foreign Minister Dewi Lestari and Vietnamese Deputy Prime Minister Nguyen Van Long, the two countries signed three cooperation documents, namely:',
        '- Memorandum of Understanding on Maritime Cooperation, signed by Foreign Minister Dewi Lestari and Deputy Prime Minister Nguyen Van Long;',
        '- Agreement on Mutual Recognition of Driving Licences, signed by Minister of Transportation Budi Santoso and Vietnamese Ambassador to Indonesia Tran Thi Mai;',
        '- Letter of Intent on Tourism Promotion.',
      ].join('\n'),
    );
    expect(summary.agreements.map((a) => a.title)).toEqual([
      'Memorandum of Understanding on Maritime Cooperation',
      'Agreement on Mutual Recognition of Driving Licences',
      'Letter of Intent on Tourism Promotion',
    ]);
    expect(summary.exchanges.map((e) => [e.document, e.by, e.with])).toEqual([
      ['Memorandum of Understanding on Maritime Cooperation', 'Dewi Lestari', ['Nguyen Van Long']],
      ['Agreement on Mutual Recognition of Driving Licences', 'Budi Santoso', ['Tran Thi Mai']],
    ]);
  }, SLOW_MS);

  it('"signed between A and B" makes them the signatories; the agency credited in a dateline is not a body', async () => {
    const summary = await summaryOf(
      'agency',
      'MOSCOW, Oct 2 (Example Agency) - An accord on the mutual protection of investments was signed between the Russian Direct Investment Fund ' +
        'and the Egyptian Sovereign Fund on Thursday.\n',
      '--published',
      '2025-10-02',
    );
    expect(summary.organizations.map((o) => o.name)).toEqual(['Russian Direct Investment Fund', 'Egyptian Sovereign Fund']);
    expect(summary.agreements).toEqual([
      expect.objectContaining({ title: 'Accord on the mutual protection of investments', parties: ['Russian Direct Investment Fund', 'Egyptian Sovereign Fund'] }),
    ]);
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
        expect(record.get('extractor')).toBe('extract/2 with CoreNLP 4.5.10');
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
