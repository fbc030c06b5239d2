/**
 * `npm run bench:corenlp -- [--texts 12] [--warm-up 5] [--neural-texts 3] [--no-cold-install]`: what the managed
 * Stanford CoreNLP costs. The cold install (an empty Maven repository: everything from Maven Central), then for each
 * set of annotators a server of its own: start to ready (JVM start and model loading), the first article (lazy
 * initialisation and a cold JIT), then, after other warm-up articles, the time per article over invented 2-4 KB
 * reports (median, p90), and the JVM's peak RSS (VmHWM). Each time is also
 * given as the CPU time the JVM spent (user + system): on a machine shared with other work, wall time stretches
 * with the load, CPU time much less. Writes the table into docs/benchmarks.md and docs/benchmarks.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { COREF_ANNOTATORS, DEFAULT_ANNOTATORS } from '../src/corenlp/client';
import { corenlpPackage, ManagedCoreNLP } from '../src/corenlp/managed-corenlp';
import { ensureInstalled } from '../src/java/maven-install';
import { exitOnSignals } from '../src/shutdown';
import { inventedReport } from './corenlp-texts';
import { median, percentile, table, writeBenchmarkJson, writeBenchmarkSection } from './report';

interface Setup {
  name: string;
  annotators: readonly string[];
  /** Loaded at start; the others load with the first article. */
  preload: readonly string[];
  properties?: Record<string, string>;
  neural?: boolean;
}

const BASE = ['tokenize', 'ssplit', 'pos', 'lemma', 'ner'];
const SETUPS: Setup[] = [
  { name: 'tokenize, ssplit, pos, lemma, ner', annotators: BASE, preload: BASE },
  { name: '+ depparse (the client default)', annotators: DEFAULT_ANNOTATORS, preload: DEFAULT_ANNOTATORS },
  { name: '+ depparse + coref (statistical, the English default)', annotators: COREF_ANNOTATORS, preload: COREF_ANNOTATORS },
  {
    // Neural coreference reads the constituency parse: `parse` replaces `depparse`, and the neural models load
    // with the first article (the preload would load the statistical ones).
    name: '+ parse + coref (neural)',
    annotators: [...BASE, 'parse', 'coref'],
    preload: [...BASE, 'parse'],
    properties: { 'coref.algorithm': 'neural' },
    neural: true,
  },
];

interface Measured {
  setup: string;
  texts: number;
  startToReadyS?: number;
  startToReadyCpuS?: number;
  firstArticleS?: number;
  perArticleMedianS?: number;
  perArticleP90S?: number;
  perArticleCpuMedianS?: number;
  peakRssGB?: number;
  loadAverage: [number, number];
  error?: string;
}

