/**
 * The managed Stanford CoreNLP, for real: installed once from Maven Central, started on a free loopback port, asked
 * about invented texts through the typed client (named entities, dependencies, coreference, code-point offsets),
 * used by another process through CORENLP_URL, and reported clearly when it dies. One server for the whole suite:
 * loading its models is the slow part (see docs/benchmarks.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation } from '../src/corenlp/annotation';
import { COREF_ANNOTATORS, createCoreNLPClient, type CoreNLPClient } from '../src/corenlp/client';
import { corenlpPackage, ManagedCoreNLP } from '../src/corenlp/managed-corenlp';
import { loadConfig } from '../src/config';
import { ensureInstalled, isInstalled } from '../src/java/maven-install';
import { runEntry } from './support/entry-points';
import { isAlive } from '../src/java/processes';
import { corenlpServers, eventually, runToken } from './support/processes';

// Generous: on a 2-core machine shared with other work, loading the models can take minutes.
const SLOW_MS = 900_000;
const REQUEST_TIMEOUT_MS = 600_000;

const MEETING = 'Deputy Prime Minister Lorna Vasquez met Trade Minister Ibrahim Okafor in Tessaly on Friday.';
// Curly quotes, an emoji (2 UTF-16 units, 1 code point) and a flag (2 code points, 4 units) before the names.
const QUOTED = '“Our ties are strong 🤝,” said Foreign Minister Anna Kovalenko on Tuesday. She greeted the delegation 🇺🇳 warmly.';
const REPORT =
  'TESSALY, April 10 (Invented Wire) - Trade Minister Ibrahim Okafor received Deputy Prime Minister Lorna Vasquez on Friday. ' +
  'The two ministers signed a memorandum of understanding on renewable energy. "This is a good day for both nations," Vasquez said. ' +
  'Okafor thanked her for the visit.';

const codePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');
const named = (annotation: Annotation, classes: string[]) =>
  annotation.mentions.filter((m) => classes.includes(m.ner)).map((m) => [m.ner, m.text]);

describe('the managed CoreNLP server', () => {
  const config = loadConfig({ JAVA_HOME: process.env.JAVA_HOME ?? '' });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-corenlp-test-'));
  const logs: string[] = [];
  let server: ManagedCoreNLP;
  let client: CoreNLPClient;

  beforeAll(async () => {
    server = await ManagedCoreNLP.start({
      server: config.corenlp.managed,
      preload: COREF_ANNOTATORS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      maxChars: 2_000,
      log: (line) => logs.push(line),
    });
    client = server.client();
  }, SLOW_MS);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('is installed once, from the pinned descriptor, with the models and the loopback provider', async () => {
    expect(isInstalled(corenlpPackage(), config.corenlp.managed.distDir)).toBe(true);
    const lib = fs.readdirSync(path.join(config.corenlp.managed.distDir, 'lib'));
    expect(lib).toEqual(expect.arrayContaining(['stanford-corenlp-4.5.10.jar', 'stanford-corenlp-4.5.10-models.jar', 'diplomatic-graph-loopback.jar']));
    const again: string[] = [];
    await ensureInstalled(corenlpPackage(), config.corenlp.managed.distDir, (line) => again.push(line));
    expect(again).toEqual([]);
  });

  it('started on a free port, and says so', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(logs).toContain(`Starting CoreNLP on http://127.0.0.1:${server.port} (memory 3g, loading tokenize, ssplit, pos, lemma, ner, depparse, coref)...`);
    expect(logs.some((line) => line.startsWith(`CoreNLP is up on http://127.0.0.1:${server.port} in `))).toBe(true);
    expect(corenlpServers()).toContain(server.pid);
  });

  it('listens on 127.0.0.1 only', () => {
    // /proc/net/tcp lists "local_address rem_address st": 0100007F is 127.0.0.1, state 0A is LISTEN.
    const port = server.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[1]?.endsWith(`:${port}`) && fields[3] === '0A')
        .map((fields) => fields[1]),
    );
    expect(listening).toEqual([`0100007F:${port}`]);
  });

  it('reports its CoreNLP version', async () => {
    await expect(client.version()).resolves.toBe('4.5.10');
  });

  it('finds the people and their titles in an invented sentence, and resolves a relative date', async () => {
    const annotation = await client.annotate(MEETING, { date: '2025-04-11' });
    expect(named(annotation, ['PERSON', 'TITLE'])).toEqual([
      ['TITLE', 'Deputy Prime Minister'],
      ['PERSON', 'Lorna Vasquez'],
      ['TITLE', 'Trade Minister'],
      ['PERSON', 'Ibrahim Okafor'],
    ]);
    expect(annotation.mentions.find((m) => m.text === 'Friday')).toMatchObject({ ner: 'DATE', normalized: '2025-04-11' });
    expect(annotation.annotators).toEqual(['tokenize', 'ssplit', 'pos', 'lemma', 'ner', 'depparse']);
  });

  it('parses who met whom', async () => {
    const { tokens, sentences } = await client.annotate(MEETING);
    const relation = (name: string) =>
      sentences[0].dependencies.filter((d) => d.relation === name).map((d) => [d.governor === null ? null : tokens[d.governor].word, tokens[d.dependent].word]);
    expect(relation('ROOT')).toEqual([[null, 'met']]);
    expect(relation('nsubj')).toEqual([['met', 'Vasquez']]);
    expect(relation('obj')).toEqual([['met', 'Okafor']]);
    expect(tokens.find((t) => t.word === 'met')).toMatchObject({ lemma: 'meet', pos: 'VBD', ner: 'O' });
  });

  it('gives offsets in code points, past curly quotes, an emoji and a flag', async () => {
    const annotation = await client.annotate(QUOTED);
    const person = annotation.mentions.find((m) => m.ner === 'PERSON');
    const expectedStart = [...QUOTED.slice(0, QUOTED.indexOf('Anna'))].length;
    expect(expectedStart).toBe(QUOTED.indexOf('Anna') - 1); // the emoji counts once here, twice for Java
    expect(person).toMatchObject({ text: 'Anna Kovalenko', start: expectedStart, end: expectedStart + 'Anna Kovalenko'.length });
    expect(annotation.tokens.find((t) => t.originalText === '🤝')).toMatchObject({ start: 21, end: 22 });
    expect(annotation.tokens.at(-2)).toMatchObject({ originalText: 'warmly', start: [...QUOTED].length - 7 });
    for (const t of annotation.tokens) expect(codePoints(QUOTED, t.start, t.end)).toBe(t.originalText);
    for (const m of annotation.mentions) expect(codePoints(QUOTED, m.start, m.end)).toBe(m.text);
    for (const s of annotation.sentences) expect(s.end).toBeGreaterThan(s.start);
    expect(annotation.sentences.map((s) => codePoints(QUOTED, s.start, s.end))).toEqual([
      '“Our ties are strong 🤝,” said Foreign Minister Anna Kovalenko on Tuesday.',
      'She greeted the delegation 🇺🇳 warmly.',
    ]);
  });

  it('links later mentions of a person to the first with coreference, quoting the text itself', async () => {
    const annotation = await client.annotate(REPORT, { annotators: COREF_ANNOTATORS });
    const chains = annotation.corefChains.map((chain) => chain.mentions.map((m) => m.text));
    // CoreNLP's reading as it is, faults included: the dateline joins the first mention, "This" is taken for the
    // ministers, and "her" is left out. The extraction rules must expect such chains.
    expect(chains).toEqual([
      ['TESSALY, April 10 (Invented Wire) - Trade Minister Ibrahim Okafor', 'Okafor'],
      ['Deputy Prime Minister Lorna Vasquez', 'Vasquez'],
      ['The two ministers', 'This'],
    ]);
    for (const chain of annotation.corefChains) {
      for (const m of chain.mentions) expect(codePoints(REPORT, m.start, m.end)).toBe(m.text);
    }
  });

  it('bounds a request in size and in time, with clear errors', async () => {
    await expect(client.annotate('a'.repeat(2_001))).rejects.toMatchObject({ kind: 'too-long' });
    const hasty = createCoreNLPClient({ url: server.url, requestTimeoutMs: 1, maxChars: 100_000 });
    const long = REPORT.repeat(10); // under the server's own bound here (4,000 UTF-16 units: twice maxChars)
    await expect(hasty.annotate(long, { annotators: COREF_ANNOTATORS })).rejects.toMatchObject({
      kind: 'timeout',
      message: `CoreNLP did not finish annotating a text of ${[...long].length} characters within 0.001 s (CORENLP_TIMEOUT): split the text, or raise the limit.`,
    });
    await expect(client.annotate('text', { annotators: ['tokenize', 'no-such-annotator'] })).rejects.toMatchObject({
      kind: 'server',
      message: `CoreNLP at ${server.url} answered HTTP 500: Could not handle incoming annotation (annotators asked for: tokenize,no-such-annotator)`,
    });
  }, SLOW_MS);

  it('serves another process through CORENLP_URL, which installs and starts nothing', async () => {
    const file = path.join(scratch, 'meeting.txt');
    fs.writeFileSync(file, MEETING);
    const neverInstalled = path.join(scratch, 'never-installed');
    const run = runToken();
    const result = await runEntry('src/cli/corenlp.ts', ['annotate', file], {
      ...run.env,
      CORENLP_URL: server.url,
      CORENLP_DIST_DIR: neverInstalled,
      CORENLP_TIMEOUT: `${REQUEST_TIMEOUT_MS / 1000}s`,
    });
    expect(result.stderr).toBe(`Using CoreNLP 4.5.10 at ${server.url}.\n`);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Annotation & { corenlp: string };
    expect(printed.corenlp).toBe('4.5.10');
    expect(named(printed, ['PERSON'])).toEqual([
      ['PERSON', 'Lorna Vasquez'],
      ['PERSON', 'Ibrahim Okafor'],
    ]);
    expect(fs.existsSync(neverInstalled)).toBe(false);
    expect(run.servers()).toEqual([]);
  }, SLOW_MS);

  it('says so, with its last lines, when the server dies', async () => {
    process.kill(server.pid, 'SIGKILL');
    await expect(client.annotate(MEETING)).rejects.toMatchObject({
      kind: 'stopped',
      message: expect.stringMatching(
        new RegExp(`^CoreNLP \\(pid ${server.pid}, http://127\\.0\\.0\\.1:${server.port}\\) stopped unexpectedly \\(signal SIGKILL\\)\\. Its last lines:\\n  `),
      ),
    });
    await server.stop();
    expect(await eventually(() => !isAlive(server.pid) && !corenlpServers().includes(server.pid), 10_000)).toBe(true);
  });
});
