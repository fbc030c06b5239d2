/**
 * Scores a draft against a hand-made gold article of the same text: precision, recall and F1 per kind of fact, and
 * the names the draft invented (a person name whose words are not in the text).
 *
 * What counts as the same fact (names compared without case, accents and punctuation):
 * - people: the name; people with role: name and office (the position's title, or the holding's as printed);
 * - person country: name and the country of any of their offices or sides;
 * - bodies: the name; agreements: the title (word overlap, Dice >= 0.75, matched one to one);
 * - agreement parties: a matched agreement and one of its parties or signatories (a country by ISO code, else a name);
 * - exchanges: the unordered set of sides (a person's name, else the role and country of an unnamed official) and a
 *   matched document, one item per document of an act;
 * - events: the kind and the date.
 */
import type { Article } from '../ingest/format';

export const KINDS = ['people', 'people with role', 'person country', 'bodies', 'agreements', 'agreement parties', 'exchanges', 'events'] as const;
export type Kind = (typeof KINDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Score {
  counts: Record<Kind, Counts>;
  invented: string[];
  /** What was missed and what was wrong, per kind, for the report. */
  misses: Record<Kind, string[]>;
  wrong: Record<Kind, string[]>;
}

export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(the|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function dice(a: string, b: string): number {
  const x = new Set(normalise(a).split(' ').filter(Boolean));
  const y = new Set(normalise(b).split(' ').filter(Boolean));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const word of x) if (y.has(word)) common++;
  return (2 * common) / (x.size + y.size);
}

function setScore(gold: Set<string>, draft: Set<string>): { counts: Counts; misses: string[]; wrong: string[] } {
  const misses = [...gold].filter((g) => !draft.has(g));
  const wrong = [...draft].filter((d) => !gold.has(d));
  return { counts: { tp: gold.size - misses.length, fp: wrong.length, fn: misses.length }, misses, wrong };
}

type Facts = Pick<Article, 'people' | 'positions' | 'occupancies' | 'bodies' | 'agreements' | 'exchanges' | 'events' | 'countries' | 'places'>;

function views(article: Facts) {
  const person = new Map(article.people.map((p) => [p.key, normalise(p.name)]));
  const iso = new Map(article.countries.map((c) => [c.key, (c.isoCode ?? c.name).toLowerCase()]));
  const actorName = new Map<string, string>([
    ...article.countries.map((c) => [c.key, (c.isoCode ?? c.name).toLowerCase()] as [string, string]),
    ...article.bodies.map((b) => [b.key, normalise(b.name)] as [string, string]),
    ...article.places.map((p) => [p.key, normalise(p.name)] as [string, string]),
  ]);
  const position = new Map(article.positions.map((p) => [p.key, p]));
  const roles = new Set<string>();
  const personCountry = new Set<string>();
  for (const o of article.occupancies) {
    if (!o.holder) continue;
    const pos = position.get(o.position);
    const name = person.get(o.holder)!;
    if (pos) roles.add(`${name} | ${normalise(pos.title)}`);
    if (pos?.country) personCountry.add(`${name} | ${iso.get(pos.country)}`);
  }
  for (const exchange of article.exchanges) {
    for (const side of exchange.sides) if (side.person && side.country) personCountry.add(`${person.get(side.person)} | ${iso.get(side.country)}`);
  }
  const sideName = (side: Article['exchanges'][number]['sides'][number]) =>
    side.person ? person.get(side.person)! : `${normalise(side.role)} (${side.country ? iso.get(side.country) : '?'})`;
  return { person, iso, actorName, roles, personCountry, sideName };
}

/** Matches draft agreements to gold ones, one to one, by title overlap. */
function matchAgreements(gold: Article['agreements'], draft: Article['agreements']): Map<string, string> {
  const pairs: { g: string; d: string; score: number }[] = [];
  for (const g of gold) for (const d of draft) {
    const score = dice(g.title, d.title);
    if (score >= 0.75) pairs.push({ g: g.key, d: d.key, score });
  }
  pairs.sort((a, b) => b.score - a.score);
  const byDraft = new Map<string, string>();
  const taken = new Set<string>();
  for (const { g, d } of pairs) {
    if (taken.has(g) || byDraft.has(d)) continue;
    taken.add(g);
    byDraft.set(d, g);
  }
  return byDraft;
}

export function score(gold: Facts, draft: Facts, text: string): Score {
  const g = views(gold);
  const d = views(draft);
  const results: Partial<Record<Kind, ReturnType<typeof setScore>>> = {};
  results.people = setScore(new Set(g.person.values()), new Set(d.person.values()));
  // A drafted office matches the gold's position title, or the gold holding's title as printed.
  const goldRoleOf = new Map<string, string>();
  for (const o of gold.occupancies) {
    const pos = gold.positions.find((x) => x.key === o.position);
    if (o.holder && pos) goldRoleOf.set(`${g.person.get(o.holder)} | ${normalise(o.title)}`, `${g.person.get(o.holder)} | ${normalise(pos.title)}`);
  }
  const draftRoles = new Set<string>();
  for (const o of draft.occupancies) {
    const pos = draft.positions.find((x) => x.key === o.position);
    if (!o.holder || !pos) continue;
    const name = d.person.get(o.holder)!;
    const candidates = [`${name} | ${normalise(pos.title)}`, `${name} | ${normalise(o.title)}`];
    draftRoles.add(candidates.find((c) => g.roles.has(c)) ?? candidates.map((c) => goldRoleOf.get(c)).find(Boolean) ?? candidates[0]);
  }
  results['people with role'] = setScore(g.roles, draftRoles);
  results['person country'] = setScore(g.personCountry, d.personCountry);
  results.bodies = setScore(new Set(gold.bodies.map((b) => normalise(b.name))), new Set(draft.bodies.map((b) => normalise(b.name))));
  const matched = matchAgreements(gold.agreements, draft.agreements);
  const goldTitle = new Map(gold.agreements.map((a) => [a.key, a.title]));
  results.agreements = {
    counts: { tp: matched.size, fp: draft.agreements.length - matched.size, fn: gold.agreements.length - matched.size },
    misses: gold.agreements.filter((a) => ![...matched.values()].includes(a.key)).map((a) => a.title),
    wrong: draft.agreements.filter((a) => !matched.has(a.key)).map((a) => a.title),
  };
  const docKey = (key: string, side: 'gold' | 'draft') => (side === 'gold' ? goldTitle.get(key) : goldTitle.get(matched.get(key) ?? '') ?? `unmatched:${key}`);
  const partiesOf = (article: Facts, view: ReturnType<typeof views>, side: 'gold' | 'draft') => {
    const set = new Set<string>();
    for (const a of article.agreements) for (const actor of [...a.parties, ...a.signatories]) set.add(`${docKey(a.key, side)} | ${view.actorName.get(actor)}`);
    return set;
  };
  results['agreement parties'] = setScore(partiesOf(gold, g, 'gold'), partiesOf(draft, d, 'draft'));
  const exchangesOf = (article: Facts, view: ReturnType<typeof views>, side: 'gold' | 'draft') => {
    const set = new Set<string>();
    for (const e of article.exchanges) {
      const sides = e.sides.map(view.sideName).sort().join(' + ');
      for (const doc of e.documents) set.add(`${sides} | ${docKey(doc, side)}`);
    }
    return set;
  };
  results.exchanges = setScore(exchangesOf(gold, g, 'gold'), exchangesOf(draft, d, 'draft'));
  const eventsOf = (article: Facts) => new Set(article.events.map((e) => `${e.kind} ${e.date ?? 'undated'}`));
  results.events = setScore(eventsOf(gold), eventsOf(draft));
  const words = new Set(normalise(text).split(' '));
  const invented = draft.people.map((p) => p.name).filter((name) => normalise(name).split(' ').some((w) => !words.has(w)));
  const counts = {} as Record<Kind, Counts>;
  const misses = {} as Record<Kind, string[]>;
  const wrong = {} as Record<Kind, string[]>;
  for (const kind of KINDS) {
    counts[kind] = results[kind]!.counts;
    misses[kind] = results[kind]!.misses;
    wrong[kind] = results[kind]!.wrong;
  }
  return { counts, invented, misses, wrong };
}

export function f1({ tp, fp, fn }: Counts): { p: number; r: number; f1: number } {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}
