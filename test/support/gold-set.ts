/**
 * A folder of invented reports with hand-made gold annotations (test/fixtures/dev, test/fixtures/holdout): each
 * `NNN-slug.txt` with its `NNN-slug.yaml`. What the unit tests of both sets check the same way: pairs, validation,
 * and that an annotation invents no value (every name, title and role it gives is words of its text).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/ingest/format';
import { formatProblem, validateFile, type ValidArticle } from '../../src/ingest/validate';

export interface GoldSet {
  dir: string;
  texts: string[];
  annotations: string[];
  /** Each annotation that validates, by file name. */
  valid: Map<string, ValidArticle>;
  /** Every validation problem of every annotation, formatted. */
  problems: string[];
}

export const base = (file: string) => file.replace(/\.(txt|yaml)$/, '');

export function loadGoldSet(dir: string): GoldSet {
  const files = fs.readdirSync(dir).sort();
  const annotations = files.filter((file) => file.endsWith('.yaml'));
  const valid = new Map<string, ValidArticle>();
  const problems: string[] = [];
  for (const file of annotations) {
    const result = validateFile(path.join(dir, file));
    if (result.ok) valid.set(file, result.value);
    else problems.push(...result.problems.map(formatProblem));
  }
  return { dir, texts: files.filter((file) => file.endsWith('.txt')), annotations, valid, problems };
}

/** Each valid annotation: its file, its article and its text. */
export const goldArticles = (set: GoldSet): Array<[string, Article, string]> => [...set.valid].map(([file, value]) => [file, value.article, value.text]);

/** Case-insensitive, whitespace-normalised: how a value is looked for in its text. */
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The values an annotation gives that must be words of its text, each with what it is. */
function statedValues(article: Article): Array<[string, string]> {
  const values: Array<[string, string]> = [];
  const add = (what: string, value: string | undefined) => value !== undefined && values.push([what, value]);
  for (const person of article.people) [person.name, ...person.aliases, ...person.weakAliases].forEach((name) => add(`person ${person.key}`, name));
  for (const country of article.countries) country.aliases.forEach((alias) => add(`country ${country.key} alias`, alias));
  for (const place of article.places) add(`place ${place.key}`, place.name);
  for (const body of article.bodies) {
    if (body.nameAsReported) add(`body ${body.key}`, body.name);
    body.aliases.forEach((alias) => add(`body ${body.key} alias`, alias));
  }
  for (const agreement of article.agreements) {
    if (agreement.titleAsReported) add(`agreement ${agreement.key} title`, agreement.title);
    add(`agreement ${agreement.key} kindAsReported`, agreement.kindAsReported);
  }
  for (const position of article.positions) add(`position ${position.key}`, position.title);
  for (const occupancy of article.occupancies) add(`occupancy ${occupancy.key}`, occupancy.title);
  for (const exchange of article.exchanges) {
    add(`exchange ${exchange.key} verb`, exchange.verb.words);
    exchange.sides.forEach((side, index) => add(`exchange ${exchange.key} side ${index} role`, side.role));
  }
  for (const event of article.events) event.participants.forEach((participant) => add(`event ${event.key} participant`, participant.label));
  return values;
}

/** The values of a set's annotations that are not words of their texts (a country needs its name or an alias). */
export function inventedValues(set: GoldSet): string[] {
  return goldArticles(set).flatMap(([file, article, text]) => {
    const words = normalise(text);
    const missing = statedValues(article).filter(([, value]) => !words.includes(normalise(value)));
    // A country is named by its name or by one of its aliases (Kenyan).
    for (const country of article.countries) {
      if (![country.name, ...country.aliases].some((name) => words.includes(normalise(name)))) missing.push([`country ${country.key}`, country.name]);
    }
    return missing.map(([what, value]) => `${file}: ${what}: "${value}"`);
  });
}
