/**
 * Draft review, the pure part: the facts of a drafted article (format v2) as sentences with their confidence and
 * cited spans, ticking and unticking, the reviewed article, and the text cut into highlighted segments.
 *
 * What unticking a fact does to the others: a fact that merely mentions it (an agreement's parties, an act's
 * ceremony, a side's country or capacity, an event's participant) stays, without that mention: it then says less,
 * never something else. A fact that cannot be stated without it goes with it: the holding of an unticked office or
 * by an unticked person (it must not turn into "an unnamed official"), an act whose named signer or every document
 * is unticked, a statement by an unticked speaker, an office, body or place of an unticked country (without it, it
 * would be another one). Ticking a fact ticks back what it cannot be stated without. The reviewed article validates
 * whenever the draft did.
 */
import { COLLECTIONS, MODEL, type Collection, type FactKindModel } from '../../model/facts';
import { datePhrase } from './dates';
import { codeWords, readingMarker, unnamedOfficial, verbWording } from './wording';

export interface DraftSpan {
  start: number;
  end: number;
  quote: string;
}

type Json = Record<string, unknown>;

/** A drafted article: the source with its text, named spans, and a list of facts per collection. */
export interface Draft {
  source: Json & { id: string; text: string; name?: string; publisher?: string; publishedOn?: string; url?: string };
  spans: Record<string, DraftSpan>;
  [collection: string]: unknown;
}

export interface ReviewFact {
  key: string;
  collection: Collection;
  /** The fact as a sentence, in the text's words. */
  sentence: string;
  /** A short name, for messages about it ("also unticked: ..."). */
  label: string;
  confidence: number | undefined;
  /** The span keys it cites, its sides' and participants' included. */
  spans: string[];
  /** The facts it cannot be stated without (an office held, its holder, an act's named signers, a speaker). */
  needs: string[];
  /** For an act: its documents, at least one of which must stay. */
  anyOf: string[];
  /** The other facts it mentions, which may go without it. */
  mentions: string[];
}

/** The order of the review list: what a reader checks first. */
export const REVIEW_ORDER: readonly Collection[] = ['exchanges', 'agreements', 'events', 'people', 'occupancies', 'positions', 'bodies', 'countries', 'places', 'claims'];

export const COLLECTION_HEADINGS: Record<Collection, string> = {
  exchanges: 'Acts on documents',
  agreements: 'Documents',
  events: 'Events',
  people: 'People',
  occupancies: 'Offices held',
  positions: 'Offices',
  bodies: 'Bodies',
  countries: 'Countries',
  places: 'Places',
  claims: 'Statements',
};

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The keys a fact (or a side, a participant) names in its reference fields. */
function refsOf(fact: Json, model: FactKindModel): string[] {
  return Object.keys(model.refs).flatMap((field) => strings(fact[field]));
}

/**
 * The fields whose facts a fact cannot be stated without: what it is held by or said by, and what tells it apart
 * from another fact of the same name (an office of Belarus without Belarus is another office, src/ingest/ids.ts).
 */
const NEEDED: Partial<Record<Collection, readonly string[]>> = {
  occupancies: ['position', 'holder'],
  claims: ['speaker'],
  positions: ['country', 'body'],
  bodies: ['country'],
  places: ['country', 'within'],
};

function factLinks(collection: Collection, fact: Json): Pick<ReviewFact, 'needs' | 'anyOf' | 'mentions'> {
  const needs = (NEEDED[collection] ?? []).flatMap((field) => strings(fact[field]));
  const anyOf = collection === 'exchanges' ? strings(fact.documents) : [];
  const mentions = refsOf(fact, MODEL[collection]);
  if (collection === 'exchanges') {
    for (const side of list(fact.sides)) {
      needs.push(...strings(side.person));
      mentions.push(...refsOf(side, MODEL.sides));
    }
  }
  if (collection === 'events') for (const p of list(fact.participants)) mentions.push(...strings(p.person), ...refsOf(p, MODEL.officials));
  const strong = new Set([...needs, ...anyOf]);
  return { needs: [...new Set(needs)], anyOf, mentions: [...new Set(mentions)].filter((key) => !strong.has(key)) };
}

