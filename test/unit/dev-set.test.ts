/**
 * The dev set (test/fixtures/dev/): invented reports with hand-made gold annotations, the yardstick of the extractor
 * and the fixture of the v2 API test. Without a database: every annotation is a valid v2 article of its own text,
 * invents no value (every name, title and role it gives is words of the text), and together they cover every item of
 * format v2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import type { Article } from '../../src/ingest/format';
import { formatProblem, validateFile, type ValidArticle } from '../../src/ingest/validate';
import { READING_KINDS, SIGNING_VERBS } from '../../src/model/facts';

const DEV = path.join(PROJECT_ROOT, 'test', 'fixtures', 'dev');
const files = fs.readdirSync(DEV).sort();
const texts = files.filter((file) => file.endsWith('.txt'));
const annotations = files.filter((file) => file.endsWith('.yaml'));
const base = (file: string) => file.replace(/\.(txt|yaml)$/, '');

/** Case-insensitive, whitespace-normalised: how a value is looked for in its text. */
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

const valid = new Map<string, ValidArticle>();
for (const file of annotations) {
  const result = validateFile(path.join(DEV, file));
  if (result.ok) valid.set(file, result.value);
}
const articles = (): Array<[string, Article, string]> => [...valid].map(([file, value]) => [file, value.article, value.text]);

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

describe('the dev set of invented reports and their gold annotations', () => {
  it('has at least 16 articles numbered from 201, each text with its annotation and each annotation with its text', () => {
    expect(texts.length).toBeGreaterThanOrEqual(16);
    expect(texts.map(base)).toEqual(annotations.map(base));
    for (const file of texts) expect(file).toMatch(/^2\d\d-[a-z0-9-]+\.txt$/);
    expect(Number(texts[0].slice(0, 3))).toBe(201);
  });

  it('validates every annotation as a v2 article of its own text', () => {
    const problems = annotations.flatMap((file) => {
      const result = validateFile(path.join(DEV, file));
      return result.ok ? [] : result.problems.map(formatProblem);
    });
    expect(problems).toEqual([]);
    for (const [file, article] of articles()) {
      expect(article.source.textFile).toBe(`${base(file)}.txt`);
      expect(article.source.id).toBe(`dev-${base(file)}`);
      if (article.source.url) expect(new URL(article.source.url).hostname).toBe('example.org');
    }
  });

  it('keeps each text between 800 and 4,000 characters', () => {
    for (const [file, , text] of articles()) {
      expect({ file, long: [...text].length >= 800 && [...text].length <= 4000 }).toEqual({ file, long: true });
    }
  });

  it('invents no value: every name, alias, title as reported, office, role, label and verb is words of the text', () => {
    const invented = articles().flatMap(([file, article, text]) => {
      const words = normalise(text);
      const missing = statedValues(article).filter(([, value]) => !words.includes(normalise(value)));
      // A country is named by its name or by one of its aliases (Kenyan).
      for (const country of article.countries) {
        if (![country.name, ...country.aliases].some((name) => words.includes(normalise(name)))) missing.push([`country ${country.key}`, country.name]);
      }
      return missing.map(([what, value]) => `${file}: ${what}: "${value}"`);
    });
    expect(invented).toEqual([]);
  });

  it('covers every item of format v2', () => {
    const all = articles().map(([, article]) => article);
    const precision = (date: string | undefined) => (date === undefined ? 'none' : { 4: 'year', 7: 'month', 10: 'day' }[date.length]);
    expect(new Set(all.map((article) => precision(article.source.publishedOn)))).toEqual(new Set(['year', 'month', 'day', 'none']));
    const acts = all.flatMap((article) => article.exchanges);
    expect(new Set(acts.map((act) => act.verb.kind))).toEqual(new Set(SIGNING_VERBS));
    expect(acts.every((act) => act.verb.words !== undefined)).toBe(true);
    const sides = acts.flatMap((act) => act.sides);
    expect(sides.some((side) => side.country === undefined && side.person !== undefined)).toBe(true);
    expect(sides.some((side) => side.country === undefined && side.person === undefined)).toBe(true);
    expect(sides.some((side) => side.country !== undefined && side.person === undefined)).toBe(true);
    expect(all.some((article) => article.positions.some((position) => position.country === undefined))).toBe(true);
    const agreements = all.flatMap((article) => article.agreements);
    for (const kind of ['DECISION', 'JOINT_STATEMENT', 'CONTRACT', 'OTHER'] as const) expect(agreements.some((agreement) => agreement.kind === kind)).toBe(true);
    expect(agreements.filter((agreement) => agreement.kind === 'OTHER').every((agreement) => agreement.kindAsReported !== undefined)).toBe(true);
    const partyKinds = new Set(
      all.flatMap((article) =>
        article.agreements.flatMap((agreement) => [...agreement.parties, ...agreement.signatories]).flatMap((key) => article.places.filter((place) => place.key === key).map((place) => place.kind)),
      ),
    );
    expect(partyKinds).toEqual(new Set(['REGION', 'CITY']));
    expect(new Set(all.flatMap((article) => article.places.map((place) => place.kind)))).toEqual(new Set(['REGION', 'CITY', 'VENUE']));
    const readings = new Set(
      all.flatMap((article) => [
        ...(['countries', 'places', 'bodies', 'people', 'positions', 'occupancies', 'events', 'agreements', 'exchanges', 'claims'] as const).flatMap((collection) =>
          (article[collection] as Array<{ reading?: { kind: string } }>).map((fact) => fact.reading?.kind),
        ),
        ...article.exchanges.flatMap((act) => act.sides.map((side) => side.reading?.kind)),
        ...article.events.flatMap((event) => event.participants.map((participant) => participant.reading?.kind)),
      ]),
    );
    expect([...READING_KINDS].filter((kind) => !readings.has(kind))).toEqual([]);
    expect(all.some((article) => article.events.some((event) => event.participants.some((participant) => participant.label !== undefined)))).toBe(true);
  });

  it('lists every article in its README table', () => {
    const readme = fs.readFileSync(path.join(DEV, 'README.md'), 'utf8');
    expect(texts.filter((file) => !readme.includes(`\`${base(file)}\``))).toEqual([]);
  });
});
