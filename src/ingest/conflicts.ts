/**
 * Articles that contradict each other. Two reports of one event that differ on its date, or of one agreement that
 * differ on when it was signed or by whom, would otherwise load as two events, two agreements or one agreement
 * with four signers, and nobody would know. Both stay in the graph as their sources state them (neither is
 * merged into the other nor dropped): the conflict is reported, naming both sources and what differs.
 *
 * "Likely the same" is a judgement, kept narrow so that the warnings are worth reading:
 * - two events: the same kind; stated at the same place or between the same countries (and contradicting neither);
 *   sharing a named participant (required unless both the place and the countries are the same), the people one
 *   names all among those the other names (a report may name fewer, not others); on dates that do not overlap but lie at most `NEAR_DAYS` apart (events
 *   further apart are read as recurring talks or visits, not as one event);
 * - two agreements: the same title (ignoring case), binding or signed by a common actor (or neither stating any),
 *   not signed far apart (a renewed programme keeps its title); signed on dates that do not overlap but lie at most
 *   `NEAR_DAYS` apart, or signed by different countries or bodies;
 * - one agreement (or two as above): for one country and one act (signed, exchanged, initialled...), the people
 *   one source names and the people another names have nobody in common.
 * Facts stated by a common source are never in conflict: an article may well report two meetings.
 *
 * This module is pure (sketches of facts, compared); conflict-lookup.ts finds the candidates in the graph.
 */
import { MODEL, SIDES_SIGN, type SigningVerb } from '../model/facts';
import type { AssertionSet } from './assertions';
import { ids, tail } from './ids';

/** Dates further apart than this are read as two events (or two documents), not as a contradiction. */
export const NEAR_DAYS = 31;

/** What identifies an event, as the graph or an article states it. Ids are resolved ids; sources are Source ids. */
export interface EventSketch {
  id: string;
  name: string;
  kind: string;
  date: string | null;
  places: string[];
  between: string[];
  participants: string[];
  sources: string[];
}

/** A person named on a side of an act on an agreement, by the sources that name them. */
export interface Signer {
  verb: string;
  country: string | null;
  person: string;
  sources: string[];
}

export interface AgreementSketch {
  id: string;
  title: string;
  signedOn: string | null;
  parties: string[];
  signatories: string[];
  signers: Signer[];
  sources: string[];
}

export interface Statement {
  value: string;
  /** The article ids (source.id) that state it. */
  sources: string[];
}

export interface Conflict {
  kind: 'EVENT' | 'AGREEMENT';
  /** The facts: two that are likely one, or one agreement its sources disagree about. */
  facts: Array<{ id: string; name: string }>;
  /** Each field that differs, and what each side states. */
  differences: Array<{ field: string; statements: Statement[] }>;
}

const unique = (values: Iterable<string>) => [...new Set(values)].sort();
const intersects = (a: readonly string[], b: readonly string[]) => a.some((value) => b.includes(value));
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));
const articleIds = (sources: readonly string[]) => unique(sources.map(tail));
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

// ---- sketches of what an article asserts -------------------------------------------------------------------------

export function sketchArticle(set: AssertionSet): { events: EventSketch[]; agreements: AgreementSketch[] } {
  const sources = [ids.source(set.sourceId)];
  const targets = (from: string, type: string) => set.relationships.filter((r) => r.from === from && r.type === type).map((r) => r.to);
  const origins = (to: string, type: string) => set.relationships.filter((r) => r.to === to && r.type === type).map((r) => r.from);
  const hasLabel = (labels: string[], label: string) => labels.includes(label);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);

  const events = set.nodes
    .filter((node) => hasLabel(node.labels, 'Event') && !hasLabel(node.labels, 'DocumentExchange'))
    .map((node) => ({
      id: node.id,
      name: String(node.props.name),
      kind: String(node.props.kind),
      date: text(node.props.date),
      places: unique(targets(node.id, MODEL.events.refs.place.type)),
      between: unique(targets(node.id, MODEL.events.refs.between.type)),
      participants: unique(origins(node.id, 'PARTICIPATED_IN').filter((from) => from.startsWith('person:'))),
      sources,
    }));

  const acts = set.nodes.filter((node) => hasLabel(node.labels, 'DocumentExchange'));
  const agreements = set.nodes
    .filter((node) => hasLabel(node.labels, 'Agreement'))
    .map((node) => ({
      id: node.id,
      title: String(node.props.title),
      signedOn: text(node.props.signedOn),
      parties: unique(targets(node.id, MODEL.agreements.refs.parties.type)),
      signatories: unique(targets(node.id, MODEL.agreements.refs.signatories.type)),
      signers: acts
        .filter((act) => targets(act.id, MODEL.exchanges.refs.documents.type).includes(node.id))
        .flatMap((act) =>
          targets(act.id, 'HAS_SIDE').flatMap((side) =>
            targets(side, MODEL.sides.refs.person.type).map((person) => ({
              verb: String(act.props.verb),
              country: targets(side, MODEL.sides.refs.country.type)[0] ?? null,
              person,
              sources,
            })),
          ),
        ),
      sources,
    }));
  return { events, agreements };
}

