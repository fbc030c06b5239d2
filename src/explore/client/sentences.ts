/**
 * Facts as sentences: "Jam Kamal Khan (Commerce Minister, Pakistan) exchanged the Agreement on ... with Viktor
 * Khrenin (Defence Minister, Belarus) at the signing ceremony in Minsk on 11 April 2025." A sentence is a list of
 * parts (text, links to entity pages, marks), with the facts whose evidence it shows. The words of each code are
 * in wording.ts.
 */
import { datePhrase } from './dates';
import {
  claimKind,
  eventInSentence,
  extractedMarker,
  participationVerb,
  readingMarker,
  unnamedOfficial,
  verbWording,
} from './wording';
import {
  entityHref,
  first,
  type ActorRef,
  type Agreement,
  type Claim,
  type EventRef,
  type Exchange,
  type FactMarks,
  type FactRef,
  type Occupancy,
  type Participation,
  type Ref,
  type Side,
  type UnnamedOfficialRef,
} from './model';

export type Part =
  | string
  | { text: string; href: string }
  | { text: string; emphasis: 'unnamed' }
  | { mark: string; tone: 'reading' | 'extracted' | 'note'; title?: string };

export interface Sentence {
  parts: Part[];
  /** The facts whose passages state this sentence. */
  facts: FactRef[];
  /** The date the sentence is about, as stored (for timelines and filters). */
  date?: string | null;
}

/** The sentence as plain text (for tests, titles and screen readers). */
export const sentenceText = (sentence: Sentence): string =>
  sentence.parts.map((part) => (typeof part === 'string' ? part : 'mark' in part ? ` ${part.mark}` : part.text)).join('');

const link = (kind: string, ref: Ref): Part => ({ text: ref.name, href: entityHref(kind, ref.id) });

/** "A", "A and B", "A, B and C" over lists of parts. */
function joinAll(items: Part[][], conjunction = 'and'): Part[] {
  return items.flatMap((item, i) => [...(i === 0 ? [] : [i === items.length - 1 ? ` ${conjunction} ` : ', ']), ...item]);
}

/** The reading and provenance marks of a fact (format v2), when it has them. */
export function marks(fact: FactMarks): Part[] {
  const parts: Part[] = [];
  if (fact.reading) parts.push({ mark: readingMarker(fact.reading), tone: 'reading', title: fact.readingNote ?? undefined });
  if (fact.provenance === 'EXTRACTED') parts.push({ mark: extractedMarker(fact.extractor, fact.confidence), tone: 'extracted' });
  return parts;
}

function withDate(parts: Part[], date: string | null | undefined): Part[] {
  return date ? [...parts, ` ${datePhrase(date)}`] : parts;
}

const end = (parts: Part[], fact: FactMarks): Part[] => [...parts, '.', ...marks(fact)];

/** Countries and bodies: a body's name reads with "the" (the Government of Pakistan). */
function actor(ref: ActorRef): Part[] {
  const article = ref.__typename === 'Body' && !/^the\s/i.test(ref.name) ? 'the ' : '';
  return [article, link(ref.__typename, ref)];
}

/** A side of an exchange: "Viktor Khrenin (Defence Minister, Belarus)", or "an unnamed Internal Affairs Minister (Belarus)". */
export function sideParts(side: Side): Part[] {
  const person = first(side.person);
  const country = first(side.country);
  const resolved = first(side.resolvedPerson);
  const parts: Part[] = person ? [link('Person', person), ` (${side.role}`] : [{ text: unnamedOfficial(side.role), emphasis: 'unnamed' }, ' ('];
  if (country) parts.push(person ? ', ' : '', link('Country', country));
  parts.push(')');
  if (!person && !country) parts.splice(-2, 2);
  if (!person && resolved) {
    parts.push({ mark: '(another source names the holder of this office on that date:', tone: 'note' }, ' ', link('Person', resolved), ')');
  }
  parts.push(...marks(side));
  return parts;
}

function documentsParts(exchange: Exchange): Part[] {
  if (exchange.documents.length === 0) return ['documents'];
  return joinAll(exchange.documents.map((document) => ['the ', { text: document.title, href: entityHref('Agreement', document.id) }]));
}

/**
 * An exchange, worded by its verb, from the side of `focusId` (a person or a country) when it has one:
 * "A exchanged D with B", "A and B signed D", "A presided over the signing of D".
 */
export function exchangeSentence(exchange: Exchange, focusId?: string): Sentence {
  const sides = [...exchange.sides];
  const focus = focusId === undefined ? -1 : sides.findIndex((side) => first(side.person)?.id === focusId || first(side.country)?.id === focusId);
  if (focus > 0) sides.unshift(...sides.splice(focus, 1));
  const [subject, ...others] = sides;
  const wording = verbWording(exchange.verb);
  const subjectParts = subject ? sideParts(subject) : ['Someone the source does not name'];
  const othersParts = joinAll(others.map(sideParts));
  let parts: Part[];
  if (wording.others === 'and' && others.length) {
    parts = [...joinAll([subjectParts, ...others.map(sideParts)]), ` ${wording.phrase} `, ...documentsParts(exchange)];
  } else {
    parts = [...subjectParts, ` ${wording.phrase} `, ...documentsParts(exchange)];
    if (others.length) parts.push(wording.others === 'with' ? ' with ' : ' in the presence of ', ...othersParts);
  }
  if (exchange.verbWords) parts.push({ mark: `(the source: “${exchange.verbWords}”)`, tone: 'note' });
  const ceremony = first(exchange.partOf);
  if (ceremony) parts.push(' at ', { text: eventInSentence(ceremony.name), href: entityHref('Event', ceremony.id) });
  return {
    parts: end(withDate(parts, exchange.date), exchange),
    facts: [{ kind: 'DocumentExchange', id: exchange.id }, ...exchange.sides.map((side) => ({ kind: 'ExchangeSide', id: side.id }))],
    date: exchange.date,
  };
}

