/**
 * The holdout set (test/fixtures/holdout/): invented reports with gold annotations that the extractor's rules were
 * never tuned on, for an honest estimate of how it does on unseen reports (its README says why it must stay unseen).
 * Checked like the dev set, without a database: each text has its annotation, each annotation is a valid v2 article
 * of its own text and invents no value, every report is in the README, and it shares no report, person or source with
 * the dev set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { base, goldArticles, inventedValues, loadGoldSet } from '../support/gold-set';

const HOLDOUT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'holdout');
const DEV = path.join(PROJECT_ROOT, 'test', 'fixtures', 'dev');
const set = loadGoldSet(HOLDOUT);
const { texts, annotations } = set;

describe('the holdout set of invented reports and their gold annotations', () => {
  it('has at least 6 articles numbered from 301, each text with its annotation and each annotation with its text', () => {
    expect(texts.length).toBeGreaterThanOrEqual(6);
    expect(texts.map(base)).toEqual(annotations.map(base));
    for (const file of texts) expect(file).toMatch(/^3\d\d-[a-z0-9-]+\.txt$/);
    expect(Number(texts[0].slice(0, 3))).toBe(301);
  });

  it('validates every annotation as a v2 article of its own text', () => {
    expect(set.problems).toEqual([]);
    expect(set.valid.size).toBe(annotations.length);
    for (const [file, article] of goldArticles(set)) {
      expect(article.source.textFile).toBe(`${base(file)}.txt`);
      expect(article.source.id).toBe(`holdout-${base(file)}`);
      if (article.source.url) expect(new URL(article.source.url).hostname).toBe('example.org');
    }
  });

  it('keeps each text between 800 and 4,000 characters', () => {
    for (const [file, , text] of goldArticles(set)) {
      expect({ file, long: [...text].length >= 800 && [...text].length <= 4000 }).toEqual({ file, long: true });
    }
  });

  it('invents no value: every name, alias, title as reported, office, role, label and verb is words of the text', () => {
    expect(inventedValues(set)).toEqual([]);
  });

  it('shares no report, person or source with the dev set', () => {
    const dev = goldArticles(loadGoldSet(DEV));
    const holdout = goldArticles(set);
    const devTexts = new Set(dev.map(([, , text]) => text));
    expect(holdout.filter(([, , text]) => devTexts.has(text)).map(([file]) => file)).toEqual([]);
    const devPeople = new Set(dev.flatMap(([, article]) => article.people.map((person) => person.name)));
    expect(holdout.flatMap(([, article]) => article.people.map((person) => person.name)).filter((name) => devPeople.has(name))).toEqual([]);
    const devUrls = new Set(dev.map(([, article]) => article.source.url));
    expect(holdout.filter(([, article]) => devUrls.has(article.source.url)).map(([file]) => file)).toEqual([]);
  });

  it('lists every article in its README', () => {
    const readme = fs.readFileSync(path.join(HOLDOUT, 'README.md'), 'utf8');
    expect(texts.filter((file) => !readme.includes(`\`${base(file)}\``))).toEqual([]);
  });
});
