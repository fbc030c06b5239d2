/**
 * The dev set (test/fixtures/dev/): invented reports with hand-made gold annotations, the yardstick of the extractor
 * and the fixture of the v2 API test. Without a database: every annotation is a valid v2 article of its own text,
 * invents no value (every name, title and role it gives is words of the text), and together they cover every item of
 * format v2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { READING_KINDS, SIGNING_VERBS } from '../../src/model/facts';
import { base, goldArticles, inventedValues, loadGoldSet } from '../support/gold-set';

const DEV = path.join(PROJECT_ROOT, 'test', 'fixtures', 'dev');
const set = loadGoldSet(DEV);
const { texts, annotations } = set;
const articles = () => goldArticles(set);

describe('the dev set of invented reports and their gold annotations', () => {
  it('has at least 16 articles numbered from 201, each text with its annotation and each annotation with its text', () => {
    expect(texts.length).toBeGreaterThanOrEqual(16);
    expect(texts.map(base)).toEqual(annotations.map(base));
    for (const file of texts) expect(file).toMatch(/^2\d\d-[a-z0-9-]+\.txt$/);
    expect(Number(texts[0].slice(0, 3))).toBe(201);
  });

  it('validates every annotation as a v2 article of its own text', () => {
    expect(set.problems).toEqual([]);
    expect(set.valid.size).toBe(annotations.length);
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
    expect(inventedValues(set)).toEqual([]);
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
