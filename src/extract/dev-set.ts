/**
 * The hand-made gold the extractor is measured against: the seed article (data/articles) and the dev set
 * (test/fixtures/dev), each a valid article of format v2 with its text. Also the stored CoreNLP annotations of their
 * texts (test/fixtures/extract/*.json.gz), so the rules can be tested without a running CoreNLP.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PROJECT_ROOT } from '../config';
import type { Annotation } from '../corenlp/annotation';
import { UserError } from '../errors';
import type { Article } from '../ingest/format';
import { listArticleFiles } from '../ingest/ingest';
import { formatProblem, validateFile } from '../ingest/validate';

export interface GoldCase {
  /** The gold article file. */
  file: string;
  name: string;
  /** The seed, the dev set the rules were tuned on, or the held-out set they never were. */
  set: GoldSet;
  article: Article;
  text: string;
  /** The text's file, as a user would give it to `npm run extract`. */
  where: string;
}

export type GoldSet = 'seed' | 'dev' | 'holdout';
export const HOLDOUT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'holdout');
export const DEFAULT_GOLD = [path.join(PROJECT_ROOT, 'data', 'articles'), path.join(PROJECT_ROOT, 'test', 'fixtures', 'dev'), HOLDOUT];

function setOf(file: string): GoldSet {
  if (file.includes(`${path.sep}data${path.sep}articles${path.sep}`)) return 'seed';
  return file.startsWith(`${HOLDOUT}${path.sep}`) ? 'holdout' : 'dev';
}
export const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'extract');

export function loadGold(paths: string[] = DEFAULT_GOLD): GoldCase[] {
  const { files, problems } = listArticleFiles(paths);
  if (problems.length) throw new UserError(problems.map(formatProblem).join('\n'));
  return files.map((file) => {
    const gold = validateFile(file);
    if (!gold.ok) throw new UserError(`gold ${file} is not a valid article:\n${gold.problems.map(formatProblem).join('\n')}`);
    const { article, text } = gold.value;
    return {
      file,
      name: path.basename(file).replace(/\.(ya?ml|json)$/, ''),
      set: setOf(path.resolve(file)),
      article,
      text,
      where: article.source.textFile ? path.join(path.dirname(file), article.source.textFile) : file,
    };
  });
}

export function textHash(text: string, published: string | undefined): string {
  return createHash('sha256').update(`${published ?? ''}\n${text}`).digest('hex');
}

interface StoredAnnotation {
  textHash: string;
  corenlp: string;
  annotation: Annotation;
}

export function fixtureFile(name: string): string {
  return path.join(FIXTURES, `${name}.json.gz`);
}

export function saveAnnotation(gold: GoldCase, corenlp: string, annotation: Annotation): void {
  const stored: StoredAnnotation = { textHash: textHash(gold.text, gold.article.source.publishedOn), corenlp, annotation };
  fs.mkdirSync(FIXTURES, { recursive: true });
  fs.writeFileSync(fixtureFile(gold.name), zlib.gzipSync(JSON.stringify(stored), { level: 9 }));
}

/** The stored annotation of a gold text; an error when the text changed since it was stored. */
export function storedAnnotation(gold: GoldCase): Annotation {
  const stored = JSON.parse(zlib.gunzipSync(fs.readFileSync(fixtureFile(gold.name))).toString('utf8')) as StoredAnnotation;
  if (stored.textHash !== textHash(gold.text, gold.article.source.publishedOn)) {
    throw new Error(`${fixtureFile(gold.name)} was stored for another text: run npm run extract:fixtures`);
  }
  return stored.annotation;
}
