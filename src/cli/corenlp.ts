/**
 * `npm run corenlp:annotate -- [FILE|-] [--coref] [--annotators LIST] [--date YYYY-MM-DD]`: the typed annotation of a
 * text (a file, or stdin) as JSON on stdout, from CORENLP_URL's server or a managed one started for the run.
 * `npm run corenlp:serve -- [--coref]`: the managed server alone, in the foreground, for other commands to use
 * through CORENLP_URL (its models load once); Ctrl-C stops it.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { COREF_ANNOTATORS, DEFAULT_ANNOTATORS } from '../corenlp/client';
import { openCoreNLP } from '../corenlp/open';
import { runCli, UserError } from '../errors';
import { exitOnSignals, onShutdown, shutdown } from '../shutdown';

const USAGE =
  'usage: npm run corenlp:annotate -- [FILE|-] [--coref] [--annotators tokenize,ssplit,...] [--date YYYY-MM-DD]\n' +
  '       npm run corenlp:serve -- [--coref] [--annotators tokenize,ssplit,...]';

interface Arguments {
  command: 'annotate' | 'serve';
  file: string | undefined;
  annotators: readonly string[];
  date: string | undefined;
}

export function parseArguments(args: string[]): Arguments {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { coref: { type: 'boolean' }, annotators: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help) throw new UserError(USAGE);
  if (command !== 'annotate' && command !== 'serve') throw new UserError(`Unknown command '${command ?? ''}'.\n${USAGE}`);
  if (extra.length > 0 || (command === 'serve' && file !== undefined)) throw new UserError(`Too many arguments.\n${USAGE}`);
  if (values.coref && values.annotators) throw new UserError(`Give --coref or --annotators, not both.\n${USAGE}`);
  const annotators = values.annotators
    ? values.annotators.split(',').map((name) => name.trim()).filter(Boolean)
    : values.coref
      ? COREF_ANNOTATORS
      : DEFAULT_ANNOTATORS;
  return { command, file, annotators, date: values.date };
}

/** The text of a file or of stdin ('-' or nothing), which must be UTF-8. */
function readText(file: string | undefined): string {
  const where = file === undefined || file === '-' ? 'stdin' : file;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(where === 'stdin' ? 0 : where);
  } catch (error) {
    throw new UserError(`Cannot read ${where}: ${(error as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${where} is not UTF-8 text.`);
  }
}

void runCli(async () => {
  const args = parseArguments(process.argv.slice(2));
  // annotate keeps stdout for the JSON; serve talks to the user.
  const log = (line: string) => (args.command === 'annotate' ? process.stderr : process.stdout).write(`${line}\n`);
  exitOnSignals(log);
  try {
    const config = loadConfig();
    if (args.command === 'serve') {
      if (config.corenlp.url) throw new UserError(`CORENLP_URL is set (${config.corenlp.url}): that server is yours to run.`);
      const corenlp = await openCoreNLP(config, log, { preload: args.annotators });
      onShutdown(corenlp.close);
      log(`CoreNLP ${corenlp.version} is ready at ${corenlp.client.url}`);
      log(`Other commands use it with CORENLP_URL=${corenlp.client.url}. Ctrl-C stops it.`);
      const died = await corenlp.managed?.gone();
      if (died) throw died;
      return;
    }
    const text = readText(args.file);
    const corenlp = await openCoreNLP(config, log, { preload: args.annotators });
    onShutdown(corenlp.close);
    const annotation = await corenlp.client.annotate(text, { annotators: args.annotators, date: args.date });
    process.stdout.write(`${JSON.stringify({ corenlp: corenlp.version, ...annotation }, null, 2)}\n`);
  } finally {
    await shutdown();
  }
});
