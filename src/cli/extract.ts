/**
 * `npm run extract -- FILE|FOLDER|- [--published YYYY-MM-DD] [--source NAME] [--url URL] [--format yaml|json|summary]
 * [--out DIR]`: drafts an article of format v2 from each raw text (.txt files of a folder), with Stanford CoreNLP
 * (CORENLP_URL's server, or a managed one started for the run and stopped after). One input: the draft goes to stdout
 * unless --out is given; several: one file per text in --out (default ./drafts). Nothing is written to the graph:
 * `npm run ingest -- --extract FILES` extracts and loads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { loadConfig } from '../config';
import { openCoreNLP, type OpenCoreNLP } from '../corenlp/open';
import { runCli, UserError } from '../errors';
import { checkExtractOptions, extract, type ExtractOptions } from '../extract/extract';
import { listTexts, readInput } from '../extract/input';
import { summarise } from '../extract/summary';
import { articleSchema } from '../ingest/format';
import { formatProblem } from '../ingest/validate';
import { exitOnSignals, onShutdown } from '../shutdown';

const USAGE =
  'usage: npm run extract -- FILE|FOLDER|- [--published YYYY-MM-DD] [--source NAME] [--url URL] [--format yaml|json|summary] [--out DIR]';

export type Format = 'yaml' | 'json' | 'summary';

export interface ExtractArguments {
  inputs: string[];
  options: ExtractOptions;
  format: Format;
  out: string | undefined;
}

export function parseArguments(args: string[]): ExtractArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        published: { type: 'string' },
        source: { type: 'string' },
        url: { type: 'string' },
        format: { type: 'string', default: 'yaml' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UserError(USAGE);
  if (positionals.length === 0) throw new UserError(`no text given (a file, a folder of .txt files, or - for stdin)\n${USAGE}`);
  const format = values.format as Format;
  if (!['yaml', 'json', 'summary'].includes(format)) throw new UserError(`--format must be yaml, json or summary: got '${values.format}'\n${USAGE}`);
  const options: ExtractOptions = { published: values.published, source: values.source, url: values.url };
  checkExtractOptions(options, (option) => `--${option}`);
  return { inputs: positionals, options, format, out: values.out };
}

export function render(draft: Record<string, unknown>, format: Format): string {
  if (format === 'summary') return `${JSON.stringify(summarise(articleSchema.parse(draft)), null, 2)}\n`;
  if (format === 'json') return `${JSON.stringify(draft, null, 2)}\n`;
  return `# Draft written by npm run extract: check every fact against its quote before loading it.\n${stringify(draft, { lineWidth: 0 })}`;
}

async function main(): Promise<void> {
  const { inputs, options, format, out } = parseArguments(process.argv.slice(2));
  const texts = listTexts(inputs);
  const inputsRead = texts.map((file) => readInput(file === '-' ? 'stdin' : file, fs.readFileSync(file === '-' ? 0 : file)));
  const outDir = out ?? (texts.length > 1 ? 'drafts' : undefined);
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  exitOnSignals(log);
  const corenlp: OpenCoreNLP = await openCoreNLP(config, log);
  onShutdown(() => corenlp.close());
  let failed = 0;
  try {
    for (const [index, input] of inputsRead.entries()) {
      const result = await extract(corenlp.client, corenlp.version, input, options);
      if (result.problems.length > 0) {
        failed++;
        log(`${input.where}: the draft fails validation (an extractor bug, please report it):\n${result.problems.map(formatProblem).join('\n')}`);
      }
      const rendered = render(result.draft, format);
      if (outDir) {
        fs.mkdirSync(outDir, { recursive: true });
        const base = input.where === 'stdin' ? 'stdin' : path.basename(input.where).replace(/\.[^.]+$/, '');
        const file = path.join(outDir, `${base}.${format === 'yaml' ? 'yaml' : format === 'json' ? 'json' : 'summary.json'}`);
        fs.writeFileSync(`${file}.tmp`, rendered);
        fs.renameSync(`${file}.tmp`, file);
        log(`[${index + 1}/${inputsRead.length}] ${input.where} -> ${file} (CoreNLP ${result.timings.corenlp.toFixed(0)} ms, rules ${result.timings.rules.toFixed(0)} ms)`);
      } else process.stdout.write(rendered);
    }
  } finally {
    await corenlp.close();
  }
  if (failed) throw new UserError(`${failed} draft(s) failed validation`);
}

if (require.main === module) void runCli(main);