/** One sketch per fact: what several sources (the graph, articles of this run) state of one fact, together. */
export function mergeSketches<T extends EventSketch | AgreementSketch>(sketches: Iterable<T>): Map<string, T> {
  const byId = new Map<string, T>();
  for (const sketch of sketches) {
    const known = byId.get(sketch.id);
    if (!known) {
      byId.set(sketch.id, sketch);
      continue;
    }
    const merged: Record<string, unknown> = { ...known };
    for (const [field, value] of Object.entries(sketch)) {
      const before = (known as unknown as Record<string, unknown>)[field];
      if (Array.isArray(value) && Array.isArray(before)) {
        merged[field] = field === 'signers' ? uniqueSigners([...(before as Signer[]), ...(value as Signer[])]) : unique([...before, ...value]);
      }
    }
    byId.set(sketch.id, merged as T);
  }
  return byId;
}

function uniqueSigners(signers: Signer[]): Signer[] {
  const byKey = new Map<string, Signer>();
  for (const signer of signers) {
    const key = `${signer.verb}|${signer.country}|${signer.person}`;
    const known = byKey.get(key);
    byKey.set(key, known ? { ...known, sources: unique([...known.sources, ...signer.sources]) } : signer);
  }
  return [...byKey.values()];
}

// ---- dates -------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** The days a date may mean, first and last (2025: the whole year; 2015/2016: both years). */
export function dateRange(date: string): [number, number] | undefined {
  const [from, to = from] = date.split('/');
  const first = bound(from, 'first');
  const last = bound(to, 'last');
  return first !== undefined && last !== undefined ? [first, last] : undefined;
}

function bound(date: string, which: 'first' | 'last'): number | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined];
  if (which === 'first') return Date.UTC(year, (month ?? 1) - 1, day ?? 1) / DAY_MS;
  if (day !== undefined) return Date.UTC(year, month! - 1, day) / DAY_MS;
  // The last day of the month (or of the year): the day before the next one starts.
  return Date.UTC(month === undefined ? year + 1 : year, month ?? 0, 1) / DAY_MS - 1;
}

/** The years a date near this one may fall in (for a lookup that reads only those years' events). */
export function nearYears(date: string | null): string[] {
  const range = date ? dateRange(date) : undefined;
  if (!range) return [];
  const year = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
  const years: string[] = [];
  for (let y = year(range[0] - NEAR_DAYS); y <= year(range[1] + NEAR_DAYS); y++) years.push(String(y));
  return years;
}

/** Days between two dates' ranges (0 or less: they may mean the same day); undefined when either is not a date. */
function gapInDays(a: string, b: string): number | undefined {
  const [ra, rb] = [dateRange(a), dateRange(b)];
  return ra && rb ? Math.max(ra[0], rb[0]) - Math.min(ra[1], rb[1]) : undefined;
}

/** True when two dates may mean the same day (2025-03 and 2025-03-13). */
export function datesOverlap(a: string, b: string): boolean {
  const gap = gapInDays(a, b);
  return gap !== undefined && gap <= 0;
}

/** True when two dates cannot mean the same day, yet lie at most NEAR_DAYS apart. */
export function datesContradict(a: string | null, b: string | null): boolean {
  const gap = a && b ? gapInDays(a, b) : undefined;
  return gap !== undefined && gap > 0 && gap <= NEAR_DAYS;
}

// ---- comparisons -------------------------------------------------------------------------------------------------

const disjointSources = (a: { sources: string[] }, b: { sources: string[] }) => !intersects(a.sources, b.sources);

/** The differences that make two events likely one event told two ways, or none. */
export function compareEvents(a: EventSketch, b: EventSketch): Conflict | undefined {
  if (a.id === b.id || a.kind !== b.kind || !disjointSources(a, b)) return undefined;
  const placesStated = a.places.length > 0 && b.places.length > 0;
  const sidesStated = a.between.length > 0 && b.between.length > 0;
  if ((placesStated && !intersects(a.places, b.places)) || (sidesStated && !sameSet(a.between, b.between))) return undefined;
  if (!placesStated && !sidesStated) return undefined;
  // A place alone (a capital hosts many ceremonies) or the countries alone do not make one event: a shared person
  // does. A report may name fewer of the people, but not others: a host receiving two visitors is two events.
  const sharePerson = intersects(a.participants, b.participants);
  if (!(placesStated && sidesStated) && !sharePerson) return undefined;
  const within = (x: string[], y: string[]) => x.every((person) => y.includes(person));
  const named = a.participants.length > 0 && b.participants.length > 0;
  if (named && !within(a.participants, b.participants) && !within(b.participants, a.participants)) return undefined;
  if (!datesContradict(a.date, b.date)) return undefined;
  const pair = [a, b].sort(byId);
  return {
    kind: 'EVENT',
    facts: pair.map((event) => ({ id: event.id, name: event.name })),
    differences: [{ field: 'date', statements: pair.map((event) => ({ value: event.date!, sources: articleIds(event.sources) })) }],
  };
}