function factSpans(collection: Collection, fact: Json): string[] {
  const spans = strings(fact.evidence);
  if (collection === 'exchanges') for (const side of list(fact.sides)) spans.push(...strings(side.evidence));
  if (collection === 'events') for (const p of list(fact.participants)) spans.push(...strings(p.evidence));
  return [...new Set(spans)];
}

const andList = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const quoted = (text: string) => `“${text}”`;
const article = (words: string) => (/s$/.test(words) ? words : /^[aeiou]/i.test(words) ? `an ${words}` : `a ${words}`);

/** Every fact of the draft, in the review order, as a sentence with what it cites and what it refers to. */
export function reviewFacts(draft: Draft): ReviewFact[] {
  const byKey = new Map<string, { collection: Collection; fact: Json }>();
  for (const collection of COLLECTIONS) for (const fact of list(draft[collection])) byKey.set(String(fact.key), { collection, fact });
  const name = (key: unknown): string => {
    const found = typeof key === 'string' ? byKey.get(key) : undefined;
    if (!found) return String(key);
    const { collection, fact } = found;
    if (collection === 'positions') return str(fact.title) ?? String(key);
    if (collection === 'agreements') return str(fact.title) ?? String(key);
    if (collection === 'claims') return str(fact.summary) ?? String(key);
    if (collection === 'occupancies') return `${fact.holder ? name(fact.holder) : unnamedOfficial(str(fact.title) ?? 'official')}`;
    return str(fact.name) ?? String(key);
  };
  const names = (keys: unknown) => andList(strings(keys).map(name));
  const reading = (fact: Json) => (typeof fact.reading === 'string' ? ` ${readingMarker(fact.reading)}` : '');
  const aliases = (fact: Json) => {
    const all = [...strings(fact.aliases), ...strings(fact.weakAliases)];
    return all.length ? `, also ${andList(all.map(quoted))}` : '';
  };
  const side = (s: Json) => {
    const who = s.person ? name(s.person) : unnamedOfficial(str(s.role) ?? 'official');
    const details = [s.person ? str(s.role) : undefined, s.country ? name(s.country) : undefined].filter(Boolean);
    return `${who}${details.length ? ` (${details.join(', ')})` : ''}${reading(s)}`;
  };

  const sentence = (collection: Collection, fact: Json): string => {
    switch (collection) {
      case 'countries':
        return `${name(fact.key)}, a country${aliases(fact)}.`;
      case 'places':
        return `${fact.name}, ${article(codeWords(str(fact.kind) ?? 'place'))}${fact.within ? ` in ${name(fact.within)}` : ''}${fact.country ? `${fact.within ? ',' : ' in'} ${name(fact.country)}` : ''}.`;
      case 'bodies':
        return `${fact.name}, ${str(fact.kind) && fact.kind !== 'OTHER' ? article(codeWords(String(fact.kind))) : 'a body'}${fact.country ? ` of ${name(fact.country)}` : ''}${fact.nameAsReported === false ? ' (described, not named, by the text)' : ''}.`;
      case 'people':
        return `${fact.name}, a person${aliases(fact)}.`;
      case 'positions':
        return `The office of ${fact.title}${fact.country ? ` of ${name(fact.country)}` : ''}${fact.body ? `, in ${name(fact.body)}` : ''}.`;
      case 'occupancies': {
        const who = fact.holder ? name(fact.holder) : 'An official the text does not name';
        const position = byKey.get(String(fact.position))?.fact;
        const country = position?.country ? ` of ${name(position.country)}` : '';
        return `${who[0].toUpperCase()}${who.slice(1)} held the office of ${name(fact.position)}${country}${fact.title ? `, as ${quoted(String(fact.title))}` : ''}${reading(fact)}.`;
      }
      case 'events': {
        const participants = list(fact.participants).map((p) => `${p.person ? name(p.person) : unnamedOfficial(str(p.label) ?? 'participant')} (${codeWords(String(p.role))})`);
        return [
          `${fact.name}: ${article(codeWords(str(fact.kind) ?? 'event'))}`,
          fact.date ? ` ${datePhrase(String(fact.date))}` : '',
          fact.place ? ` at ${name(fact.place)}` : '',
          fact.country ? ` in ${name(fact.country)}` : '',
          strings(fact.between).length ? ` between ${names(fact.between)}` : '',
          fact.partOf ? `, part of ${name(fact.partOf)}` : '',
          participants.length ? `; with ${andList(participants)}` : '',
          '.',
        ].join('');
      }
      case 'agreements':
        return [
          `${fact.title}: ${article(codeWords(str(fact.kind) ?? 'document'))}`,
          fact.kindAsReported ? ` (${quoted(String(fact.kindAsReported))})` : '',
          fact.titleAsReported === false ? ' described by the text' : '',
          strings(fact.topics).length ? ` on ${andList(strings(fact.topics))}` : '',
          strings(fact.parties).length ? `, binding ${names(fact.parties)}` : '',
          strings(fact.signatories).length ? `, signed by ${names(fact.signatories)}` : '',
          fact.signedOn ? `, signed ${datePhrase(String(fact.signedOn))}` : '',
          strings(fact.signedDuring).length ? ` during ${names(fact.signedDuring)}` : '',
          reading(fact),
          '.',
        ].join('');
      case 'exchanges': {
        const verb = (fact.verb ?? {}) as Json;
        const wording = verbWording(str(verb.kind));
        const phrase = str(verb.words) ?? wording.phrase;
        const [first, ...others] = list(fact.sides).map(side);
        const documents = names(fact.documents) || 'documents';
        const when = fact.date ? ` ${datePhrase(String(fact.date))}` : '';
        const context = fact.partOf ? `, during ${name(fact.partOf)}` : '';
        if (others.length === 0) return `${first} ${phrase} ${documents}${when}${context}.`;
        if (wording.others === 'with') return `${first} ${phrase} ${documents} with ${andList(others)}${when}${context}.`;
        if (wording.others === 'presence') return `${first} ${phrase} ${documents} in the presence of ${andList(others)}${when}${context}.`;
        return `${andList([first, ...others])} ${phrase} ${documents}${when}${context}.`;
      }
      case 'claims':
        return `${name(fact.speaker)} said (${codeWords(String(fact.kind))}): ${fact.summary}`;
    }
  };

  const facts: ReviewFact[] = [];
  for (const collection of REVIEW_ORDER) {
    for (const fact of list(draft[collection])) {
      const extracted = fact.extracted as { confidence?: number } | undefined;
      facts.push({
        key: String(fact.key),
        collection,
        sentence: sentence(collection, fact),
        label: collection === 'exchanges' ? sentence(collection, fact).replace(/\.$/, '') : name(fact.key),
        confidence: typeof extracted?.confidence === 'number' ? extracted.confidence : undefined,
        spans: factSpans(collection, fact),
        ...factLinks(collection, fact),
      });
    }
  }
  return facts;
}

