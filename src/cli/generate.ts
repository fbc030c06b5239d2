/**
 * `npm run generate -- --scale S|M|L|XL [--seed N] [--out folder]`: writes a generated corpus of annotated articles
 * (src/generate/corpus.ts) as JSON files, by default into data/generated/<scale>-<seed>/; load it with
 * `npm run ingest -- <folder>`. The same scale and seed always give the same articles.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { runCli, UserError } from '../errors';
import { SCALES, writeCorpus, type Scale } from '../generate/corpus';

const USAGE = `usage: npm run generate -- --scale ${Object.keys(SCALES).join('|')} [--seed N] [--out folder]`;

void runCli(async () => {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args[at + 1];
  };
  const known = new Set(['--scale', '--seed', '--out']);
  for (let i = 0; i < args.length; i += 2) {
    if (!known.has(args[i])) throw new UserError(`unknown argument ${args[i]}\n${USAGE}`);
  }
  const scale = value('--scale') as Scale | undefined;
  if (!scale || !(scale in SCALES)) throw new UserError(`--scale must be one of ${Object.keys(SCALES).join(', ')}\n${USAGE}`);
  const seed = Number(value('--seed') ?? 1);
  if (!Number.isInteger(seed) || seed < 0) throw new UserError(`--seed must be a whole number, got '${value('--seed')}'\n${USAGE}`);
  const out = path.resolve(value('--out') ?? path.join(PROJECT_ROOT, 'data', 'generated', `${scale}-${seed}`));
  const articles = SCALES[scale];
  writeCorpus(out, articles, seed, (done) => process.stderr.write(`${done}/${articles} articles\n`));
  process.stdout.write(`${articles} articles (scale ${scale}, seed ${seed}) in ${out}\nLoad them with: npm run ingest -- ${path.relative(process.cwd(), out) || '.'}\n`);
});