/** The differences between two agreements likely one document (or, with `a === b`, within one agreement), or none. */
export function compareAgreements(a: AgreementSketch, b: AgreementSketch): Conflict | undefined {
  const differences: Conflict['differences'] = [];
  if (a.id !== b.id) {
    if (a.title.toLowerCase() !== b.title.toLowerCase() || !disjointSources(a, b)) return undefined;
    const [actorsA, actorsB] = [[...a.parties, ...a.signatories], [...b.parties, ...b.signatories]];
    if (actorsA.length > 0 && actorsB.length > 0 && !intersects(actorsA, actorsB)) return undefined;
    if (a.parties.length > 0 && b.parties.length > 0 && !intersects(a.parties, b.parties)) return undefined;
    // Signed far apart: two documents of one title (a programme renewed), whoever signed them.
    if (a.signedOn && b.signedOn && !datesContradict(a.signedOn, b.signedOn) && !datesOverlap(a.signedOn, b.signedOn)) return undefined;
    const statements = (value: (agreement: AgreementSketch) => string) =>
      [a, b].sort(byId).map((agreement) => ({ value: value(agreement), sources: articleIds(agreement.sources) }));
    if (datesContradict(a.signedOn, b.signedOn)) differences.push({ field: 'signedOn', statements: statements((x) => x.signedOn!) });
    if (a.signatories.length > 0 && b.signatories.length > 0 && !sameSet(a.signatories, b.signatories)) {
      differences.push({ field: 'signatories', statements: statements((x) => x.signatories.map(tail).join(', ')) });
    }
  }
  if (a.id === b.id) differences.push(...signerDifferences(a.signers));
  else {
    // What one agreement's own sources disagree on is reported with that agreement alone.
    const within = new Set([...signerDifferences(a.signers), ...signerDifferences(b.signers)].map((difference) => difference.field));
    differences.push(...signerDifferences([...a.signers, ...b.signers]).filter((difference) => !within.has(difference.field)));
  }
  if (differences.length === 0) return undefined;
  return { kind: 'AGREEMENT', facts: unique([a.id, b.id]).map((id) => ({ id, name: id === a.id ? a.title : b.title })), differences };
}

/** For each act that signs (SIDES_SIGN) and each country: sources that name people, none of them in common. */
function signerDifferences(signers: Signer[]): Conflict['differences'] {
  const groups = new Map<string, Map<string, Set<string>>>();
  for (const signer of signers) {
    if (!SIDES_SIGN.has(signer.verb as SigningVerb)) continue;
    const key = `${signer.verb}|${signer.country ?? ''}`;
    const bySource = groups.get(key) ?? new Map<string, Set<string>>();
    groups.set(key, bySource);
    for (const source of signer.sources) bySource.set(source, (bySource.get(source) ?? new Set()).add(signer.person));
  }
  const differences: Conflict['differences'] = [];
  for (const [key, bySource] of [...groups].sort(([x], [y]) => x.localeCompare(y))) {
    const named = [...bySource].map(([source, people]) => ({ source, people: [...people].sort() }));
    const disagree = named.some((x, i) => named.slice(i + 1).some((y) => !intersects(x.people, y.people)));
    if (!disagree) continue;
    const [verb, country] = key.split('|');
    // Sources that name the same people read as one statement.
    const statements = new Map<string, string[]>();
    for (const { source, people } of named) {
      const value = people.map(tail).join(', ');
      statements.set(value, [...(statements.get(value) ?? []), tail(source)]);
    }
    differences.push({
      field: `signers (${verb.toLowerCase()}${country ? `, for ${tail(country)}` : ''})`,
      statements: [...statements]
        .map(([value, sources]) => ({ value, sources: unique(sources) }))
        .sort((x, y) => x.sources[0].localeCompare(y.sources[0])),
    });
  }
  return differences;
}

// ---- finding the pairs -------------------------------------------------------------------------------------------

/** Where an event is looked up: its kind at each of its places, and its kind between its countries. */
export const eventAnchors = (event: EventSketch) => [
  ...event.places.map((place) => `${event.kind}|at|${place}`),
  ...(event.between.length > 0 ? [`${event.kind}|between|${[...event.between].sort().join('|')}`] : []),
];
const agreementAnchors = (agreement: AgreementSketch) => [agreement.title.toLowerCase()];