/** What stays of `kept`: without the facts that cannot be stated without an unticked one (to a fixed point). */
export function standing(facts: ReviewFact[], kept: ReadonlySet<string>): Set<string> {
  const result = new Set(kept);
  for (let changed = true; changed; ) {
    changed = false;
    for (const fact of facts) {
      if (!result.has(fact.key)) continue;
      if (fact.needs.some((key) => !result.has(key)) || (fact.anyOf.length > 0 && fact.anyOf.every((key) => !result.has(key)))) {
        result.delete(fact.key);
        changed = true;
      }
    }
  }
  return result;
}

export interface Change {
  kept: Set<string>;
  /** Other facts unticked (or ticked) with it. */
  also: string[];
  /** Kept facts that no longer mention it (or mention it again). */
  mentioning: string[];
}

/** Unticks `key`, with the facts that cannot be stated without it. */
export function untick(facts: ReviewFact[], kept: ReadonlySet<string>, key: string): Change {
  const without = new Set(kept);
  without.delete(key);
  const next = standing(facts, without);
  return {
    kept: next,
    also: [...without].filter((k) => !next.has(k)),
    mentioning: facts.filter((fact) => next.has(fact.key) && fact.mentions.includes(key)).map((fact) => fact.key),
  };
}

/** Ticks `key`, with what it cannot be stated without (an act gets all its documents back). */
export function tick(facts: ReviewFact[], kept: ReadonlySet<string>, key: string): Change {
  const byKey = new Map(facts.map((fact) => [fact.key, fact]));
  const next = new Set(kept);
  const also: string[] = [];
  const stack = [key];
  next.add(key);
  while (stack.length) {
    const fact = byKey.get(stack.pop()!);
    for (const needed of [...(fact?.needs ?? []), ...(fact?.anyOf ?? [])]) {
      if (next.has(needed) || !byKey.has(needed)) continue;
      next.add(needed);
      also.push(needed);
      stack.push(needed);
    }
  }
  return { kept: next, also, mentioning: facts.filter((fact) => next.has(fact.key) && fact.mentions.includes(key)).map((fact) => fact.key) };
}