const quiet = () => undefined;
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** Peak resident set size of a process so far (Linux), in GB. */
export function peakRssGB(pid: number): number | undefined {
  try {
    const kB = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kB ? Number(kB) / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time a process has used so far (user + system), in seconds (Linux). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function coldInstall(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-bench-corenlp-'));
  try {
    // An empty local repository: every jar comes from Maven Central.
    process.env.MAVEN_OPTS = `-Dmaven.repo.local=${path.join(scratch, 'm2')}`;
    const started = process.hrtime.bigint();
    await ensureInstalled(corenlpPackage(), path.join(scratch, 'dist'), (line) => process.stdout.write(`${line}\n`));
    return seconds(started);
  } finally {
    delete process.env.MAVEN_OPTS;
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function measure(setup: Setup, warmUp: string[], texts: string[]): Promise<Measured> {
  const config = loadConfig();
  const loadBefore = os.loadavg()[0];
  const result: Measured = { setup: setup.name, texts: texts.length, loadAverage: [loadBefore, loadBefore] };
  let server: ManagedCoreNLP | undefined;
  try {
    const started = process.hrtime.bigint();
    server = await ManagedCoreNLP.start({
      server: config.corenlp.managed,
      preload: setup.preload,
      requestTimeoutMs: 900_000,
      maxChars: config.corenlp.maxChars,
      log: quiet,
    });
    result.startToReadyS = seconds(started);
    const pid = server.pid;
    result.startToReadyCpuS = cpuSeconds(pid);
    process.stdout.write(`${setup.name}: ready in ${result.startToReadyS.toFixed(1)} s (${result.startToReadyCpuS.toFixed(1)} s of CPU)\n`);
    const client = server.client();
    const annotate = async (text: string) => {
      const begun = process.hrtime.bigint();
      const cpu = cpuSeconds(pid);
      await client.annotate(text, { annotators: setup.annotators, date: '2025-04-11', properties: setup.properties });
      return { wall: seconds(begun), cpu: cpuSeconds(pid) - cpu };
    };
    result.firstArticleS = (await annotate(warmUp[0])).wall;
    process.stdout.write(`${setup.name}: first article ${result.firstArticleS.toFixed(2)} s\n`);
    for (const text of warmUp.slice(1)) await annotate(text);
    const times: Array<{ wall: number; cpu: number }> = [];
    for (const text of texts) times.push(await annotate(text));
    result.perArticleMedianS = median(times.map((t) => t.wall));
    result.perArticleP90S = percentile(times.map((t) => t.wall), 90);
    result.perArticleCpuMedianS = median(times.map((t) => t.cpu));
    result.peakRssGB = peakRssGB(server.pid);
    process.stdout.write(`${setup.name}: ${times.map((t) => `${t.wall.toFixed(2)}/${t.cpu.toFixed(2)}`).join(' ')} s per article (wall/CPU)\n`);
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
    if (server) result.peakRssGB = peakRssGB(server.pid);
    process.stdout.write(`${setup.name}: failed: ${result.error}\n`);
  } finally {
    await server?.stop();
    result.loadAverage[1] = os.loadavg()[0];
  }
  return result;
}

async function main(): Promise<void> {
  exitOnSignals((line) => process.stdout.write(`${line}\n`)); // exit hooks stop a server left running
  const { values } = parseArgs({
    options: {
      texts: { type: 'string', default: '12' },
      'warm-up': { type: 'string', default: '5' },
      'neural-texts': { type: 'string', default: '3' },
      'no-cold-install': { type: 'boolean' },
    },
  });
  const texts = Array.from({ length: Number(values.texts) }, (_, n) => inventedReport(1, n));
  // Other reports (another seed) warm the JVM up: the JIT takes a few articles to settle.
  const warmUp = Array.from({ length: Math.max(1, Number(values['warm-up'])) }, (_, n) => inventedReport(2, n));
  const sizes = texts.map((text) => Buffer.byteLength(text));
  process.stdout.write(`${texts.length} invented reports of ${Math.min(...sizes)} to ${Math.max(...sizes)} bytes (median ${median(sizes)}).\n`);

  const coldInstallS = values['no-cold-install'] ? undefined : await coldInstall();
  if (coldInstallS !== undefined) process.stdout.write(`cold install: ${coldInstallS.toFixed(1)} s\n`);
  // The servers below run from the project's own install.
  await ensureInstalled(corenlpPackage(), loadConfig().corenlp.managed.distDir, (line) => process.stdout.write(`${line}\n`));

  const results: Measured[] = [];
  for (const setup of SETUPS) {
    const neural = Number(values['neural-texts']);
    results.push(await measure(setup, setup.neural ? warmUp.slice(0, 1) : warmUp, setup.neural ? texts.slice(0, neural) : texts));
  }

  const fixed = (value: number | undefined, digits: number) => (value === undefined ? '-' : value.toFixed(digits));
  const date = new Date().toISOString().slice(0, 10);
  writeBenchmarkJson('corenlp', { date, cores: os.cpus().length, coldInstallS, textBytes: sizes, results });
  writeBenchmarkSection(
    'corenlp',
    [
      '## Managed Stanford CoreNLP: install, model loading, annotation',
      '',
      `Measured by \`npm run bench:corenlp\` on ${date} (${os.cpus().length} cores, shared with other work: the load ` +
        'average is in the table; a loaded machine stretches every figure). CoreNLP 4.5.10, `-Xmx3g` (CORENLP_MEMORY), ' +
        `one server per row. ${texts.length} invented reports of ${Math.min(...sizes)} to ${Math.max(...sizes)} bytes ` +
        `(bench/corenlp-texts.ts), each annotated once, one at a time, after ${warmUp.length} other warm-up reports ` +
        '(one for the neural row); "first article" is the first of those. The document date is given, so SUTime ' +
        'resolves relative dates. CPU is the JVM\'s (user + system).',
      '',
      coldInstallS === undefined
        ? 'Cold install: not measured in this run (`--no-cold-install`).'
        : `Cold install (empty Maven repository, 480 MB from Maven Central): **${coldInstallS.toFixed(0)} s**.`,
      '',
      table(
        [
          'annotators',
          'articles',
          'start to ready (s)',
          'its CPU (s)',
          'first article (s)',
          'per article, median (s)',
          'p90 (s)',
          'CPU per article, median (s)',
          'peak RSS (GB)',
          'load average (before, after)',
        ],
        results.map((r) => [
          r.setup + (r.error ? ` (failed: ${r.error})` : ''),
          r.texts,
          fixed(r.startToReadyS, 1),
          fixed(r.startToReadyCpuS, 1),
          fixed(r.firstArticleS, 2),
          fixed(r.perArticleMedianS, 2),
          fixed(r.perArticleP90S, 2),
          fixed(r.perArticleCpuMedianS, 2),
          fixed(r.peakRssGB, 2),
          `${r.loadAverage[0].toFixed(1)}, ${r.loadAverage[1].toFixed(1)}`,
        ]),
      ),
    ].join('\n'),
  );
}

if (require.main === module) {
  void main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