/**
 * Where to look for a fact's likely twins: under each of its anchors (kind and place, title...), in windows of
 * NEAR_DAYS days, so that a fact is compared only with the facts dated near it (and with the undated ones, when an
 * undated fact can be in conflict at all), not with every fact of a busy anchor (a capital's meetings over the
 * years): a large run stays linear in its facts instead of quadratic in each anchor's.
 */
class CandidateIndex<T extends { id: string }> {
  private readonly byAnchor = new Map<string, { undated: T[]; windows: Map<number, T[]> }>();

  constructor(
    facts: Iterable<T>,
    private readonly anchors: (fact: T) => string[],
    private readonly dateOf: (fact: T) => string | null,
    /** Whether a fact without a date may be in conflict (an agreement's signers) or never (an event's date). */
    private readonly undatedCount: boolean,
  ) {
    for (const fact of facts) {
      const range = this.range(fact);
      if (!range && !undatedCount) continue;
      for (const anchor of anchors(fact)) {
        let entry = this.byAnchor.get(anchor);
        if (!entry) this.byAnchor.set(anchor, (entry = { undated: [], windows: new Map() }));
        if (!range) entry.undated.push(fact);
        else for (let w = window(range[0]); w <= window(range[1]); w++) push(entry.windows, w, fact);
      }
    }
  }

  private range(fact: T): [number, number] | undefined {
    const date = this.dateOf(fact);
    return date ? dateRange(date) : undefined;
  }

  /** The fact itself, and every fact that shares an anchor with it and may lie at most NEAR_DAYS from it. */
  candidates(fact: T): Set<T> {
    const found = new Set<T>([fact]);
    const range = this.range(fact);
    if (!range && !this.undatedCount) return found;
    for (const anchor of this.anchors(fact)) {
      const entry = this.byAnchor.get(anchor);
      if (!entry) continue;
      for (const other of entry.undated) found.add(other);
      if (!range) {
        for (const facts of entry.windows.values()) for (const other of facts) found.add(other);
        continue;
      }
      for (let w = window(range[0] - NEAR_DAYS); w <= window(range[1] + NEAR_DAYS); w++) {
        for (const other of entry.windows.get(w) ?? []) found.add(other);
      }
    }
    return found;
  }
}

const window = (day: number) => Math.floor(day / NEAR_DAYS);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The conflicts of `subjects` (facts of the articles just loaded) with every fact in `known` (the same facts and
 * the candidates the graph holds); each pair is reported once.
 */
export function conflictsOf(
  subjects: { events: Iterable<string>; agreements: Iterable<string> },
  known: { events: Map<string, EventSketch>; agreements: Map<string, AgreementSketch> },
): Conflict[] {
  const conflicts = new Map<string, Conflict>();
  const collect = <T extends { id: string }>(ids: Iterable<string>, all: Map<string, T>, index: CandidateIndex<T>, compare: (a: T, b: T) => Conflict | undefined) => {
    for (const id of ids) {
      const fact = all.get(id);
      if (!fact) continue;
      for (const other of index.candidates(fact)) {
        const key = unique([fact.id, other.id]).join('~');
        if (conflicts.has(key)) continue;
        const conflict = compare(fact, other);
        if (conflict) conflicts.set(key, conflict);
      }
    }
  };
  // An event's conflict is its date: undated events have none. Undated agreements may differ on their signers.
  collect(subjects.events, known.events, new CandidateIndex(known.events.values(), eventAnchors, (event) => event.date, false), compareEvents);
  collect(
    subjects.agreements,
    known.agreements,
    new CandidateIndex(known.agreements.values(), agreementAnchors, (agreement) => agreement.signedOn, true),
    compareAgreements,
  );
  // In a stable order: events, then agreements, each by the id of its first fact.
  const rank = (conflict: Conflict) => (conflict.kind === 'EVENT' ? 0 : 1);
  return [...conflicts.values()].sort((x, y) => rank(x) - rank(y) || byId(x.facts[0], y.facts[0]));
}

/** One line per conflict, for the ingest summary and the report. */
export function formatConflict(conflict: Conflict): string {
  const facts = conflict.facts.map((fact) => `"${fact.name}" (${fact.id})`).join(' and ');
  const what = conflict.facts.length > 1 ? `${facts} are likely one ${conflict.kind.toLowerCase()}` : `${facts}: its sources disagree`;
  const differences = conflict.differences.map(
    (difference) => `${difference.field}: ${difference.statements.map((s) => `${s.value || '(none)'} (${s.sources.join(', ')})`).join(' vs ')}`,
  );
  return `${what}; ${differences.join('; ')}`;
}