/** A fact, side or participant without its mentions of facts that are not kept. */
function withoutMentions(item: Json, model: FactKindModel, kept: ReadonlySet<string>): Json {
  const out: Json = { ...item };
  for (const [field, ref] of Object.entries(model.refs)) {
    if (out[field] === undefined) continue;
    if (ref.many) {
      const left = strings(out[field]).filter((key) => kept.has(key));
      if (left.length) out[field] = left;
      else delete out[field];
    } else if (typeof out[field] === 'string' && !kept.has(out[field] as string)) delete out[field];
  }
  return out;
}

/** The article of the kept facts (those that stand), without mentions of the others, with the spans they cite. */
export function reviewedArticle(draft: Draft, facts: ReviewFact[], kept: ReadonlySet<string>): Draft {
  const stays = standing(facts, kept);
  const out: Draft = { source: draft.source, spans: {} };
  for (const collection of COLLECTIONS) {
    const items = list(draft[collection])
      .filter((fact) => stays.has(String(fact.key)))
      .map((fact) => {
        const edited = withoutMentions(fact, MODEL[collection], stays);
        if (collection === 'exchanges') edited.sides = list(fact.sides).map((side) => withoutMentions(side, MODEL.sides, stays));
        if (collection === 'events' && Array.isArray(fact.participants)) {
          const participants = list(fact.participants)
            .filter((p) => p.person === undefined || stays.has(String(p.person)))
            .map((p) => withoutMentions(p, MODEL.officials, stays));
          if (participants.length) edited.participants = participants;
          else delete edited.participants;
        }
        return edited;
      });
    if (items.length) out[collection] = items;
  }
  const cited = new Set(reviewFacts(out).flatMap((fact) => fact.spans));
  for (const [name, span] of Object.entries(draft.spans)) if (cited.has(name)) out.spans[name] = span;
  return out;
}

export interface TextSegment {
  start: number;
  text: string;
  /** The facts citing this stretch: kept ones and unticked ones apart. */
  kept: string[];
  unticked: string[];
  /** Not the report: masthead, headline, share buttons (never cited). */
  furniture: boolean;
}

/**
 * The text (code points) cut at every span boundary, each piece with the facts that cite it. Spans are the named
 * spans of the draft; which fact cites which comes from `facts`.
 */
export function textSegments(text: string, spans: Record<string, DraftSpan>, facts: ReviewFact[], kept: ReadonlySet<string>, furniture: Array<[number, number]> = []): TextSegment[] {
  const chars = Array.from(text);
  const citing = new Map<string, string[]>();
  for (const fact of facts) for (const span of fact.spans) citing.set(span, [...(citing.get(span) ?? []), fact.key]);
  const cuts = new Set([0, chars.length]);
  const ranges: Array<{ start: number; end: number; facts: string[] }> = [];
  for (const [name, span] of Object.entries(spans)) {
    if (!citing.has(name) || span.end <= span.start || span.end > chars.length) continue;
    ranges.push({ start: span.start, end: span.end, facts: citing.get(name)! });
    cuts.add(span.start).add(span.end);
  }
  for (const [start, end] of furniture) cuts.add(Math.min(start, chars.length)).add(Math.min(end, chars.length));
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = [...new Set(ranges.filter((r) => r.start <= start && r.end >= end).flatMap((r) => r.facts))];
    segments.push({
      start,
      text: chars.slice(start, end).join(''),
      kept: covering.filter((key) => kept.has(key)),
      unticked: covering.filter((key) => !kept.has(key)),
      furniture: furniture.some(([s, e]) => s <= start && e >= end),
    });
  }
  return segments;
}