/** "Pakistan and Belarus signed the Readmission Agreement on 11 April 2025, binding ..." */
export function agreementSentence(agreement: Agreement, focusId?: string): Sentence {
  const signatories = [...agreement.signatories];
  const focus = signatories.findIndex((signatory) => signatory.id === focusId);
  if (focus > 0) signatories.unshift(...signatories.splice(focus, 1));
  const title: Part = { text: agreement.title, href: entityHref('Agreement', agreement.id) };
  let parts: Part[] = signatories.length
    ? [...joinAll(signatories.map(actor)), ' signed the ', title]
    : ['The ', title, ' was signed (the source names no signatory)'];
  parts = withDate(parts, agreement.signedOn);
  if (agreement.parties.length) parts.push(', binding ', ...joinAll(agreement.parties.map(actor)));
  if (agreement.validFrom || agreement.validTo) {
    parts.push(`, for ${agreement.validFrom ?? '?'}${agreement.validTo && agreement.validTo !== agreement.validFrom ? ` to ${agreement.validTo}` : ''}`);
  }
  return { parts: end(parts, agreement), facts: [{ kind: 'Agreement', id: agreement.id }], date: agreement.signedOn };
}

/** "Viktor Khrenin was Belarusian Defence Minister, as observed on 11 April 2025." */
export function occupancySentence(occupancy: Occupancy, holder?: Ref): Sentence {
  const named = holder ?? first(occupancy.holder);
  const position = first(occupancy.position);
  const office: Part = position ? { text: occupancy.title, href: entityHref('Position', position.id) } : occupancy.title;
  const parts: Part[] = named ? [link('Person', named), ' was ', office] : [{ text: unnamedOfficial(occupancy.title), emphasis: 'unnamed' }, ' was in office'];
  const country = first(position?.country);
  if (country && !occupancy.title.includes(country.name)) parts.push(named ? ' of ' : ' in ', link('Country', country));
  if (occupancy.heldFrom || occupancy.heldUntil) {
    parts.push(`${occupancy.heldFrom ? ` from ${occupancy.heldFrom}` : ''}${occupancy.heldUntil ? ` until ${occupancy.heldUntil}` : ''}`);
  }
  if (occupancy.observedOn) parts.push(`, as observed ${datePhrase(occupancy.observedOn)}`);
  const resolved = first(occupancy.resolvedHolder);
  if (!named && resolved) parts.push(' ', { mark: '(another source names the holder:', tone: 'note' }, ' ', link('Person', resolved), ')');
  return { parts: end(parts, occupancy), facts: [{ kind: 'Occupancy', id: occupancy.id }], date: occupancy.observedOn };
}

/** "Shehbaz Sharif witnessed the signing ceremony in Minsk on 11 April 2025." */
export function participationSentence(person: Ref, { role, event }: Participation): Sentence {
  const parts: Part[] = [link('Person', person), ` ${participationVerb(role, event.kind)} `, { text: eventInSentence(event.name), href: entityHref('Event', event.id) }];
  return { parts: end(withDate(parts, event.date), event), facts: [{ kind: 'Event', id: event.id }], date: event.date };
}

/** "Shehbaz Sharif said (an offer by Belarus, at the joint press stakeout): Belarus has offered ..." */
export function claimSentence(claim: Claim): Sentence {
  const speaker = first(claim.speaker);
  const by = first(claim.actor);
  const at = first(claim.madeAt);
  const parts: Part[] = [speaker ? link('Person', speaker) : 'Someone the source does not name', ` said (${claimKind(claim.kind)}`];
  if (by) parts.push(' by ', link('Country', by));
  if (at) parts.push(', at ', { text: eventInSentence(at.name), href: entityHref('Event', at.id) });
  parts.push(`): ${claim.summary.replace(/\.$/, '')}`);
  return { parts: end(parts, claim), facts: [{ kind: 'Claim', id: claim.id }], date: at?.date };
}

/** Event.officials (format v2): "an unnamed Internal Affairs Minister (Belarus)". */
export function officialParts(official: UnnamedOfficialRef): Part[] {
  const country = first(official.country ?? undefined);
  return [{ text: unnamedOfficial(official.label), emphasis: 'unnamed' }, ...(country ? [' (', link('Country', country), ')'] : [])];
}

/** An event's line on a page: "Signing ceremony in Minsk (signing ceremony) on 11 April 2025." */
export function eventSentence(event: EventRef, words: (kind: string) => string): Sentence {
  const parts: Part[] = [{ text: event.name, href: entityHref('Event', event.id) }, ` (${words(event.kind)})`];
  const place = first(event.place);
  if (place) parts.push(' at ', link('Place', place));
  return { parts: end(withDate(parts, event.date), event), facts: [{ kind: 'Event', id: event.id }], date: event.date };
}
