/**
 * Draft review's pure part (src/explore/client/review-model.ts) on the drafts of the seed and the dev set (from the
 * stored CoreNLP annotations): every fact reads as a sentence; unticking any one fact gives an article the ingest's
 * validation accepts, without that fact, without what cannot stand without it, and with no mention of either left;
 * ticking it back restores it; and the text is cut into the segments the page highlights.
 */
import { loadGold, storedAnnotation } from '../../src/extract/dev-set';
import { draftFrom } from '../../src/extract/extract';
import { reviewedArticle, reviewFacts, textSegments, tick, untick, type Draft, type ReviewFact } from '../../src/explore/client/review-model';
import { validateData } from '../../src/ingest/validate';

const drafts = loadGold().map((gold) => {
  const result = draftFrom({ where: gold.where, text: gold.text, header: {} }, storedAnnotation(gold), { published: gold.article.source.publishedOn }, '4.5.10');
  return { name: gold.name, draft: result.draft as unknown as Draft };
});
const seed = drafts.find((d) => d.name.startsWith('000_'))!.draft;

/** Every string anywhere in a value (keys of references included). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) if (name !== 'source' && name !== 'spans') strings(item, out);
  return out;
}

const expectValid = (name: string, article: Draft) => {
  const validation = validateData(name, article);
  expect(validation.ok ? [] : validation.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual([]);
};

const find = (facts: ReviewFact[], pattern: RegExp) => {
  const found = facts.find((fact) => pattern.test(fact.sentence));
  if (!found) throw new Error(`no fact reads like ${pattern}`);
  return found;
};

describe('draft review', () => {
  it.each(drafts.map((d) => [d.name, d.draft] as const))('%s: every fact is a sentence with its confidence and spans; all ticked is the draft', (name, draft) => {
    const facts = reviewFacts(draft);
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(fact.sentence).toMatch(/^\S.*[.:]|\S$/);
      expect(fact.sentence).not.toMatch(/undefined|\[object/);
      expect(fact.spans.length).toBeGreaterThan(0);
      expect(fact.confidence).toBeGreaterThan(0);
    }
    const all = new Set(facts.map((fact) => fact.key));
    const reviewed = reviewedArticle(draft, facts, all);
    expectValid(name, reviewed);
    for (const [collection, items] of Object.entries(draft)) if (collection !== 'spans') expect(reviewed[collection]).toEqual(items);
  });

  it.each(drafts.map((d) => [d.name, d.draft] as const))('%s: unticking any fact gives a valid article without it and without dangling mentions; ticking it back restores it', (name, draft) => {
    const facts = reviewFacts(draft);
    const all = new Set(facts.map((fact) => fact.key));
    for (const fact of facts) {
      const change = untick(facts, all, fact.key);
      const reviewed = reviewedArticle(draft, facts, change.kept);
      expectValid(`${name} without ${fact.key}`, reviewed);
      const left = new Set(strings(reviewed));
      for (const gone of [fact.key, ...change.also]) expect({ gone, mentioned: left.has(gone) }).toEqual({ gone, mentioned: false });
      const back = tick(facts, change.kept, fact.key);
      expect(back.kept.has(fact.key)).toBe(true);
      expectValid(`${name} with ${fact.key} ticked back`, reviewedArticle(draft, facts, back.kept));
    }
  });

  it('a fact that mentions an unticked one stays without the mention; one that cannot be stated without it goes', () => {
    const facts = reviewFacts(seed);
    const all = new Set(facts.map((fact) => fact.key));
    const ceremony = find(facts, /^Signing ceremony in Minsk: /);
    const withoutCeremony = untick(facts, all, ceremony.key);
    expect(withoutCeremony.also).toEqual([]);
    const reviewed = reviewedArticle(seed, facts, withoutCeremony.kept);
    expect(reviewFacts(reviewed).filter((f) => f.collection === 'exchanges')).toHaveLength(3);
    expect(find(reviewFacts(reviewed), /^Jam Kamal Khan .* exchanged/).sentence).toBe(
      'Jam Kamal Khan (Commerce Minister, Pakistan) exchanged Agreement on cooperation between the defence ministries of the two countries with Viktor Khrenin (Defence Minister, Belarus) on 11 April 2025.',
    );
    expect(withoutCeremony.mentioning.length).toBeGreaterThan(3);

    const khan = find(facts, /^Jam Kamal Khan, a person/);
    const withoutKhan = untick(facts, all, khan.key);
    const gone = facts.filter((f) => withoutKhan.also.includes(f.key)).map((f) => f.sentence);
    expect(gone).toEqual([
      expect.stringMatching(/^Jam Kamal Khan \(Commerce Minister, Pakistan\) exchanged/),
      'Jam Kamal Khan held the office of Commerce Minister of Pakistan, as “Commerce Minister”.',
    ]);
    // Ticking his exchange again brings him back (his holding, which the exchange only mentions, is ticked apart).
    const exchange = facts.find((f) => f.key === withoutKhan.also[0])!;
    const back = tick(facts, withoutKhan.kept, exchange.key);
    expect(back.also).toEqual([khan.key]);
    expect(tick(facts, back.kept, withoutKhan.also[1]).mentioning).toEqual([exchange.key]);

    const defence = find(facts, /^Agreement on cooperation between the defence ministries/);
    const withoutDefence = untick(facts, all, defence.key);
    expect(withoutDefence.also).toEqual([exchange.key]);

    const belarus = find(facts, /^Belarus, a country/);
    const withoutBelarus = reviewFacts(reviewedArticle(seed, facts, untick(facts, all, belarus.key).kept));
    expect(find(withoutBelarus, /exchanged Agreement on cooperation between the defence/).sentence).toMatch(/with Viktor Khrenin \(Defence Minister\) on 11 April 2025/);
    expect(withoutBelarus.find((f) => f.key === belarus.key)).toBeUndefined();
  });

  it('cuts the text at every span, each piece with the kept and unticked facts citing it, furniture apart', () => {
    const text = 'HEADLINE\nAlpha met Beta in Gamma.';
    const spans = { s1: { start: 9, end: 14, quote: 'Alpha' }, s2: { start: 9, end: 22, quote: 'Alpha met Bet' }, s3: { start: 27, end: 32, quote: 'Gamma' } };
    const facts = [
      { key: 'alpha', collection: 'people', sentence: '', label: '', confidence: 1, spans: ['s1'], needs: [], anyOf: [], mentions: [] },
      { key: 'meeting', collection: 'events', sentence: '', label: '', confidence: 1, spans: ['s2', 's3'], needs: [], anyOf: [], mentions: [] },
    ] as ReviewFact[];
    const segments = textSegments(text, spans, facts, new Set(['alpha']), [[0, 8]]);
    expect(segments.map(({ text, kept, unticked, furniture }) => [text, kept, unticked, furniture])).toEqual([
      ['HEADLINE', [], [], true],
      ['\n', [], [], false],
      ['Alpha', ['alpha'], ['meeting'], false],
      [' met Bet', [], ['meeting'], false],
      ['a in ', [], [], false],
      ['Gamma', [], ['meeting'], false],
      ['.', [], [], false],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});
