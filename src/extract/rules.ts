/**
 * The extraction rules: from CoreNLP's tokens, parts of speech and named entities to the facts of a report. Each
 * family is one function over the annotated text; together they build a `Reading`, which draft.ts turns into an
 * article of format v2. Rules never make up words: every name, title and role is words of the text, and what the
 * text implies rather than states carries a reading.
 */
import type { EntityMention } from '../corenlp/annotation';
import type { SigningVerb } from '../model/facts';
import type { Reading as FactReading } from '../ingest/format';
import { AnnotatedText, type Cited } from './document';
import { tableActs } from './tables';
import {
  ACT_VERBS,
  BODY_KINDS,
  countryAt,
  countryOf,
  DOCUMENT_HEADS,
  HONORIFICS,
  KIND_WORDS,
  NOT_SIGNED_CUES,
  type AgreementKind,
} from './lexicon';

export interface XCountry {
  iso: string;
  name: string;
  forms: Set<string>;
  evidence: Cited[];
  mentions: number;
}
export interface XBody {
  name: string;
  /** Other printed forms of the name (State Authority for Military Industry of Belarus). */
  aliases?: Set<string>;
  kind: (typeof BODY_KINDS)[number][1];
  country?: string;
  nameAsReported: boolean;
  evidence: Cited[];
}
export interface XPlace {
  name: string;
  kind: 'CITY' | 'REGION' | 'VENUE';
  country?: string;
  evidence: Cited[];
}
/** An office title as printed, and what it says. */
export interface XTitle {
  /** The words as printed (Belarusian Defence Minister). */
  printed: string;
  /** The office without country words (Defence Minister). */
  position: string;
  country?: string;
  body?: string;
  evidence: Cited;
  from: number;
  to: number;
  reading?: FactReading;
}
export interface XPerson {
  name: string;
  aliases: Set<string>;
  weakAliases: Set<string>;
  evidence: Cited[];
  titles: XTitle[];
  /** Token ranges of its mentions. */
  spans: [number, number][];
}
export type XActor = { country: string } | { body: XBody } | { place: XPlace };
export interface XAgreement {
  title: string;
  titleAsReported: boolean;
  kind: AgreementKind;
  kindAsReported?: string;
  topics: string[];
  parties: XActor[];
  signatories: XActor[];
  signedOn?: string;
  evidence: Cited[];
  reading?: FactReading;
  confidence: number;
  from: number;
  to: number;
  /** Later mentions that refer back to it ("The agreement between the Los Lagos Region and Nordland County"). */
  mentions?: number[];
}
export interface XSide {
  person?: XPerson;
  titles: XTitle[];
  role: string;
  country?: string;
  reading?: FactReading;
  evidence: Cited;
}
export interface XAct {
  verb: SigningVerb;
  words: string;
  date?: string;
  documents: XAgreement[];
  sides: XSide[];
  evidence: Cited;
  confidence: number;
}
export interface XParticipant {
  person?: XPerson;
  label?: string;
  country?: string;
  role: 'VISITOR' | 'HOST' | 'PARTICIPANT' | 'WITNESS' | 'SPEAKER' | 'PRESIDING';
  evidence?: Cited;
}
export interface XEvent {
  kind: 'VISIT' | 'MEETING' | 'TALKS' | 'SIGNING_CEREMONY' | 'PRESS_EVENT';
  name: string;
  date?: string;
  reading?: FactReading;
  place?: XPlace;
  country?: string;
  between: string[];
  participants: XParticipant[];
  evidence: Cited[];
}

export interface Reading {
  countries: XCountry[];
  places: XPlace[];
  bodies: XBody[];
  people: XPerson[];
  /** Titles with no named holder that act or take part (the Kenyan Minister of Foreign Affairs). */
  unnamed: XTitle[];
  agreements: XAgreement[];
  acts: XAct[];
  events: XEvent[];
}

/** Words that make a name an organisation's: a body named in a title has one (or is an acronym). */
const ORGANISATION_HEAD = /\b(ministry|government|cabinet|council|commission|committee|board|agency|bank|fund|organi[sz]ation|union|association|institute|university|academy|company|corporation|group|forum|court|office|embassy|authority|service|bureau|chamber|federation|parliament|assembly|department|administration|inspectorate|secretariat|centre|center|directorate|police|army|navy|force|party)\b/i;

/** Office heads: a title ends with one of these (Minister, President...). */
const FINAL_HEADS = new Set([
  'minister', 'ministers', 'president', 'premier', 'chancellor', 'ambassador', 'envoy', 'consul', 'chairman', 'chairwoman',
  'chairperson', 'chair', 'co-chair', 'secretary', 'secretary-general', 'governor', 'mayor', 'director', 'director-general',
  'head', 'commissioner', 'speaker', 'senator', 'king', 'queen', 'emir', 'sultan', 'ceo', 'administrator', 'rector',
  'representative', 'vice-president', 'vice-chairman', 'deputy', 'undersecretary', 'negotiator',
]);
const RUN_CONNECTORS = new Set(['of', 'for', 'and', 'the', '&']);

function isPersonToken(text: AnnotatedText, i: number): boolean {
  const token = text.tokens[i];
  return token?.ner === 'PERSON' && token.pos !== 'PRP' && token.pos !== 'PRP$';
}

// ---------------------------------------------------------------------------------------------------------------
// Countries, bodies, places

export function findCountries(text: AnnotatedText): XCountry[] {
  const found = new Map<string, XCountry>();
  for (const mention of text.mentions) {
    if (mention.ner !== 'COUNTRY' && mention.ner !== 'NATIONALITY' && mention.ner !== 'LOCATION') continue;
    const entry = countryOf(mention.text);
    if (!entry) continue;
    const country = found.get(entry.iso) ?? { iso: entry.iso, name: entry.name, forms: new Set<string>(), evidence: [], mentions: 0 };
    country.mentions++;
    if (mention.text !== entry.name) country.forms.add(mention.text);
    if (country.evidence.length < 2) country.evidence.push({ start: mention.start, end: mention.end, quote: mention.text });
    found.set(entry.iso, country);
  }
  // A name printed for the country (rather than only an adjective) is its name.
  for (const country of found.values()) {
    const printedName = [...country.forms].find((form) => !/(an|ian|ese|ish|i|ic|ean|ine|ch)$/.test(form) && !/^the /i.test(form));
    if (printedName && ![...country.forms].includes(country.name)) {
      // keep the package's common name only when the text prints it; else the printed name
      const printsCommon = text.text.includes(country.name);
      if (!printsCommon) {
        country.forms.delete(printedName);
        country.forms.add(country.name);
        country.name = printedName;
        country.forms.delete(printedName);
      }
    }
    if (!text.text.includes(country.name)) {
      // Only adjectives: the country's name is the adjective's country, which the ISO code identifies.
    }
  }
  return [...found.values()].sort((a, b) => b.mentions - a.mentions);
}

function bodyKind(name: string): XBody['kind'] {
  for (const [pattern, kind] of BODY_KINDS) if (pattern.test(name)) return kind;
  return 'OTHER';
}

/** The country a body's name states: an adjective or a country in it. */
function countryInWords(words: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const match = countryAt(words, i);
    if (match) return match.entry.iso;
  }
  return undefined;
}

/**
 * "of the Republic of Belarus", "of the Kyrgyz Republic" at token i: a country's formal name closing a body's name
 * (National Bank of the Republic of Kazakhstan). Plain "of Belarus" is not a formal name: it states the country.
 */
function formalCountryAfter(text: AnnotatedText, i: number): { end: number; iso: string } | undefined {
  if (text.lower(i) !== 'of') return undefined;
  const k = text.lower(i + 1) === 'the' ? i + 2 : i + 1;
  const words = text.tokens.slice(k, k + 6).map((t) => t.word);
  const match = countryAt(words, 0);
  if (!match || match.adjective || !/\b(Republic|Kingdom|Federation|Principality|Sultanate|Emirates|Confederation|State)\b/.test(words.slice(0, match.length).join(' '))) return undefined;
  return { end: k + match.length, iso: match.entry.iso };
}

/** A body's name without a country closing it ("... of Belarus", "... of the Republic of Belarus"), for comparison. */
function bodyStem(name: string): string {
  const of = /\s+of\s+(the\s+)?([A-Z][\w ]+)$/.exec(name);
  return (of && countryOf(of[2]) ? name.slice(0, of.index) : name).toLowerCase();
}

/** The body a name or alias names (case-insensitive). */
export function bodyNamed(bodies: XBody[], name: string): XBody | undefined {
  const lower = name.toLowerCase();
  return bodies.find((b) => b.name.toLowerCase() === lower || [...(b.aliases ?? [])].some((a) => a.toLowerCase() === lower));
}

export function findBodies(text: AnnotatedText, inside: [number, number][] = []): XBody[] {
  const found = new Map<string, XBody>();
  for (const mention of text.mentions) {
    if (mention.ner !== 'ORGANIZATION') continue;
    // Words of an office title or of a document's title ("Minister of Agriculture and Rural Development").
    if (inside.some(([a, b]) => mention.tokenStart >= a && mention.tokenEnd <= b && !/^(the )?(government|ministry|national bank|embassy|state authority)/i.test(mention.text))) continue;
    if (!/^\p{Lu}/u.test(mention.text) || /^[A-Z][a-z]+$/.test(mention.text) && !/^[A-Z]{2,}$/.test(mention.text)) continue;
    let name = mention.text.replace(/^the\s+/i, '');
    const words = name.split(/\s+/);
    if (words.length === 1 && (countryOf(name) || /^[A-Z]{2,6}s$/.test(name))) continue;
    if (countryOf(name)) continue;
    // "MOSCOW, Oct 2 (Example Agency) -": the credit of a dateline, not a body of the report.
    const inParentheses = /^(\(|-LRB-)$/.test(text.tokens[mention.tokenStart - 1]?.word ?? '') && /^(\)|-RRB-)$/.test(text.tokens[mention.tokenEnd]?.word ?? '');
    const nearLineStart = !text.text.slice(Math.max(0, mention.start - 60), mention.start).includes('\n') ? mention.start < 60 : /\n[^\n]{0,60}$/.test(text.text.slice(Math.max(0, mention.start - 61), mention.start));
    if (inParentheses && nearLineStart && /^(-|--|–|—)$/.test(text.tokens[mention.tokenEnd + 1]?.word ?? '')) continue;
    // "memorandums of understanding (MoUs)": a document, not a body.
    if (mention.tokenEnd - mention.tokenStart === 1 && headKind(text, mention.tokenStart)) continue;
    // "Belarusian Internal Affairs" (a title's words), "Palace": not bodies. Nor names without an organisation's head
    // word ("La Paz", "Border Trade": places and topics CoreNLP tags as organisations), unless an acronym (SOCAR).
    if (/\b(palace|hotel|hall|house|centre|center|square)\b/i.test(name)) continue;
    if (!ORGANISATION_HEAD.test(name) && bodyKind(name) === 'OTHER' && !/^[A-Z][A-Z&]+$/.test(name)) continue;
    const tokenAfter = text.tokens[mention.tokenEnd];
    if (tokenAfter && /^(minister|ministers)$/i.test(tokenAfter.word)) continue;
    let country = countryInWords(words);
    let begin = mention.start;
    let end = mention.end;
    // "Sri Lanka Export Development Council": a country's name printed before the body's is part of it.
    const possessive = text.tokens[mention.tokenStart - 1]?.pos === 'POS';
    for (let length = 3; length >= 1 && !possessive && ORGANISATION_HEAD.test(name); length--) {
      const at = mention.tokenStart - length;
      const match = at >= 0 ? countryAt(text.tokens.slice(at, mention.tokenStart).map((t) => t.word), 0) : undefined;
      if (!match || match.adjective || match.length !== length || text.tokens[at - 1]?.word === ',') continue;
      begin = text.tokens[at].start;
      name = text.quote(begin, mention.end);
      country = match.entry.iso;
      break;
    }
    // "State Authority for Military Industry of the Republic of Belarus": the formal name of its country is part of it.
    const formal = bodyKind(name) !== 'OTHER' ? formalCountryAfter(text, mention.tokenEnd) : undefined;
    if (formal) {
      end = text.tokens[formal.end - 1].end;
      name = text.quote(begin, end).replace(/^the\s+/i, '');
      country = formal.iso;
    }
    // "of Belarus" at the end states the country; the name keeps it only when it is part of a proper name.
    const ofCountry = /\s+of\s+(the\s+)?([A-Z][\w ]+)$/.exec(name);
    if (!formal && ofCountry && countryOf(ofCountry[2]) && !/^(Republic|Kingdom|State)/.test(ofCountry[2])) {
      country = countryOf(ofCountry[2])!.iso;
      if (!/^(government|ministry|embassy|national|central)/i.test(name)) name = name.slice(0, ofCountry.index);
    }
    const key = name.toLowerCase();
    const body = found.get(key) ?? { name, kind: bodyKind(name), country, nameAsReported: true, evidence: [] };
    if (body.evidence.length < 2) body.evidence.push({ start: begin, end, quote: text.quote(begin, end) });
    found.set(key, body);
  }
  // One body under two forms of its name: the longer is its name, the other an alias.
  const bodies = [...found.values()];
  for (const short of [...bodies]) {
    // Also a later short form that ends the full name ("the Business Council" of "Uzbek-Indonesian Business Council"),
    // when it is the only body it could be.
    const endsOf = bodies.filter((b) => b !== short && short.name.split(' ').length >= 2 && b.name.toLowerCase().endsWith(` ${short.name.toLowerCase()}`) && (b.evidence[0]?.start ?? 0) < (short.evidence[0]?.start ?? 0));
    const long =
      bodies.find((b) => b !== short && b.name.length > short.name.length && bodyStem(b.name) === bodyStem(short.name) && b.country === (short.country ?? b.country)) ??
      (endsOf.length === 1 ? endsOf[0] : undefined);
    if (!long) continue;
    (long.aliases ??= new Set()).add(short.name);
    for (const e of short.evidence) if (long.evidence.length < 3 && !long.evidence.some((k) => k.start === e.start)) long.evidence.push(e);
    bodies.splice(bodies.indexOf(short), 1);
  }
  return bodies;
}

export function findPlaces(text: AnnotatedText): XPlace[] {
  const found = new Map<string, XPlace>();
  for (const mention of text.mentions) {
    if (mention.ner !== 'CITY' && mention.ner !== 'STATE_OR_PROVINCE') continue;
    const name = /^[A-Z\s]+$/.test(mention.text) && mention.text.length > 3
      ? mention.text.charAt(0) + mention.text.slice(1).toLowerCase()
      : mention.text;
    const key = name.toLowerCase();
    const place = found.get(key) ?? { name, kind: mention.ner === 'CITY' ? 'CITY' : 'REGION', evidence: [] };
    // "Hanoi, Vietnam": the country is stated.
    const comma = text.tokens[mention.tokenEnd];
    if (comma?.word === ',' && !place.country) {
      const words = text.tokens.slice(mention.tokenEnd + 1, mention.tokenEnd + 6).map((t) => t.word);
      const match = countryAt(words, 0);
      if (match && !match.adjective) place.country = match.entry.iso;
    }
    if (mention.text === name && place.evidence.length < 2) place.evidence.push({ start: mention.start, end: mention.end, quote: mention.text });
    else if (place.evidence.length < 2) place.evidence.push({ start: mention.start, end: mention.end, quote: mention.text });
    found.set(key, place);
  }
  return [...found.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Titles and people

/** Runs of capitalised words and connectors that contain an office head (Deputy Prime Minister and Foreign Minister). */
function titleRuns(text: AnnotatedText): [number, number][] {
  const runs: [number, number][] = [];
  for (const sentence of text.annotation.sentences) {
    let i = sentence.tokenStart;
    while (i < sentence.tokenEnd) {
      if (!isTitleWord(text, i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < sentence.tokenEnd) {
        if (isTitleWord(text, j)) j++;
        else if (isPossessive(text, j) && j > i) j++;
        else if (RUN_CONNECTORS.has(text.lower(j)) && j + 1 < sentence.tokenEnd && (isTitleWord(text, j + 1) || (text.lower(j + 1) === 'the' && isTitleWord(text, j + 2)))) j++;
        else if (text.lower(j) === 'to' && j > i && envoyCountry(text, j)) j++;
        else if (text.tokens[j].word === ',' && isTitleWord(text, j + 1) && !isPersonToken(text, j + 1) && listInTitle(text, j + 1, sentence.tokenEnd)) j++;
        else break;
      }
      let start = i;
      while (start < j && ['the', 'and', 'of', 'for'].includes(text.lower(start))) start++;
      let end = j;
      while (end > start && RUN_CONNECTORS.has(text.lower(end - 1))) end--;
      let hasHead = false;
      for (let k = start; k < end; k++) if (FINAL_HEADS.has(text.lower(k))) hasHead = true;
      if (hasHead && end > start) runs.push([start, end]);
      i = Math.max(j, i + 1);
    }
  }
  return runs;
}

/** "to Sri Lanka", "to the UAE" after an envoy's office at token i ("to"): the country where the envoy serves. */
function envoyCountry(text: AnnotatedText, i: number): boolean {
  const at = text.lower(i + 1) === 'the' ? i + 2 : i + 1;
  const match = countryAt(text.tokens.slice(at, at + 5).map((t) => t.word), 0);
  return match !== undefined && !match.adjective;
}

/** ", Industry and Trade of Uzbekistan": a list of capitalised words that goes on to "and" inside a title. */
function listInTitle(text: AnnotatedText, from: number, limit: number): boolean {
  for (let k = from; k < Math.min(limit, from + 6); k++) {
    if (text.lower(k) === 'and') return true;
    if (!isTitleWord(text, k) && text.tokens[k].word !== ',') return false;
  }
  return false;
}

function isTitleWord(text: AnnotatedText, i: number): boolean {
  const token = text.tokens[i];
  if (!token || isPersonToken(text, i)) return false;
  if (!/^\p{Lu}/u.test(token.word)) return false;
  if (token.pos === 'PRP' || token.ner === 'DATE' || token.ner === 'NUMBER') return false;
  // A city only as an office's complement ("Mayor of Puerto Montt").
  if (token.ner === 'CITY' && !(text.lower(i - 1) === 'of' || (text.tokens[i - 1]?.ner === 'CITY' && text.lower(i - 2) === 'of'))) return false;
  if (HONORIFICS.has(token.word.toLowerCase())) return false;
  if (DOCUMENT_HEADS[token.word.toLowerCase()] && !FINAL_HEADS.has(token.word.toLowerCase())) return false;
  return true;
}

function isPossessive(text: AnnotatedText, i: number): boolean {
  return text.tokens[i]?.pos === 'POS';
}

const RUN_TITLES = new WeakMap<AnnotatedText, Map<string, XTitle[]>>();

/** Splits a run into titles ("Deputy Prime Minister" and "Foreign Minister" and "Senator") and reads each (once). */
function titlesOfRun(text: AnnotatedText, run: [number, number]): XTitle[] {
  const cache = RUN_TITLES.get(text) ?? new Map<string, XTitle[]>();
  RUN_TITLES.set(text, cache);
  const key = run.join('-');
  if (!cache.has(key)) cache.set(key, splitRun(text, run));
  return cache.get(key)!;
}

function splitRun(text: AnnotatedText, [from, to]: [number, number]): XTitle[] {
  const parts: [number, number][] = [];
  let start = from;
  let sawHead = false;
  for (let i = from; i < to; i++) {
    const lower = text.lower(i);
    if (lower === 'and' && !sawHead) {
      // "Beridze and Estonia's Minister of ...": what comes before "and" has no office; the title starts after it.
      start = i + 1;
      continue;
    }
    if (lower === 'and' && sawHead) {
      // A new title after "and" when what follows has a head of its own before the next connector.
      let k = i + 1;
      if (text.lower(k) === 'the') k++;
      let head = false;
      while (k < to && !RUN_CONNECTORS.has(text.lower(k))) {
        if (FINAL_HEADS.has(text.lower(k))) head = true;
        k++;
      }
      if (head) {
        parts.push([start, i]);
        start = i + 1;
        sawHead = false;
        continue;
      }
    }
    if (FINAL_HEADS.has(lower)) {
      // "Foreign Minister Senator": a head right after a head starts a new title.
      if (sawHead && i > start && FINAL_HEADS.has(text.lower(i - 1)) && !['deputy', 'vice'].includes(text.lower(i - 1))) {
        parts.push([start, i]);
        start = i;
      }
      sawHead = true;
    }
  }
  parts.push([start, to]);
  const titles: XTitle[] = [];
  for (let [a, b] of parts) {
    while (a < b && ['the', 'and'].includes(text.lower(a))) a++;
    if (b <= a) continue;
    let hasHead = false;
    for (let k = a; k < b; k++) if (FINAL_HEADS.has(text.lower(k))) hasHead = true;
    if (!hasHead) continue;
    titles.push(readTitle(text, a, b));
  }
  return titles;
}

/** What a title says: its country (possessive, adjective, "of X") and its office without the country words. */
function readTitle(text: AnnotatedText, from: number, to: number): XTitle {
  const words = text.tokens.slice(from, to).map((t) => t.word);
  let country: string | undefined;
  let a = 0;
  let b = words.length;
  // Ghana 's Minister... / Belarusian Defence Minister / Belarus President
  const lead = countryAt(words, 0);
  let ownerBody: string | undefined;
  if (!lead && words.length > 2 && (words[1] === "'s" || words[1] === '’s')) {
    // "Bank's Vice-President for Operations": the office of a body named before.
    ownerBody = words[0];
    a = 2;
  }
  if (lead && lead.length < words.length) {
    country = lead.entry.iso;
    a = lead.length;
    if (words[a] === "'s" || words[a] === '’s' || text.tokens[from + a]?.pos === 'POS') a++;
    else if (words[a]?.toLowerCase() === 'and' || words[a] === ',') {
      // "... of Azerbaijan and Prime Minister": the country closed the phrase before.
      country = undefined;
      a++;
    }
  }
  // ... to Sri Lanka (where an envoy serves): not the office's country.
  for (let k = b - 1; k > a; k--) {
    const the = words[k - 1]?.toLowerCase() === 'the' ? 1 : 0;
    if (words[k - 1 - the]?.toLowerCase() !== 'to') continue;
    const match = countryAt(words, k);
    if (match && k + match.length === b) b = k - 1 - the;
    break;
  }
  // ... of Belarus / of the Republic of Uzbekistan (the longest country phrase that ends the title)
  for (let k = a + 1; k < b; k++) {
    if (words[k - 1]?.toLowerCase() !== 'of' && !(words[k - 1]?.toLowerCase() === 'the' && words[k - 2]?.toLowerCase() === 'of')) continue;
    const match = countryAt(words, k);
    if (match && k + match.length === b) {
      country ??= match.entry.iso;
      const of = words[k - 1].toLowerCase() === 'the' ? k - 2 : k - 1;
      // "Chairman of the National Bank of the Kyrgyz Republic": a formal name closing a body's name is the body's.
      const bodyBefore = bodyKind(words[of - 1] ?? '') !== 'OTHER' && formalCountryAfter(text, from + of) !== undefined;
      if (!bodyBefore) b = of;
      break;
    }
  }
  const position = text.words(from + a, from + b);
  // A body named in the title (Minister of the State Authority for Military Industry).
  let body: string | undefined;
  for (const mention of text.mentions) {
    if (mention.ner !== 'ORGANIZATION' || mention.tokenStart < from || mention.tokenStart >= to) continue;
    // "Belarusian Internal Affairs Minister", "Minister of Agriculture": a portfolio, not a body. A body has a head
    // word (Ministry, Council, Bank...) or is an acronym.
    if (!ORGANISATION_HEAD.test(mention.text) && !/^[A-Z]{2,}$/.test(mention.text)) continue;
    body = mention.text.replace(/^the\s+/i, '').replace(/\s+of\s+(the\s+)?[A-Z][\w ]+$/, (m) => (countryOf(m.replace(/^\s+of\s+(the\s+)?/, '')) ? '' : m));
  }
  return { printed: text.words(from, to), position, country, body: body ?? ownerBody, evidence: text.cite(from, to), from, to };
}

/** The titles printed in tokens [from, to). */
export function titlesBetween(text: AnnotatedText, from: number, to: number): XTitle[] {
  return titleRuns(text)
    .filter(([a, b]) => a >= from && b <= to)
    .flatMap((run) => titlesOfRun(text, run));
}

const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'bin', 'bint', 'ibn', 'al', 'el', 'del', 'della', 'di', 'du', 'la', 'le', 'ter', 'ben']);

interface PersonMention {
  mention: EntityMention;
  name: string;
  words: string[];
}

/** People: PERSON mentions (never pronouns), short forms joined to the one full name they fit. */
export function findPeople(text: AnnotatedText): { people: XPerson[]; titles: XTitle[]; byToken: Map<number, XPerson> } {
  const mentions: PersonMention[] = [];
  for (let mention of text.mentions) {
    if (mention.ner !== 'PERSON') continue;
    if (text.tokens.slice(mention.tokenStart, mention.tokenEnd).some((t) => t.pos === 'PRP' || t.pos === 'PRP$')) continue;
    // "ABU DHABI, 14 May (Example News) --": a dateline in capitals, not a person.
    const lineStart = mention.start === 0 || /\n\s*$/.test(text.text.slice(Math.max(0, mention.start - 3), mention.start));
    if (lineStart && !/\p{Ll}/u.test(mention.text) && /^[,(:\-–—]/.test(text.tokens[mention.tokenEnd]?.word ?? '')) continue;
    // "Harsha de Alwis", "Salim bin Hamad Al Rawahi": a particle and a capitalised word go on with the name.
    let last = mention.tokenEnd;
    while (PARTICLES.has(text.lower(last)) && text.isCapitalised(last + 1) && text.tokens[last + 1]?.ner !== 'TITLE' && !/^(of|the)$/i.test(text.tokens[last + 1].word)) {
      last += 2;
      while (text.isCapitalised(last) && (text.tokens[last].ner === 'PERSON' || text.tokens[last].ner === 'O') && text.tokens[last].pos === 'NNP') last++;
    }
    if (last !== mention.tokenEnd) mention = { ...mention, tokenEnd: last, end: text.tokens[last - 1].end, text: text.quote(mention.start, text.tokens[last - 1].end) };
    let name = mention.text;
    const words = name.split(/\s+/);
    while (words.length > 1 && HONORIFICS.has(words[0].toLowerCase())) words.shift();
    name = words.join(' ');
    if (!/^\p{Lu}[\p{L}\p{M}.'’ -]*\p{L}\.?$/u.test(name) || countryOf(name)) continue;
    if (/\b(Province|Region|County|Capital|City|District|Ministry|Chamber|Committee|Council|Agency|Bank)\b/.test(name)) continue;
    mentions.push({ mention, name, words: words.map((w) => w.toLowerCase()) });
  }
  const people: XPerson[] = [];
  const byToken = new Map<number, XPerson>();
  const sorted = [...mentions].sort((a, b) => b.words.length - a.words.length || a.mention.start - b.mention.start);
  for (const item of sorted) {
    const fits = people.filter((person) => {
      const full = person.name.toLowerCase().split(/\s+/);
      return item.words.every((word) => full.includes(word));
    });
    let person: XPerson;
    if (fits.length === 1) {
      person = fits[0];
      if (item.name !== person.name) person.weakAliases.add(item.name);
    } else {
      person = { name: item.name, aliases: new Set(), weakAliases: new Set(), evidence: [], titles: [], spans: [] };
      people.push(person);
    }
    person.spans.push([item.mention.tokenStart, item.mention.tokenEnd]);
    for (let i = item.mention.tokenStart; i < item.mention.tokenEnd; i++) byToken.set(i, person);
  }
  // Titles: before the name ("Commerce Minister Jam Kamal Khan"), in apposition before it ("Ghana's Minister of Foreign
  // Affairs, Abena Owusu-Mensah") or after it ("Dmitry Pantus, Minister of ...").
  const titles: XTitle[] = [];
  const runs = titleRuns(text);
  const attached = new Set<XTitle>();
  for (const run of runs) {
    const runTitles = titlesOfRun(text, run);
    titles.push(...runTitles);
    const [from, to] = run;
    let person: XPerson | undefined;
    let nameAt: [number, number] | undefined;
    if (isPersonToken(text, to) && !isRespectively(text, to)) {
      person = byToken.get(to);
      nameAt = person?.spans.find(([s]) => s === to);
    } else if (text.tokens[to]?.word === ',' && isPersonToken(text, to + 1) && !isRespectively(text, to + 1)) {
      person = byToken.get(to + 1);
      nameAt = person?.spans.find(([s]) => s === to + 1);
    } else if (text.tokens[from - 1]?.word === ',' && isPersonToken(text, from - 2)) {
      person = byToken.get(from - 2);
      nameAt = person?.spans.find(([, e]) => e === from - 1);
    }
    if (person && nameAt) {
      // "Prime Minister Daulet Seitkaliev of Kazakhstan": the country after the name is the office's.
      if (text.lower(nameAt[1]) === 'of') {
        const match = countryAt(text.tokens.slice(nameAt[1] + 1, nameAt[1] + 6).map((t) => t.word), 0);
        if (match && !match.adjective) for (const title of runTitles) title.country ??= match.entry.iso;
      }
      for (const title of runTitles) {
        attached.add(title);
        if (!person.titles.some((t) => t.position === title.position && t.country === title.country)) person.titles.push(title);
      }
      const a = Math.min(from, nameAt[0]);
      const b = Math.max(to, nameAt[1]);
      const form = text.words(a, b);
      if (form !== person.name && /^\p{L}/u.test(form) && !/[()\t\n]/.test(form)) person.aliases.add(form);
      if (person.evidence.length < 3) person.evidence.push(text.cite(a, b));
    }
  }
  // "the X of A and the Y of B, P and Q, respectively".
  for (let i = 0; i < text.tokens.length; i++) {
    if (text.lower(i) !== 'respectively') continue;
    const pairs = respectivelyPairs(text, i, runs, byToken);
    for (const { person, title } of pairs) {
      title.reading = { kind: 'RESPECTIVELY', note: `"${text.words(title.from, i + 1).slice(0, 300)}": the titles and names are paired in order.` };
      attached.add(title);
      if (!person.titles.includes(title)) person.titles.push(title);
    }
  }
  // "NAME, director general of the Estonian State Digital Agency," / "NAME, head of the ...": a lower-case office in
  // apposition after the name.
  // Also "NAME, Kenya's foreign minister," and "NAME, the Kenyan ambassador to ...": the country before the office.
  for (const person of people) {
    for (const [, end] of person.spans) {
      if (text.tokens[end]?.word !== ',') continue;
      let a = end + 1;
      if (text.lower(a) === 'the') a++;
      const from = a;
      a = afterCountry(text, a);
      if (a === from && from > end + 1 && text.tokens[from].ner === 'NATIONALITY') a++;
      if (!(FINAL_HEADS.has(text.lower(a)) || ['chief', 'director', 'head'].includes(text.lower(a)) || lowerOfficeAt(text, a)) || text.isCapitalised(a)) continue;
      if (a !== from) a = from;
      let b = a + 1;
      const limit = text.sentenceOf(a).end;
      while (b < limit && ![',', '.', ';', ')', ':'].includes(text.tokens[b].word) && !isPersonToken(text, b) && !text.tokens[b].pos?.startsWith('VB') && b - a < 14) b++;
      if (b === a + 1 && !FINAL_HEADS.has(text.lower(a))) continue;
      const title = readTitle(text, a, b);
      if (!person.titles.some((t) => t.position === title.position)) person.titles.push(title);
    }
  }
  // "the Nordland county mayor, Ingrid Solvang Berg", "Kenya's foreign minister Amina Odhiambo": a lower-case office
  // before the name.
  for (const person of people) {
    for (const [nameStart] of person.spans) {
      const head = text.tokens[nameStart - 1]?.word === ',' ? nameStart - 2 : nameStart - 1;
      if (!FINAL_HEADS.has(text.lower(head)) || text.isCapitalised(head) || person.titles.some((t) => t.to === head + 1)) continue;
      let a = head;
      while (a > head - 4 && /^[a-z][a-z-]*$/.test(text.tokens[a - 1]?.word ?? '') && !LOWER_STOP.has(text.lower(a - 1)) && /^(NN|JJ)/.test(text.tokens[a - 1].pos ?? '')) a--;
      let from = a;
      const country = countryBefore(text, a);
      if (country !== undefined) from = country;
      else if (text.isCapitalised(a - 1) && ['CITY', 'STATE_OR_PROVINCE', 'LOCATION'].includes(text.tokens[a - 1].ner ?? '') && text.lower(a - 2) === 'the') {
        // "the Nordland county mayor": the place is the office's jurisdiction, not a country.
      } else if (text.lower(a - 1) !== 'the' || a === head) continue;
      const title = readTitle(text, from, head + 1);
      if (!person.titles.some((t) => t.position.toLowerCase() === title.position.toLowerCase())) person.titles.push(title);
      if (person.evidence.length < 3) person.evidence.push(text.cite(from, nameStart + 1));
    }
  }
  pluralTitles(text, byToken);
  counterparts(text, byToken);
  for (const person of people) {
    // "Minister Kertu Saar" in a caption and "Minister of Entrepreneurship ..., Kertu Saar": one office.
    person.titles = person.titles.filter(
      (title) => !(FINAL_HEADS.has(title.position.toLowerCase()) && person.titles.some((other) => other !== title && other.position.toLowerCase().includes(title.position.toLowerCase()) && other.position.length > title.position.length)),
    );
    if (person.evidence.length === 0) {
      const [a, b] = person.spans.find(([s, e]) => text.words(s, e) === person.name) ?? person.spans[0];
      person.evidence.push(text.cite(a, b));
    }
  }
  countriesByCoreference(text, people);
  return { people, titles: titles.filter((t) => !attached.has(t)), byToken };
}

/** Office words a later mention may use for an office printed before: "the premier" for a Prime Minister. */
function sameOffice(position: string, word: string): boolean {
  const office = position.toLowerCase();
  const said = word.toLowerCase();
  // A deputy, vice or acting holder is not "the minister".
  if (/^(deputy|vice|acting|assistant|under|first deputy|state)\b/.test(office)) return false;
  if (said === 'premier' || said === 'prime minister' || said === 'pm') return office === 'prime minister' || office === 'premier';
  return office === said || office.endsWith(` ${said}`);
}

/**
 * "the Pakistani premier", "the Uzbek minister": a country stated for a person named earlier with that office, when
 * exactly one person of the text holds an office of that word and no country is known for them.
 */
function countriesByCoreference(text: AnnotatedText, people: XPerson[]): void {
  for (let i = 1; i + 2 < text.tokens.length; i++) {
    if (text.lower(i - 1) !== 'the') continue;
    const country = text.tokens[i].ner === 'NATIONALITY' ? countryOf(text.tokens[i].word) : undefined;
    if (!country) continue;
    const two = `${text.lower(i + 1)} ${text.lower(i + 2)}`;
    const word = two === 'prime minister' ? two : text.lower(i + 1);
    const end = i + 1 + word.split(' ').length;
    if (!FINAL_HEADS.has(word) && word !== 'prime minister') continue;
    // "the Pakistani premier Shehbaz Sharif" names the person, "the Uzbek Minister for Investment" another office.
    if (['of', 'for', 'on', 'to', "'s", '’s'].includes(text.lower(end)) || isPersonToken(text, end) || text.isCapitalised(end) && text.tokens[end]?.ner === 'TITLE') continue;
    const holders = people.filter((p) => p.titles.some((t) => sameOffice(t.position, word)));
    if (holders.some((p) => p.titles.some((t) => t.country === country.iso))) continue;
    const open = holders.filter((p) => p.titles.every((t) => !t.country));
    if (open.length !== 1 || holders.length !== 1) continue;
    const [person] = open;
    const phrase = text.words(i - 1, end);
    for (const title of person.titles) {
      if (!sameOffice(title.position, word)) continue;
      title.country = country.iso;
      title.reading = { kind: 'COREFERENCE', note: `"${phrase}" is ${person.name}, the only ${word} named in the text.` };
      title.evidence = text.cite(i - 1, end);
    }
    person.weakAliases.add(phrase);
  }
}

/** Lower-case words that end a run of office words read backwards from its head. */
const LOWER_STOP = new Set(['the', 'a', 'an', 'and', 'of', 'by', 'with', 'said', 'to', 'his', 'her', 'their', 'its', 'as', 'was', 'is', 'former', 'new', 'who', 'when', 'while', 'after', 'before', 'from']);

/** The token after a country phrase at i ("Kenya 's", "Kenyan"): i itself when there is none. */
function afterCountry(text: AnnotatedText, i: number): number {
  const match = countryAt(text.tokens.slice(i, i + 5).map((t) => t.word), 0);
  if (!match) return i;
  if (match.adjective || isPossessive(text, i + match.length - 1)) return i + match.length;
  return isPossessive(text, i + match.length) ? i + match.length + 1 : i;
}

/** Where a country phrase ending right before token i starts ("Kenya 's" or "Kenyan" before "foreign minister"). */
function countryBefore(text: AnnotatedText, i: number): number | undefined {
  for (let length = 1; length <= 4; length++) {
    const at = i - length;
    if (at < 0) break;
    if (afterCountry(text, at) === i && i > at) return at;
  }
  return undefined;
}

/** "foreign minister", "county mayor": lower-case words ending in an office head, from token i. */
function lowerOfficeAt(text: AnnotatedText, i: number): boolean {
  for (let k = i; k < i + 4; k++) {
    if (!/^[a-z][a-z-]*$/.test(text.tokens[k]?.word ?? '')) return false;
    if (FINAL_HEADS.has(text.lower(k))) return !/s$/.test(text.lower(k)) || k === i;
    if (LOWER_STOP.has(text.lower(k)) || !/^(NN|JJ)/.test(text.tokens[k].pos ?? '')) return false;
  }
  return false;
}

/**
 * "Presidents Daniel Kiprono of Kenya and Yaw Mensah of Ghana", "The chief negotiators, A and B,": a plural office
 * before a list of names gives each the office in the singular (a reading), and the country printed after each name.
 */
function pluralTitles(text: AnnotatedText, byToken: Map<number, XPerson>): void {
  for (let i = 0; i < text.tokens.length; i++) {
    const word = text.lower(i);
    const singular = word.replace(/s$/, '');
    if (singular === word || !FINAL_HEADS.has(singular) || !/^NNP?S?$/.test(text.tokens[i].pos ?? '')) continue;
    let a = i;
    while (a > i - 3 && a > 0 && /^[\p{L}-]+$/u.test(text.tokens[a - 1].word) && !LOWER_STOP.has(text.lower(a - 1)) && !byToken.get(a - 1) && /^(NN|JJ)/.test(text.tokens[a - 1].pos ?? '') && text.tokens[a - 1].ner !== 'NATIONALITY' && text.tokens[a - 1].ner !== 'COUNTRY') a--;
    let k = text.tokens[i + 1]?.word === ',' ? i + 2 : i + 1;
    const holders: { person: XPerson; from: number; to: number; country?: string }[] = [];
    while (byToken.get(k)) {
      const person = byToken.get(k)!;
      const from = k;
      while (byToken.get(k) === person) k++;
      let country: string | undefined;
      if (text.lower(k) === 'of') {
        const match = countryAt(text.tokens.slice(k + 1, k + 6).map((t) => t.word), 0);
        if (match && !match.adjective) {
          country = match.entry.iso;
          k += 1 + match.length;
        }
      }
      holders.push({ person, from, to: k, country });
      if (text.tokens[k]?.word === ',' && byToken.get(k + 1)) k++;
      else if (text.lower(k) === 'and' && byToken.get(k + 1)) k++;
      else if (text.tokens[k]?.word === ',' && text.lower(k + 1) === 'and' && byToken.get(k + 2)) k += 2;
      else break;
    }
    if (holders.length < 2) continue;
    const plural = text.words(a, i + 1);
    const office = plural.replace(/s$/, '');
    const reading = { kind: 'COLLECTIVE_SPLIT' as const, note: `"${text.words(a, k).slice(0, 300)}": each named person holds the office.` };
    for (const holder of holders) {
      const known = holder.person.titles.find((t) => sameOffice(t.position, singular) && (!t.country || t.country === holder.country));
      if (known) {
        if (!known.country && holder.country) Object.assign(known, { country: holder.country, reading, evidence: text.cite(a, holder.to) });
        continue;
      }
      holder.person.titles.push({
        printed: office,
        position: office,
        country: holder.country,
        evidence: text.cite(a, holder.to),
        from: a,
        to: i + 1,
        reading,
      });
    }
  }
}

/**
 * "Finance Minister Saima Rauf and her Uzbek counterpart Bakhtiyor Aliyev": the counterpart holds the same office for
 * the country the adjective states (a coreference reading). Without an office of the person before, nothing.
 */
function counterparts(text: AnnotatedText, byToken: Map<number, XPerson>): void {
  for (let i = 2; i < text.tokens.length; i++) {
    if (text.lower(i) !== 'counterpart' || text.tokens[i - 1].ner !== 'NATIONALITY' || !['his', 'her', 'their', 'its'].includes(text.lower(i - 2))) continue;
    const country = countryOf(text.tokens[i - 1].word);
    const nameAt = text.tokens[i + 1]?.word === ',' ? i + 2 : i + 1;
    const person = byToken.get(nameAt);
    if (!country || !person || person.titles.some((t) => t.to === nameAt || t.from > i)) continue;
    const { start } = text.sentenceOf(i);
    let referent: XPerson | undefined;
    for (let k = i - 3; k >= start && !referent; k--) if (byToken.get(k) && byToken.get(k) !== person) referent = byToken.get(k);
    const office = referent?.titles.find((t) => t.to <= i && t.from >= start) ?? (referent?.titles.length === 1 ? referent.titles[0] : undefined);
    if (!referent || !office) continue;
    let end = nameAt;
    while (byToken.get(end) === person) end++;
    const phrase = text.words(i - 2, i + 1);
    person.titles.push({
      printed: phrase,
      position: office.position,
      country: country.iso,
      evidence: text.cite(i - 2, end),
      from: i - 2,
      to: i + 1,
      reading: { kind: 'COREFERENCE', note: `"${phrase}" of ${referent.name} (${office.position}): the same office, for ${country.name}.` },
    });
  }
}

function isRespectively(text: AnnotatedText, nameStart: number): boolean {
  const { end } = text.sentenceOf(nameStart);
  for (let k = nameStart; k < Math.min(end, nameStart + 14); k++) if (text.lower(k) === 'respectively') return true;
  return false;
}

/** The names listed before "respectively" paired in order with the titles listed before them. */
function respectivelyPairs(
  text: AnnotatedText,
  at: number,
  runs: [number, number][],
  byToken: Map<number, XPerson>,
): { person: XPerson; title: XTitle }[] {
  const { start } = text.sentenceOf(at);
  const names: XPerson[] = [];
  let k = at - 1;
  let firstName = at;
  while (k >= start && (isPersonToken(text, k) || [',', 'and'].includes(text.lower(k)))) {
    const person = byToken.get(k);
    if (person && names[0] !== person) names.unshift(person);
    firstName = k;
    k--;
  }
  if (names.length < 2) return [];
  const before = runs.filter(([, e]) => e <= firstName && e >= start).flatMap((run) => titlesOfRun(text, run));
  const titles = before.slice(-names.length);
  if (titles.length !== names.length) return [];
  return names.map((person, index) => ({ person, title: titles[index] }));
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

const STOP_WORDS = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'signed', 'inked', 'exchanged', 'initialled', 'initialed',
  'formalised', 'formalized', 'which', 'that', 'who', 'by', 'with', 'at', 'during', 'as', 'after', 'before', 'while',
  'when', 'amid', 'said', 'says', 'has', 'have', 'had', 'will', 'would', 'also', 'today', 'yesterday']);
const PHRASE_PREPOSITIONS = new Set(['of', 'on', 'for', 'between', 'in', 'concerning', 'regarding', 'to', 'about', 'among', 'against']);

/** The document phrase around a head noun: its words from the first modifier to the end of its complements. */
function documentPhrase(text: AnnotatedText, head: number): { from: number; to: number; skip: Set<number> } {
  const { start, end } = text.sentenceOf(head);
  let from = head;
  while (from - 1 >= start) {
    const token = text.tokens[from - 1];
    const lower = token.word.toLowerCase();
    if (['DT', 'CD', 'PRP$', 'POS', 'IN', 'CC', ',', ':', '``', "''", '-LRB-', '-RRB-', 'VBD', 'VBZ', 'VBP', 'RB', 'TO', 'WDT'].includes(token.pos ?? '')) break;
    if (STOP_WORDS.has(lower) || token.ner === 'DATE' || token.ner === 'PERSON') break;
    if (!/^(NN|NNP|NNS|NNPS|JJ|VBN|VBG|HYPH)$/.test(token.pos ?? '') && token.word !== '-') break;
    // "- Memorandum of ..." in a bulleted list: the bullet is not the title's.
    if (LIST_MARKER.test(token.word) && /(^|\n)[ \t]*$/.test(text.text.slice(Math.max(0, token.start - 40), token.start))) break;
    if (token.ner === 'COUNTRY' || token.ner === 'NATIONALITY') break;
    from--;
  }
  let to = head + 1;
  const skip = new Set<number>();
  let depthParen = 0;
  let inBetween = false;
  let betweenAnd = false;
  while (to < end && to - head < 45) {
    const token = text.tokens[to];
    const lower = token.word.toLowerCase();
    if (token.word === '(' || token.word === '-LRB-') {
      depthParen++;
      to++;
      continue;
    }
    if (token.word === ')' || token.word === '-RRB-') {
      if (depthParen === 0) break;
      depthParen--;
      to++;
      continue;
    }
    if (depthParen > 0) {
      to++;
      continue;
    }
    // Dates right after the head ("an agreement on Tuesday waiving..."): not the document's words.
    if ((lower === 'on' || lower === 'in') && text.tokens[to + 1]?.ner === 'DATE') {
      let k = to + 1;
      while (k < end && text.tokens[k].ner === 'DATE') k++;
      if (to === head + 1 && text.tokens[k]?.pos === 'VBG') {
        for (let s = to; s < k; s++) skip.add(s);
        to = k;
        continue;
      }
      break;
    }
    if (token.ner === 'DATE' && !/^\d{4}(-\d{4})?$/.test(token.word) && !/^\d{4}/.test(token.word)) break;
    // A formal title goes on through its own prepositions ("of through tariffs for the carriage of containers by rail").
    if (['through', 'by', 'along', 'with', 'from', 'under', 'within', 'across', 'per', 'against'].includes(lower) && text.isCapitalised(head)) {
      const at = text.lower(to + 1) === 'the' ? to + 2 : to + 1;
      const next = text.tokens[at];
      const capital = next && /^\p{Lu}/u.test(next.word);
      if (
        next && /^(NN|NNS|NNP|NNPS|JJ|VBG)$/.test(next.pos ?? '') && next.ner !== 'DATE' && next.ner !== 'PERSON' && next.ner !== 'TITLE' &&
        next.ner !== 'CITY' && !FINAL_HEADS.has(next.word.toLowerCase()) && (!capital || at === to + 2)
      ) {
        to = at;
        continue;
      }
      if (lower === 'with' && text.lower(to + 1) === 'respect' && text.lower(to + 2) === 'to') {
        to += 3;
        continue;
      }
    }
    // "on aquaculture, fisheries research and maritime training": a list inside the complement.
    if (token.word === ',' && to > head + 2 && !text.isCapitalised(to + 1) && /^(NN|NNS|JJ|VBG)$/.test(text.tokens[to + 1]?.pos ?? '')) {
      let k = to + 1;
      while (k < end && k < to + 6 && /^(NN|NNS|JJ|VBG)$/.test(text.tokens[k].pos ?? '')) k++;
      if (text.lower(k) === 'and' || text.tokens[k]?.word === ',') {
        to++;
        continue;
      }
    }
    if (STOP_WORDS.has(lower)) break;
    if (lower === 'between' || lower === 'among') inBetween = true;
    if (lower === 'and' || lower === '&') {
      const next = text.tokens[to + 1];
      const nextLower = next?.word.toLowerCase() ?? '';
      if (!next || ['a', 'an', 'two', 'three', 'four', 'several'].includes(nextLower)) break;
      if (DOCUMENT_HEADS[nextLower] || (nextLower === 'the' && DOCUMENT_HEADS[text.lower(to + 2)])) break;
      if (isPersonToken(text, to + 1)) break;
      if (!inBetween && nextLower === 'the') break;
      if (inBetween && nextLower === 'the' && betweenAnd) break;
      if (inBetween && nextLower === 'the') betweenAnd = true;
      if (/^(documents|it|they|both|he|she)$/.test(nextLower) || /^(documents)$/.test(text.lower(to + 2))) break;
      to++;
      continue;
    }
    if (lower === 'in' && (text.tokens[to + 1]?.ner === 'CITY' || text.tokens[to + 1]?.ner === 'COUNTRY' || text.lower(to + 1) === 'the' && text.lower(to + 2) === 'presence')) break;
    if (PHRASE_PREPOSITIONS.has(lower) || lower === 'the' || lower === '-' || token.pos === 'HYPH') {
      to++;
      continue;
    }
    if (/^(NN|NNP|NNS|NNPS|JJ|JJR|JJS|CD|VBG|VBN|FW|POS)$/.test(token.pos ?? '') || (token.pos === 'DT' && lower !== 'that')) {
      if (token.pos === 'VBN' && to === head + 1) break;
      to++;
      continue;
    }
    break;
  }
  while (to > head + 1 && (PHRASE_PREPOSITIONS.has(text.lower(to - 1)) || ['the', 'and', ',', '-', 'a', 'an'].includes(text.lower(to - 1)))) to--;
  return { from, to, skip };
}

function sentenceCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The words of tokens [from, to) but those skipped, as printed. */
function wordsWithout(text: AnnotatedText, from: number, to: number, skip: Set<number>): string {
  let out = '';
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    out += (out && text.tokens[i].before ? ' ' : '') + text.tokens[i].originalText;
  }
  return out.replace(/\s+([,)])/g, '$1').replace(/\(\s+/g, '(');
}

/** The kind of document a head noun names (its word or its lemma: accords, memorandums). */
function headKind(text: AnnotatedText, i: number): AgreementKind | undefined {
  const lower = text.lower(i);
  return DOCUMENT_HEADS[lower] ?? DOCUMENT_HEADS[text.tokens[i]?.lemma?.toLowerCase() ?? ''];
}

function headOk(text: AnnotatedText, i: number): boolean {
  const lower = text.lower(i);
  const kind = headKind(text, i);
  if (!kind) return false;
  if (text.tokens[i].pos?.startsWith('VB')) return false;
  const capital = text.isCapitalised(i);
  if (lower === 'statement' || lower === 'statements') return text.lower(i - 1) === 'joint';
  if (lower === 'communiqué' || lower === 'communique') return true;
  if (lower === 'letter') return text.lower(i + 1) === 'of' && text.lower(i + 2) === 'intent';
  if (['plan', 'programme', 'program', 'decision', 'charter', 'arrangement', 'convention', 'declaration'].includes(lower)) return capital || text.lower(i - 1) === 'implementation' || text.lower(i - 1) === 'executive';
  if (lower === 'notes') return text.lower(i - 1) === 'diplomatic' || text.lower(i - 2) === 'exchange';
  if (lower === 'note') return false;
  if (lower === 'deal' || lower === 'pact') return true;
  return true;
}

const LIST_MARKER = /^(\(?[0-9ivxlc]+[.)]|[-–•*])$/i;

/**
 * Is this phrase an item of a list that a signing sentence announces ("... formalised the following documents:",
 * then "1. Decision of ...")? The item itself has no verb.
 */
function listedAfterSigning(text: AnnotatedText, token: number): boolean {
  const sentences = text.annotation.sentences;
  const index = text.tokens[token].sentence;
  const marker = (i: number) => LIST_MARKER.test(text.words(sentences[i].tokenStart, sentences[i].tokenEnd).replace(/\s+/g, ''));
  const startsWithMarker = (i: number) => {
    const first = text.tokens[sentences[i].tokenStart];
    return LIST_MARKER.test(first.word) || (/^(\d+|[ivx]+)$/i.test(first.word) && ['.', ')'].includes(text.tokens[sentences[i].tokenStart + 1]?.word ?? ''));
  };
  const item = (i: number) => startsWithMarker(i) || (i > 0 && marker(i - 1));
  if (!item(index)) return false;
  let k = index;
  while (k > 0 && (item(k - 1) || marker(k - 1))) k--;
  const lead = sentences[k - 1];
  if (!lead || text.tokens[lead.tokenEnd - 1].word !== ':') return false;
  const words = text.words(lead.tokenStart, lead.tokenEnd).toLowerCase();
  if (NOT_SIGNED_CUES.some((cue) => words.includes(cue))) return false;
  return text.tokens.slice(lead.tokenStart, lead.tokenEnd).some((t) => (t.lemma?.toLowerCase() ?? '') in ACT_VERBS);
}

/** Was the document of this phrase signed in the report's events (not negotiated, planned or only referred to)? */
function signedHere(text: AnnotatedText, from: number, to: number, published: string | undefined): { verb?: number; ok: boolean } {
  const { start, end } = text.sentenceOf(from);
  let verb: number | undefined;
  let distance = Infinity;
  for (let i = start; i < end; i++) {
    const lemma = text.tokens[i].lemma?.toLowerCase() ?? '';
    if (!(lemma in ACT_VERBS) && lemma !== 'adopt' && lemma !== 'seal' && lemma !== 'conclude' && !(lemma === 'preside' && text.lower(i + 3) === 'signing')) continue;
    if (lemma === 'witness' && !/sign|exchange/.test(text.words(i, Math.min(end, i + 4)).toLowerCase())) continue;
    const d = i < from ? from - i : i - to;
    if (d < distance && d >= 0) {
      distance = d;
      verb = i;
    }
  }
  if (verb === undefined) return { ok: false };
  // The verb and the document in one clause.
  for (let k = Math.min(verb, from) + 1; k < Math.max(verb, from); k++) {
    if (['while', 'whereas', 'but', ';', 'although', 'though'].includes(text.lower(k))) return { verb, ok: false };
  }
  const a = Math.max(start, Math.min(verb, from) - 4);
  let b = Math.max(verb + 1, to);
  while (b < end && b < Math.max(verb + 1, to) + 8 && ![',', ';', '.', 'and', 'while', 'but'].includes(text.lower(b))) b++;
  const window = text.words(a, b).toLowerCase();
  if (NOT_SIGNED_CUES.some((cue) => window.includes(cue))) return { verb, ok: false };
  if (/\bunder the\b|\bamend/.test(text.words(Math.max(start, from - 3), from).toLowerCase())) return { verb, ok: false };
  // "signed in 2014": an earlier year.
  const year = published ? Number(published.slice(0, 4)) : undefined;
  for (const mention of text.mentions) {
    if (mention.ner !== 'DATE' || mention.tokenStart < a || mention.tokenStart >= b + 3) continue;
    const match = /\b(19|20)\d{2}\b/.exec(mention.text);
    if (match && year && Number(match[0]) < year - 1 && !/-\s*\d{4}|\d{4}\s*-/.test(mention.text)) return { verb, ok: false };
    if (/\b(ago|last year|in \d{4})\b/.test(mention.text.toLowerCase()) && !mention.text.includes(String(year))) return { verb, ok: false };
  }
  return { verb, ok: true };
}

function topicOf(title: string, kindWord: string): string[] {
  const match = /\b(?:on|for|of|in the field of|concerning|regarding)\s+(?:the\s+)?(.+)$/i.exec(title.replace(new RegExp(`^.*?\\b${kindWord}\\b`, 'i'), ''));
  if (!match) return [];
  const topic = match[1].replace(/\s+between\s+.*$/i, '').replace(/^cooperation (in|on) (the field of )?/i, '').trim();
  return topic && topic.toLowerCase() !== 'understanding' ? [topic.replace(/^understanding on /i, '')] : [];
}

function kindAsReported(kind: AgreementKind, headWord: string, phrase: string): string | undefined {
  const own = KIND_WORDS[kind] ?? [];
  if (kind === 'OTHER') {
    if (/^letter$/i.test(headWord)) return 'Letter of Intent';
    return headWord;
  }
  if (kind === 'JOINT_STATEMENT' && /communiq/i.test(headWord)) return /joint/i.test(phrase) ? 'joint communiqué' : headWord;
  if (!own.includes(headWord.toLowerCase())) return /^[a-z]/.test(headWord) ? headWord : headWord;
  return undefined;
}

/** The places of each text (findPlaces'), which parties that are places join. */
const TEXT_PLACES = new WeakMap<AnnotatedText, XPlace[]>();

/**
 * A region or city as a party ("between the Los Lagos Region and Nordland County", "twinning between Puerto Montt and
 * Bodø"): a place the text tags as a city, or a name ending in Region, County, Province...
 */
function placeParty(text: AnnotatedText, from: number, to: number, words: string): XPlace | undefined {
  const city = text.mentions.some((m) => m.ner === 'CITY' && m.tokenStart === from && m.tokenEnd === to);
  const region = /^(\p{Lu}[\p{L}-]*\s+)+(Region|County|Province|Prefecture|Oblast|Governorate|Municipality|District|Capital|City)$/u.test(words);
  if (!city && !region) return undefined;
  const places = TEXT_PLACES.get(text) ?? [];
  TEXT_PLACES.set(text, places);
  const known = places.find((p) => p.name.toLowerCase() === words.toLowerCase());
  if (known) return known;
  const place: XPlace = { name: words, kind: city || /(City|Capital)$/.test(words) ? 'CITY' : 'REGION', evidence: [text.cite(from, to)] };
  places.push(place);
  return place;
}

/** Actors named in "between A and B" (countries, or bodies by their names or head words). */
export function partiesOf(text: AnnotatedText, from: number, to: number, bodies: XBody[]): XActor[] {
  let at = -1;
  for (let i = from; i < to; i++) if (text.lower(i) === 'between') at = i;
  if (at < 0) return [];
  // "Protocol on amendments to the Agreement between A and B": the parties of the document referred to.
  for (let i = from + 1; i < at; i++) if (headKind(text, i) && text.lower(i - 1) === 'the' && ['to', 'of', 'amending'].includes(text.lower(i - 2))) return [];
  const chunks: [number, number][] = [];
  let s = at + 1;
  for (let i = at + 1; i <= to; i++) {
    if (i === to || text.lower(i) === 'and' && (text.lower(i + 1) === 'the' || text.isCapitalised(i + 1)) && chunks.length === 0) {
      chunks.push([s, i]);
      s = i + 1;
    }
  }
  if (chunks.length !== 2) return [];
  const actors: XActor[] = [];
  for (const [a, b] of chunks) {
    let end = b;
    while (end > a && /^[.,;:]$/.test(text.tokens[end - 1].word)) end--;
    // The second chunk ends at the title's complements ("... on the Promotion of Investments").
    for (let i = a + 1; i < b; i++) {
      const lower = text.lower(i);
      if (lower === 'on' || lower === 'concerning' || (['for', 'in'].includes(lower) && !text.isCapitalised(i + 1) && !(text.lower(i + 1) === 'the' && text.isCapitalised(i + 2)))) {
        end = i;
        break;
      }
    }
    const words = text.words(a, end).replace(/^the\s+/i, '');
    const tokens = words.split(/\s+/);
    const body = bodies.find((x) => words.toLowerCase() === x.name.toLowerCase() || words.toLowerCase().startsWith(x.name.toLowerCase()));
    // A place only as the document's party, not as the object of its topic ("the road between Kaolack and Tambacounda").
    const ofDocument = headKind(text, at - 1) !== undefined || ['twinning', 'cooperation', 'partnership', 'friendship', 'relations'].includes(text.lower(at - 1));
    const place = body || !ofDocument ? undefined : placeParty(text, a, end, words);
    if (body) actors.push({ body });
    else if (place) actors.push({ place });
    else if (ORGANISATION_HEAD.test(words)) {
      if (!/\btwo countries\b|\bboth\b/i.test(words)) {
        const created: XBody = { name: words, kind: bodyKind(words), country: countryInWords(tokens), nameAsReported: true, evidence: [text.cite(a, end)] };
        bodies.push(created);
        actors.push({ body: created });
      }
    } else {
      const country = countryAt(tokens, 0);
      if (country && country.length === tokens.length) actors.push({ country: country.entry.iso });
    }
  }
  return actors.length === 2 ? actors : [];
}

/**
 * "between the interior ministries of (the) two countries" in a report on two countries: one described body per
 * country (Interior Ministry of Pakistan), its name not as reported.
 */
function describedParties(text: AnnotatedText, agreement: XAgreement, countries: XCountry[], mainCountries: string[], bodies: XBody[]): XActor[] {
  if (mainCountries.length !== 2) return [];
  const words = text.words(agreement.from, agreement.to);
  const match = /\bbetween (?:the )?((?:[a-z][\w-]* ){0,2}?)([a-z]+(?:ies|s)) of (?:the )?(?:two|both) (?:countries|nations|states|sides)\b/i.exec(words);
  if (!match) return [];
  const singular = match[2].replace(/ies$/i, 'y').replace(/s$/i, '');
  if (bodyKind(singular) === 'OTHER') return [];
  const head = `${match[1]}${singular}`.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  const start = text.tokens[agreement.from].start + match.index + 'between '.length;
  const evidence = { start, end: start + match[0].length - 'between '.length, quote: match[0].slice('between '.length) };
  return mainCountries.map((iso) => {
    const name = `${head} of ${countries.find((c) => c.iso === iso)?.name ?? iso}`;
    let body = bodyNamed(bodies, name);
    if (!body) {
      body = { name, kind: bodyKind(singular), country: iso, nameAsReported: false, evidence: [evidence] };
      bodies.push(body);
    }
    return { body };
  });
}

/** Whether the words of a complement ("on transit trade") are words of an earlier title. */
function sameTopic(title: string, complement: string): boolean {
  const words = (phrase: string) => phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
  const known = new Set(words(title));
  const said = words(complement);
  return said.length > 0 && said.filter((w) => known.has(w)).length / said.length >= 0.75;
}

export function findAgreements(text: AnnotatedText, bodies: XBody[]): XAgreement[] {
  const agreements: XAgreement[] = [];
  const used = new Set<number>();
  for (let i = 0; i < text.tokens.length; i++) {
    if (used.has(i) || !headOk(text, i)) continue;
    const { from, to, skip } = documentPhrase(text, i);
    for (let k = from; k < to; k++) used.add(k);
    const check = signedHere(text, from, to, text.published);
    if (!check.ok && !(check.verb === undefined && listedAfterSigning(text, from))) continue;
    const headWord = text.tokens[i].word;
    const kind = headKind(text, i)!;
    const plural = (/s$/i.test(headWord) && text.tokens[i].lemma?.toLowerCase() !== headWord.toLowerCase()) || /^NNP?S$/.test(text.tokens[i].pos ?? '') || /^memoranda$/i.test(headWord);
    const phrase = wordsWithout(text, from, to, skip);
    const complement = to > i + 1;
    const evidence = [text.citeSentence(i)];
    if (plural) {
      // "accords were also signed for cooperation on A, B and C" / "agreements on A, B and C": one per conjunct.
      const split = splitCollective(text, i, to);
      if (!split) {
        agreements.push(...enumeratedBySigners(text, i, to, kind, bodies));
        continue;
      }
      const prefix = sentenceCase(wordsWithout(text, from, i + 1, skip).replace(/s$/i, '').replace(/ies$/i, 'y'));
      for (const conjunct of split.conjuncts) {
        const title = `${prefix} ${split.lead}${conjunct}`.replace(/\bcooperation on cooperation\b/i, 'cooperation');
        agreements.push({
          title: title.replace(/for cooperation on cooperation between/i, 'for cooperation between'),
          titleAsReported: false,
          kind,
          kindAsReported: kindAsReported(kind, text.tokens[i].lemma ?? headWord, phrase),
          topics: [conjunct.replace(/^cooperation\s+/i, '')],
          parties: [],
          signatories: [],
          evidence,
          reading: { kind: 'COLLECTIVE_SPLIT', note: `One phrase, "${text.words(from, split.end).slice(0, 400)}", read as one document per field.` },
          confidence: 0.6,
          from,
          to: split.end,
        });
      }
      continue;
    }
    // "The agreement between A and B" after "a cooperation agreement ...": the same document, named again.
    const determiner = text.lower(from - 1);
    const earlier = agreements.filter((a) => a.kind === kind && a.from < from);
    // A complement of its own ("the agreement on avoidance of double taxation") names another document.
    const ownTopic = complement && !['between', 'among'].includes(text.lower(i + 1)) && earlier.length === 1 && !sameTopic(earlier[0].title, text.words(i + 1, to));
    if ((determiner === 'the' || determiner === 'this') && !text.isCapitalised(i) && earlier.length === 1 && !plural && !ownTopic) {
      const [known] = earlier;
      (known.mentions ??= []).push(from);
      if (known.parties.length === 0) known.parties = partiesOf(text, from, to, bodies);
      known.evidence.push(...evidence.filter((e) => !known.evidence.some((k) => k.start === e.start)));
      continue;
    }
    if (!complement && from === i && (determiner === 'the' || determiner === 'this') && !text.isCapitalised(i)) continue;
    const capitalised = text.isCapitalised(i) && !(i === text.sentenceOf(i).start);
    const asReported = capitalised || text.tokens.slice(from, i).some((t) => /^\p{Lu}/u.test(t.word) && t.ner !== 'COUNTRY' && t.ner !== 'NATIONALITY');
    if (!asReported && !complement && from === i) continue;
    const title = asReported ? text.words(from, to) : sentenceCase(phrase);
    const validity = /\b(for|in)\s+(\d{4})\s*[-–]\s*(\d{4})\b/.exec(title);
    agreements.push({
      title,
      titleAsReported: asReported,
      kind,
      kindAsReported: kindAsReported(kind, headWord, phrase),
      topics: topicOf(title, headWord),
      parties: partiesOf(text, from, to, bodies),
      signatories: [],
      evidence,
      confidence: asReported ? 0.85 : 0.7,
      from,
      to,
      ...(validity ? { reading: undefined } : {}),
    });
    void validity;
  }
  // One document per title (a later mention of a same-titled document adds its evidence).
  const byTitle = new Map<string, XAgreement>();
  for (const agreement of agreements) {
    const key = agreement.title.toLowerCase();
    const known = byTitle.get(key);
    if (known && JSON.stringify([known.parties, known.signatories]) === JSON.stringify([agreement.parties, agreement.signatories])) {
      known.evidence.push(...agreement.evidence.filter((e) => !known.evidence.some((k) => k.start === e.start)));
    } else if (!known) byTitle.set(key, agreement);
    else byTitle.set(`${key}#${byTitle.size}`, agreement);
  }
  return [...byTitle.values()];
}

/**
 * "three memorandums of understanding were signed ...: by A and B; by C and D; and by E and F": one document per
 * pair of signing bodies, under the generic title (not as reported).
 */
function enumeratedBySigners(text: AnnotatedText, head: number, phraseEnd: number, kind: AgreementKind, bodies: XBody[]): XAgreement[] {
  const { end } = text.sentenceOf(head);
  let colon = phraseEnd;
  while (colon < end && text.tokens[colon].word !== ':') colon++;
  if (colon >= end) return [];
  const segments: [number, number][] = [];
  let s = colon + 1;
  for (let k = colon + 1; k <= end; k++) {
    if (k === end || text.tokens[k].word === ';' || text.tokens[k].word === '.') {
      if (k > s) segments.push([s, k]);
      s = k + 1;
    }
  }
  const pairs = segments.map(([a, b]) => {
    while (a < b && ['and', 'by', ','].includes(text.lower(a))) a++;
    const start = text.tokens[a]?.start ?? 0;
    const stop = text.tokens[b - 1]?.end ?? 0;
    const signers = bodies.filter((body) => body.evidence.some((e) => e.start >= start && e.end <= stop));
    return { signers, evidence: text.cite(a, b) };
  });
  if (pairs.length < 2 || pairs.some((p) => p.signers.length < 2)) return [];
  const title = sentenceCase(`${text.tokens[head].lemma ?? text.tokens[head].word} ${text.words(head + 1, phraseEnd)}`.trim());
  return pairs.map(({ signers, evidence }) => ({
    title,
    titleAsReported: false,
    kind,
    topics: [],
    parties: [],
    signatories: signers.map((body) => ({ body })),
    evidence: [text.citeSentence(head), evidence],
    reading: { kind: 'COLLECTIVE_SPLIT' as const, note: `"${text.words(head, colon).slice(0, 300)}", then one pair of signers each: one document per pair.` },
    confidence: 0.6,
    from: head,
    to: phraseEnd,
  }));
}

function splitCollective(text: AnnotatedText, head: number, phraseEnd: number): { lead: string; conjuncts: string[]; end: number } | undefined {
  const { end } = text.sentenceOf(head);
  let i = head + 1;
  // Skip "were (also) signed" between the head and its complement.
  while (i < end && ['were', 'was', 'also', 'signed', 'inked', 'exchanged'].includes(text.lower(i))) i++;
  if (!['for', 'on', 'in'].includes(text.lower(i))) return undefined;
  let lead = '';
  if (text.lower(i) === 'for' && text.lower(i + 1) === 'cooperation' && ['on', 'in'].includes(text.lower(i + 2))) {
    lead = `for cooperation ${text.lower(i + 2)} `;
    i += 3;
  } else {
    lead = `${text.lower(i)} `;
    i += 1;
  }
  const conjuncts: string[] = [];
  let s = i;
  let k = i;
  for (; k < end; k++) {
    const w = text.tokens[k].word;
    if (w === ',' || text.lower(k) === 'and') {
      if (k > s) conjuncts.push(text.words(s, k));
      s = k + 1;
      continue;
    }
    if (w === '.' || w === ';' || STOP_WORDS.has(text.lower(k)) || text.tokens[k].pos?.startsWith('VB')) break;
  }
  if (k > s) conjuncts.push(text.words(s, k));
  void phraseEnd;
  const clean = conjuncts.map((c) => c.replace(/^the\s+/i, '').trim()).filter(Boolean);
  return clean.length >= 2 ? { lead, conjuncts: clean, end: k } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Acts on documents, and events

const VERB_WORDS: Record<string, SigningVerb> = ACT_VERBS;

export function findActs(
  text: AnnotatedText,
  people: { byToken: Map<number, XPerson> },
  unnamedTitles: XTitle[],
  agreements: XAgreement[],
  mainCountries: string[],
  eventDate: string | undefined,
  bodies: XBody[],
): { acts: XAct[]; unnamed: XTitle[] } {
  const acts: XAct[] = [];
  const unnamed: XTitle[] = [];
  let lastDocuments: XAgreement[] = [];
  let lastSides: XSide[] = [];
  let generalSignatories: XActor[] = [];
  let presenceAhead: { sides: XSide[]; until: number; evidence: Cited } | undefined;
  for (const sentence of text.annotation.sentences) {
    if (presenceAhead && sentence.index > presenceAhead.until) presenceAhead = undefined;
    const { tokenStart: start, tokenEnd: end } = sentence;
    const at = (a: XAgreement) => [a.from, ...(a.mentions ?? [])].find((m) => m >= start && m < end);
    const documents = agreements.filter((a) => at(a) !== undefined);
    // "In the presence of the two presidents, ministers ... then exchanged three further documents." and the
    // documents come in the sentences after: those present are the sides of an act on each of them.
    const opening = /^in the presence of (.+?),/i.exec(text.words(start, end));
    if (opening && documents.length === 0) {
      let comma = start;
      while (comma < end && text.tokens[comma].word !== ',') comma++;
      let present = sidesIn(text, start + 4, comma, people.byToken, unnamedTitles, unnamed);
      const collective = /\b(two|both|three) ([A-Za-z -]+?s)$/i.exec(opening[1].trim());
      if (present.length === 0 && collective) present = holdersOf(collective, people.byToken, text.cite(start + 4, comma));
      if (present.length > 0) presenceAhead = { sides: present, until: sentence.index + 4, evidence: text.cite(start, end) };
      continue;
    }
    for (let v = start; v < end; v++) {
      const lemma = text.tokens[v].lemma?.toLowerCase() ?? '';
      const pos = text.tokens[v].pos ?? '';
      let verb = VERB_WORDS[lemma] ?? (lemma === 'preside' ? 'PRESIDED_OVER_SIGNING' : undefined);
      if (!verb || !pos.startsWith('VB')) continue;
      if (verb === 'PRESIDED_OVER_SIGNING' && !/^over the signing/i.test(text.words(v + 1, Math.min(end, v + 4)))) continue;
      // "the initialled treaty", "a signed copy": a participle describing a noun, not an act.
      if (['the', 'a', 'an', 'this', 'its', 'their'].includes(text.lower(v - 1))) continue;
      let words = text.tokens[v].word;
      if (text.lower(v - 1) === 'also') words = `also ${words}`;
      // "witnessed the signing/exchange": the witnesses are the sides.
      if (verb === 'WITNESSED' && !/^(the )?(signing|exchange|ceremony)/.test(text.words(v + 1, Math.min(end, v + 3)).toLowerCase())) continue;
      if (verb === 'WITNESSED') words = text.words(v, Math.min(end, v + 3)).replace(/\s+of$/, '');
      if (verb === 'PRESIDED_OVER_SIGNING') words = text.words(v, Math.min(end, v + 5)).replace(/\s+(a|an|the)$/i, '');
      const passive = text.lower(v + 1) === 'by' || ['was', 'were', 'been', 'be'].includes(text.lower(v - 1)) || (text.lower(v - 1) === 'also' && ['was', 'were'].includes(text.lower(v - 2))) || text.tokens.slice(start, v).some((t) => /^(was|were|been|be)$/i.test(t.word)) && text.tokens.slice(v, end).some((t) => t.word.toLowerCase() === 'by');
      // The clause: from the sentence start (or the previous clause break) to the next break.
      let clauseEnd = end;
      for (let k = v + 1; k < end; k++) if ([';'].includes(text.tokens[k].word) || ['while', 'whereas', 'but'].includes(text.lower(k))) { clauseEnd = k; break; }
      let clauseStart = start;
      for (let k = v - 1; k >= start; k--) if ([';'].includes(text.tokens[k].word) || ['while', 'whereas', 'but', 'as'].includes(text.lower(k)) && k < v - 1) { clauseStart = k + 1; break; }
      let presence = -1;
      for (let k = v; k < clauseEnd; k++) if (text.lower(k) === 'presence' && text.lower(k - 1) === 'the' && text.lower(k - 2) === 'in') presence = k - 2;
      const sideEnd = presence >= 0 ? presence : clauseEnd;
      let agentFrom: number;
      let agentTo: number;
      if (passive) {
        let by = v + 1;
        while (by < sideEnd && text.lower(by) !== 'by') by++;
        agentFrom = by + 1;
        agentTo = sideEnd;
      } else {
        agentFrom = clauseStart;
        agentTo = v;
        // "Following the meeting between A and B, the two countries signed": the opening phrase is not the subject.
        // (Also after a dateline: "Jakarta, 3 September - Following ...".)
        let opening = agentFrom;
        for (let k = agentFrom; k < agentTo; k++) if (/^(-|--|–|—)$/.test(text.tokens[k].word)) opening = k + 1;
        if (/^(following|after|during|at|on|upon|before|in)$/.test(text.lower(opening)) && !/^in the presence\b/i.test(text.words(opening, opening + 3))) {
          let comma = opening;
          while (comma < agentTo && text.tokens[comma].word !== ',') comma++;
          if (comma < agentTo) agentFrom = comma + 1;
        }
      }
      // "... co-chaired by A and B, who witnessed the signing": the people "who" stands for.
      if (!passive && text.lower(v - 1) === 'who' && text.tokens[v - 2]?.word === ',') agentFrom = start;
      let sides = sidesIn(text, agentFrom, agentTo, people.byToken, unnamedTitles, unnamed);
      if (!passive) {
        // "... signed the agreement with the Kenyan Minister of Foreign Affairs"
        for (let k = v + 1; k < sideEnd; k++) {
          if (['following', 'after', 'during', 'before', 'at', 'as', 'when', 'while'].includes(text.lower(k))) break;
          if (text.lower(k) !== 'with') continue;
          let stop = k + 1;
          while (stop < sideEnd && !['at', 'in', 'on', 'during', ',', 'after', 'before'].includes(text.lower(stop))) stop++;
          sides.push(...sidesIn(text, k + 1, stop, people.byToken, unnamedTitles, unnamed));
          break;
        }
      }
      // "the two Prime Ministers", "The three heads of government": the people given that title, if that many.
      const collective = /\b(two|both|three|four) ([A-Za-z -]+?s)( of (state|government))?$/i.exec(text.words(agentFrom, agentTo).trim());
      if (sides.length === 0 && collective) {
        sides = holdersOf(collective, people.byToken, text.cite(agentFrom, agentTo));
      }
      if (sides.length === 0) sides = officesOfCountries(text, agentFrom, agentTo, people.byToken, unnamed);
      if (sides.length === 0 && /\b(two|both|three) (ministers|leaders|heads|officials|premiers|presidents)|\bthey\b/i.test(text.words(agentFrom, agentTo)) && lastSides.length >= 2) {
        const phrase = /\b(the )?(two|both|three) \w+|\bthey\b/i.exec(text.words(agentFrom, agentTo))![0];
        sides = lastSides.map((side) => ({ ...side, evidence: text.cite(agentFrom, agentTo), reading: { kind: 'COREFERENCE' as const, note: `"${phrase}" are the sides named before: ${side.person?.name ?? side.role}.` } }));
      }
      if (sides.length === 0) continue;
      // The documents of the verb's own clause ("A signed X, while Y was inked by B"), else those near it.
      const inClause = documents.filter((d) => at(d)! >= clauseStart && at(d)! < clauseEnd);
      let docs = inClause.length > 0 ? inClause : documents.filter((d) => Math.abs(at(d)! - v) < 60);
      // "... witnessed the exchange of the following documents:": the documents of the list that follows.
      if (docs.length === 0 && (/\bfollowing\b/i.test(text.words(v, clauseEnd)) || text.tokens[end - 1]?.word === ':')) {
        const after = text.annotation.sentences.slice(sentence.index + 1, sentence.index + 16);
        for (const next of after) {
          // "In addition, three memorandums were signed between institutions": another set, not the list.
          if (/^(in addition|additionally|separately|also|besides|meanwhile|furthermore|moreover)\b/i.test(text.words(next.tokenStart, next.tokenEnd))) break;
          const listed = agreements.filter((a) => a.from >= next.tokenStart && a.from < next.tokenEnd);
          if (listed.length === 0 && next.tokenEnd - next.tokenStart <= 3) continue; // a bare "2." of the list
          if (listed.length === 0) {
            if (docs.length > 0) break;
            continue;
          }
          docs.push(...listed);
        }
      }
      if (docs.length === 0 && /\b(the )?(pre-signed )?(documents|them|agreements?|accords?|memorand\w*|protocols?|contracts?|treaty|programmes?)\b/i.test(text.words(clauseStart, clauseEnd))) docs = lastDocuments;
      if (docs.length === 0 && /\bdocuments\b/i.test(text.words(v, clauseEnd))) docs = lastDocuments;
      // Witnesses of "the signing" of documents the report lists elsewhere (a table): they get them at the end.
      if (docs.length === 0 && verb === 'WITNESSED') {
        acts.push({ verb, words, date: eventDate, documents: docs, sides, evidence: text.cite(start, end), confidence: 0.55 });
        continue;
      }
      if (docs.length === 0) continue;
      // The sentence's own date, when it is one of the report's days (not "by the end of 2025").
      const published = text.published;
      const dateMention = text.mentions.find((m) => {
        if (m.ner !== 'DATE' || m.tokenStart < start || m.tokenStart >= end) return false;
        const value = text.dateOf(m);
        return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && (!published || value <= published.padEnd(10, '9'));
      });
      const date = dateMention ? text.dateOf(dateMention) : eventDate;
      contrast(sides, mainCountries);
      acts.push({ verb, words, date, documents: docs, sides, evidence: text.cite(start, end), confidence: sides.every((s) => s.person) ? 0.8 : 0.65 });
      if (presenceAhead && (verb === 'SIGNED' || verb === 'EXCHANGED')) {
        acts.push({ verb: 'SIGNED_IN_PRESENCE_OF', words: 'In the presence of', date, documents: docs, sides: presenceAhead.sides, evidence: presenceAhead.evidence, confidence: 0.6 });
      }
      lastSides = sides;
      // "in the presence of X": those present are the sides of an act of their own.
      if (presence >= 0) {
        const present = sidesIn(text, presence + 3, clauseEnd, people.byToken, unnamedTitles, unnamed);
        if (present.length > 0) {
          acts.push({ verb: 'SIGNED_IN_PRESENCE_OF', words: 'in the presence of', date, documents: docs, sides: present, evidence: text.cite(start, end), confidence: 0.7 });
        }
      }
      if (verb === 'SIGNED' || verb === 'INITIALLED' || verb === 'FORMALISED') for (const doc of docs) if (verb === 'SIGNED') doc.signedOn ??= date;
    }
    // Countries or bodies that sign: signatories ("Kenya and Ghana signed an agreement").
    const general = signatoriesIn(text, start, end, documents, mainCountries, bodies);
    if (general.length > 0) generalSignatories = general;
    if (documents.length > 0) lastDocuments = documents;
  }
  for (const doc of agreements) if (doc.signatories.length === 0 && generalSignatories.length > 0) doc.signatories.push(...generalSignatories);
  return { acts, unnamed };
}

/**
 * "The agriculture ministers of Peru and Bolivia signed ...": one side per country, the person named with that office
 * for that country if there is one, else an unnamed official known by the office and the country.
 */
function officesOfCountries(text: AnnotatedText, from: number, to: number, byToken: Map<number, XPerson>, unnamed: XTitle[]): XSide[] {
  const words = text.words(from, to);
  const match = /\b(?:the )?((?:[a-z][\w-]* ){0,3})(ministers|presidents|prime ministers|premiers|ambassadors|governors|mayors|envoys|chairmen|chairpersons|heads of (?:state|government)) of ((?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*),? and ((?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)/.exec(words);
  if (!match) return [];
  const countries = [match[3], match[4]].map((name) => countryOf(name.replace(/^the /, '')));
  if (countries.some((c) => !c) || countries[0]!.iso === countries[1]!.iso) return [];
  const office = `${match[1]}${match[2].replace(/^heads of/, 'head of').replace(/men$/, 'man').replace(/s$/, '')}`;
  const start = text.tokens[from].start + match.index;
  const evidence = { start, end: start + match[0].length, quote: match[0] };
  const reading = { kind: 'COLLECTIVE_SPLIT' as const, note: `"${match[0]}": one ${office} for each country.` };
  return countries.map((country) => {
    const named = [...new Set(byToken.values())].filter((p) => p.titles.some((t) => t.country === country!.iso && sameOffice(t.position, office)));
    if (named.length === 1) {
      const titles = named[0].titles.filter((t) => t.country === country!.iso);
      return { person: named[0], titles, role: titles.map((t) => t.position).join(' and '), country: country!.iso, reading: { kind: 'COREFERENCE' as const, note: `"${match[0]}": the ${office} of ${country!.name} named before is ${named[0].name}.` }, evidence };
    }
    const title: XTitle = { printed: match[0], position: office, country: country!.iso, evidence, from, to, reading };
    unnamed.push(title);
    return { titles: [title], role: office, country: country!.iso, reading, evidence };
  });
}

/** "the two Prime Ministers", "The three heads of government": the people given that title, if exactly that many. */
function holdersOf(collective: RegExpExecArray, byToken: Map<number, XPerson>, evidence: Cited): XSide[] {
  const count = { two: 2, both: 2, three: 3, four: 4 }[collective[1].toLowerCase() as 'two'] ?? 0;
  const noun = `${collective[2].replace(/s$/i, '')}${collective[3] ?? ''}`.toLowerCase().replace(/^heads of/, 'head of');
  const first = noun.split(' ')[0];
  const last = noun.replace(/^.* /, '');
  const holders = [...new Set(byToken.values())].filter((p) => p.titles.some((t) => t.position.toLowerCase().endsWith(last) && t.position.toLowerCase().includes(first)));
  if (holders.length !== count) return [];
  return holders.map((person) => {
    const titles = person.titles.filter((t) => t.position.toLowerCase().includes(first));
    return {
      person,
      titles,
      role: [...new Set(titles.map((t) => t.position))].join(' and '),
      country: titles.find((t) => t.country)?.country,
      evidence,
      reading: { kind: 'COREFERENCE' as const, note: `"${collective[0]}" are the ${noun}s named before: ${person.name} is one.` },
    };
  });
}

/** Country of a side by contrast: in a two-country report, the counterpart of a side of one country is of the other. */
function contrast(sides: XSide[], mainCountries: string[]): void {
  if (sides.length !== 2 || mainCountries.length !== 2) return;
  const [a, b] = sides;
  for (const [known, other] of [[a, b], [b, a]] as const) {
    if (known.country && !other.country && mainCountries.includes(known.country)) {
      other.country = mainCountries.find((c) => c !== known.country);
      other.reading ??= { kind: 'OTHER', note: `The counterpart of a ${known.country.toUpperCase()} side in a report on two countries.` };
    }
  }
}

/** People and unnamed titled officials in tokens [from, to), in order. */
function sidesIn(
  text: AnnotatedText,
  from: number,
  to: number,
  byToken: Map<number, XPerson>,
  unnamedTitles: XTitle[],
  unnamed: XTitle[],
): XSide[] {
  const sides: XSide[] = [];
  const seen = new Set<XPerson>();
  for (let k = from; k < to; k++) {
    const person = byToken.get(k);
    if (person && !seen.has(person)) {
      seen.add(person);
      const near = person.titles.filter((t) => t.to <= k + 1 && t.to >= from - 1 || t.from >= k && t.from < to);
      const titles = near.length > 0 ? near : person.titles.slice(0, 1);
      const country = titles.find((t) => t.country)?.country;
      const reading = titles.find((t) => t.reading)?.reading;
      let end = k;
      while (byToken.get(end + 1) === person) end++;
      const a = Math.min(k, ...near.map((t) => t.from));
      sides.push({ person, titles, role: titles.map((t) => t.position).join(' and ') || person.name, country, reading, evidence: text.cite(a, end + 1) });
    }
  }
  // "the Finnish ambassador, who was not named", "the respective ministers": unnamed, by the text's words.
  for (let k = from; k < to; k++) {
    const word = text.lower(k);
    if (!FINAL_HEADS.has(word) || text.isCapitalised(k) || byToken.get(k + 1) || (text.tokens[k + 1]?.word === ',' && byToken.get(k + 2))) continue;
    const nationality = text.tokens[k - 1]?.ner === 'NATIONALITY' || text.tokens[k - 1]?.ner === 'COUNTRY' ? countryOf(text.tokens[k - 1].word) : undefined;
    const respective = text.lower(k - 1) === 'respective';
    if (!nationality && !respective) continue;
    const a = text.lower(k - 2) === 'the' ? k - 2 : k - 1;
    const title: XTitle = {
      printed: text.words(a, k + 1),
      position: respective ? text.words(a, k + 1) : text.tokens[k].word,
      country: nationality?.iso,
      evidence: text.cite(a, k + 1),
      from: a,
      to: k + 1,
    };
    if (sides.some((s) => s.evidence.start <= title.evidence.start && s.evidence.end >= title.evidence.end)) continue;
    if (respective) sides.push({ titles: [], role: title.printed, evidence: title.evidence });
    else {
      unnamed.push(title);
      sides.push({ titles: [title], role: title.position, country: title.country, evidence: title.evidence });
    }
  }
  for (const title of unnamedTitles) {
    if (title.from < from || title.to > to) continue;
    // "the two Prime Ministers": a plural names people met before, not an official of its own.
    const head = text.tokens[title.to - 1];
    if (/s$/i.test(head.word) && FINAL_HEADS.has(head.word.toLowerCase().replace(/s$/, ''))) continue;
    if (sides.some((s) => s.titles.includes(title))) continue;
    if (!unnamed.includes(title)) unnamed.push(title);
    sides.push({ titles: [title], role: title.position, country: title.country, evidence: title.evidence });
  }
  return sides.sort((x, y) => x.evidence.start - y.evidence.start);
}

/** The end of the clause of the verb at v: the next ";", ", while" or sentence end. */
function clauseEndAfter(text: AnnotatedText, v: number, end: number): number {
  for (let k = v + 1; k < end; k++) if (text.tokens[k].word === ';' || ['while', 'whereas', 'but'].includes(text.lower(k))) return k;
  return end;
}

/**
 * Countries or bodies that sign ("Kenya and Ghana signed an agreement", "The governments of Pakistan and Belarus
 * signed ..."): signatories of the documents the clause names. A generic object ("a series of agreements") makes them
 * the signatories of every document of the report that has none: returned for the caller to apply.
 */
function signatoriesIn(text: AnnotatedText, start: number, end: number, documents: XAgreement[], mainCountries: string[], bodies: XBody[]): XActor[] {
  for (let v = start; v < end; v++) {
    const lemma = text.tokens[v].lemma?.toLowerCase();
    if (!(lemma === 'sign' || lemma === 'ink' || lemma === 'formalise' || lemma === 'formalize') || !text.tokens[v].pos?.startsWith('VB')) continue;
    // "An accord ... was signed between the Russian Direct Investment Fund and the Egyptian Sovereign Fund".
    if (text.lower(v + 1) === 'between') {
      const between = partiesOf(text, v + 1, clauseEndAfter(text, v, end), bodies);
      for (const doc of documents.filter((d) => d.from < v)) for (const actor of between) if (!doc.signatories.some((s) => JSON.stringify(s) === JSON.stringify(actor))) doc.signatories.push(actor);
      continue;
    }
    const subject = text.words(start, v);
    if (text.tokens.slice(start, v).some((t) => t.ner === 'PERSON' || t.ner === 'TITLE')) continue;
    const actors: XActor[] = [];
    const governments = /\bthe governments of ([A-Z][\w ]+?) and ([A-Z][\w ]+?)$/i.exec(subject.trim().replace(/\s+(on \w+|have|also|,)$/i, ''));
    if (governments && countryOf(governments[1]) && countryOf(governments[2])) {
      for (const name of [governments[1], governments[2]]) {
        const bodyName = `Government of ${name}`;
        let body = bodies.find((b) => b.name.toLowerCase() === bodyName.toLowerCase());
        if (!body) {
          body = { name: bodyName, kind: 'GOVERNMENT', country: countryOf(name)!.iso, nameAsReported: false, evidence: [text.cite(start, v)] };
          bodies.push(body);
        }
        actors.push({ body });
      }
    } else if (/\b(both nations|both countries|the two countries|the two sides|both sides|the two nations)\b/i.test(subject) && mainCountries.length === 2) {
      for (const iso of mainCountries) actors.push({ country: iso });
    } else {
      const words = text.tokens.slice(start, v).map((t) => t.word);
      for (let k = 0; k < words.length; k++) {
        const match = countryAt(words, k);
        if (match && !match.adjective) {
          // "The agriculture ministers of Peru and Bolivia signed": the countries qualify the signers.
          if (words[k - 1]?.toLowerCase() === 'of') break;
          const after = words[k + match.length];
          if (after && !['and', ',', 'on', 'have', 'has', 'signed', 'also', 'today', 'yesterday'].includes(after.toLowerCase()) && text.tokens[start + k + match.length]?.pos !== 'VBD') continue;
          actors.push({ country: match.entry.iso });
          k += match.length - 1;
        }
      }
    }
    if (actors.length < 2) continue;
    const named = documents.filter((doc) => doc.from > v);
    if (named.length === 0 && /\b(series|number|several|a set) of\b|\b(agreements|documents|accords|memorandums)\b/i.test(text.words(v, Math.min(end, v + 8)))) return actors;
    for (const doc of named) {
      for (const actor of actors) if (!doc.signatories.some((s) => JSON.stringify(s) === JSON.stringify(actor))) doc.signatories.push(actor);
    }
  }
  return [];
}

/** The day of the report's events: the first date of the report's first paragraph, else of the first act. */
export function findEventDate(text: AnnotatedText): string | undefined {
  for (const mention of text.mentions) {
    if (mention.ner !== 'DATE') continue;
    const date = text.dateOf(mention);
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    if (text.published && date > `${text.published}`.padEnd(10, '9')) continue;
    if (text.published && /^\d{4}-\d{2}-\d{2}$/.test(text.published)) {
      const days = (Date.parse(text.published) - Date.parse(date)) / 86_400_000;
      if (days > 14) continue;
    }
    return date;
  }
  return undefined;
}

/** The dateline city ("NAIROBI, March 4 (Wire) -", "MINSK:", "Tashkent."), if the report has one. */
export function findDateline(text: AnnotatedText, places: XPlace[]): XPlace | undefined {
  const first = text.annotation.sentences[0];
  if (!first) return undefined;
  for (const sentence of text.annotation.sentences.slice(0, 3)) {
    const token = text.tokens[sentence.tokenStart];
    if (token.ner === 'CITY' || token.ner === 'STATE_OR_PROVINCE') {
      const next = text.tokens[sentence.tokenStart + 1];
      if (next && [':', ',', '-', '.', '--', '—'].includes(next.word)) return places.find((p) => p.name.toLowerCase() === token.word.toLowerCase());
    }
  }
  return undefined;
}

const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/**
 * "at the close of a two-day meeting" on a known day D: the meeting ran from D minus one day to D, an interval read
 * from the count (a reading), not stated.
 */
function countedClose(said: string, date: string | undefined): { date: string; reading: FactReading } | undefined {
  const match = /\bat the (?:close|end) of (?:a|the) (two|three|four|five|six|seven)-day\b/i.exec(said);
  if (!match || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const days = COUNTS[match[1].toLowerCase()];
  const start = new Date(`${date}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return {
    date: `${start.toISOString().slice(0, 10)}/${date}`,
    reading: { kind: 'OTHER', note: `"${match[0]}" that closed on ${date}: the ${days} days are counted back from it.` },
  };
}

export function findEvents(
  text: AnnotatedText,
  acts: XAct[],
  people: XPerson[],
  byToken: Map<number, XPerson>,
  places: XPlace[],
  dateline: XPlace | undefined,
  eventDate: string | undefined,
  mainCountries: string[],
): { events: XEvent[]; ceremony?: XEvent } {
  const events: XEvent[] = [];
  let ceremony: XEvent | undefined;
  if (acts.length > 0) {
    // The place: "a ceremony in Nairobi", a city named in the acts' sentences, else the dateline.
    let place: XPlace | undefined;
    for (const act of acts) {
      for (const candidate of places) if (new RegExp(`\\bin ${candidate.name}\\b`, 'i').test(act.evidence.quote)) place ??= candidate;
    }
    place ??= dateline;
    const participants: XParticipant[] = [];
    for (const act of acts) {
      if (act.verb !== 'WITNESSED' && act.verb !== 'SIGNED_IN_PRESENCE_OF' && act.verb !== 'PRESIDED_OVER_SIGNING') continue;
      for (const side of act.sides) {
        const role = act.verb === 'PRESIDED_OVER_SIGNING' ? 'PRESIDING' : 'WITNESS';
        if (side.person && !participants.some((p) => p.person === side.person)) participants.push({ person: side.person, role });
      }
    }
    // The meeting, talks or session the text places the acts in; else a signing ceremony.
    const said = acts.map((a) => a.evidence.quote).join(' ');
    const framing = /ceremony/i.test(said)
      ? null
      : /\b(?:within the framework of|at|during|on the sidelines of|following|after|in the course of|on the margins of) the ((?:[\w-]+ ){0,7}?(meeting|session|talks|summit|conference|round))\b/i.exec(said) ??
        /\b(?:signed|inked|exchanged) (?:[\w-]+ ){0,3}(?:following|after|at|during) the ((?:[\w-]+ ){0,7}?(meeting|session|talks|summit|conference))\b/i.exec(text.text);
    const session = !framing && !/ceremony/i.test(said) ? /\b(?:annual |joint |plenary )?(session|summit|meeting) of the ([\w' -]+?)(?:[,.]|$)|\bthe ([\w' -]+?)'s (annual |plenary )?(session|meeting|summit)\b/i.exec(said) : null;
    const date = acts.find((a) => a.date)?.date ?? eventDate;
    const evidence = acts.slice(0, 3).map((a) => a.evidence);
    // The talks or meeting the signing closed: an event of its own.
    if (framing) {
      const counted = countedClose(said, date);
      events.push({ kind: /talks|round/i.test(framing[2]) ? 'TALKS' : 'MEETING', name: sentenceCase(framing[1].replace(/^(close|end|start|opening) of (a|the|an) /i, '')), date: counted?.date ?? date, reading: counted?.reading, place, between: [], participants: [], evidence });
    }
    ceremony = session
      ? { kind: 'MEETING', name: sentenceCase(session[0].replace(/[,.]$/, '')), date, place, between: [], participants, evidence }
      : { kind: 'SIGNING_CEREMONY', name: place ? `Signing ceremony in ${place.name}` : 'Signing ceremony', date, place, between: [], participants, evidence };
    events.push(ceremony);
  }
  // A visit: "X's (official|state) visit to Y", "visit of X to Y", "X ... visited Y".
  for (let i = 0; i < text.tokens.length; i++) {
    if (text.lower(i) !== 'visit' && text.lower(i) !== 'visited') continue;
    const { start, end } = text.sentenceOf(i);
    let visitor: XPerson | undefined;
    for (let k = i - 1; k >= Math.max(start, i - 10); k--) if (byToken.get(k)) { visitor = byToken.get(k); break; }
    if (!visitor && text.lower(i + 1) === 'of') visitor = byToken.get(i + 2) ?? byToken.get(i + 3) ?? byToken.get(i + 4);
    if (!visitor) continue;
    let country: string | undefined;
    for (let k = i + 1; k < Math.min(end, i + 8); k++) {
      if (text.lower(k) !== 'to' && text.lower(i) !== 'visited') continue;
      const words = text.tokens.slice(k + (text.lower(i) === 'visited' ? 0 : 1), k + 6).map((t) => t.word);
      const match = countryAt(words, 0);
      if (match && !match.adjective) country = match.entry.iso;
      break;
    }
    if (!country) continue;
    const dateMention = text.mentions.find((m) => m.ner === 'DATE' && m.tokenStart >= start && m.tokenStart < end);
    const days = /\bfrom (\d{1,2}) to (\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/.exec(text.words(start, end));
    if (days) {
      const month = String(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].indexOf(days[3].toLowerCase()) + 1).padStart(2, '0');
      const at = (day: string) => `${days[4]}-${month}-${day.padStart(2, '0')}`;
      if (!events.some((e) => e.kind === 'VISIT' && e.participants[0]?.person === visitor)) {
        events.push({ kind: 'VISIT', name: `Visit of ${visitor.name} to ${country.toUpperCase()}`, date: `${at(days[1])}/${at(days[2])}`, country, between: [], participants: [{ person: visitor, role: 'VISITOR' }], evidence: [text.citeSentence(i)] });
      }
      continue;
    }
    const span = dateMention ? /\b(\d{4})\s*[-–]\s*(\d{2}|\d{4})\b/.exec(dateMention.text) : null;
    const explicit = span ? `${span[1]}/${span[2].length === 2 ? span[1].slice(0, 2) + span[2] : span[2]}` : dateMention ? text.dateOf(dateMention) : undefined;
    const date = explicit ?? (events.length === 1 ? eventDate : undefined);
    if (events.some((e) => e.kind === 'VISIT' && e.participants[0]?.person === visitor && e.country === country)) continue;
    events.push({
      kind: 'VISIT',
      name: `Visit of ${visitor.name} to ${country.toUpperCase()}`,
      date,
      country,
      between: [],
      participants: [{ person: visitor, role: 'VISITOR' }],
      evidence: [text.citeSentence(i)],
    });
  }
  // Talks between the two sides / a meeting of two named people.
  for (let i = 0; i < text.tokens.length; i++) {
    const lower = text.lower(i);
    if (lower !== 'talks' && lower !== 'meeting') continue;
    if (text.tokens[i].pos?.startsWith('VB')) continue;
    const { start, end } = text.sentenceOf(i);
    const window = text.words(i, Math.min(end, i + 10)).toLowerCase();
    if (lower === 'talks' && /between the two sides|between the two countries|between .* and /.test(window) && mainCountries.length === 2) {
      if (!events.some((e) => e.kind === 'TALKS' && e.date === eventDate)) {
        events.push({ kind: 'TALKS', name: `Talks between ${mainCountries.map((c) => c.toUpperCase()).join(' and ')}`, date: eventDate, between: mainCountries, participants: [], evidence: [text.citeSentence(i)] });
      }
      continue;
    }
    if (lower === 'meeting') {
      const named = new Set<XPerson>();
      for (let k = Math.max(start, i - 6); k < Math.min(end, i + 8); k++) {
        const person = byToken.get(k);
        if (person) named.add(person);
      }
      if (named.size >= 1 && /\bwith\b/.test(window) && !events.some((e) => e.kind === 'MEETING' && e.date === eventDate)) {
        const list = [...named].slice(0, 2);
        events.push({ kind: 'MEETING', name: `Meeting of ${list.map((p) => p.name).join(' and ')}`, date: eventDate, between: [], participants: list.map((person) => ({ person, role: 'PARTICIPANT' as const })), evidence: [text.citeSentence(i)] });
      }
    }
  }
  events.push(...pressEvents(text, byToken, eventDate));
  void people;
  return { events, ceremony };
}

const PRESS_EVENT = /\b((?:joint |final )?(?:press|news|media) (?:conference|briefing|stakeout|availability)|(?:joint )?press point)\b/i;

/**
 * Press events: "told a news conference after the session", "in a joint press stakeout". The speaker is the person
 * named in the sentence; the date is one the sentence states, or the report's event date when the sentence ties the
 * press event to the talks ("after the session"); else it stays undated.
 */
function pressEvents(text: AnnotatedText, byToken: Map<number, XPerson>, eventDate: string | undefined): XEvent[] {
  const events: XEvent[] = [];
  for (const sentence of text.annotation.sentences) {
    const { tokenStart: start, tokenEnd: end } = sentence;
    const words = text.words(start, end);
    const match = PRESS_EVENT.exec(words);
    if (!match) continue;
    const speakers = new Set<XPerson>();
    for (let k = start; k < end; k++) if (byToken.get(k)) speakers.add(byToken.get(k)!);
    if (speakers.size === 0) continue;
    // A date next to the phrase ("at a press conference on Tuesday"), not one of what was said ("last year").
    let at = start;
    while (at < end && !['press', 'news', 'media'].includes(text.lower(at))) at++;
    const dateMention = text.mentions.find((m) => m.ner === 'DATE' && m.tokenStart >= at - 4 && m.tokenStart <= at + 6);
    const explicit = dateMention ? text.dateOf(dateMention) : undefined;
    const tied = /\b(after|following|at the end of|on the sidelines of) the (session|meeting|talks|summit|ceremony|signing)\b/i.test(words.slice(match.index));
    const date = explicit ?? (tied ? eventDate : undefined);
    const name = sentenceCase(match[1]);
    if (events.some((e) => e.name === name && e.date === date)) continue;
    events.push({
      kind: 'PRESS_EVENT',
      name,
      date,
      between: [],
      participants: [...speakers].slice(0, 2).map((person) => ({ person, role: 'SPEAKER' as const })),
      evidence: [text.citeSentence(start)],
    });
  }
  return events;
}

/** Letters of Vietnamese that English words never have. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/**
 * Names CoreNLP leaves untagged right after an office title ("Chairwoman of the People's Committee Nguyễn Thu Hà",
 * "Minister of Justice of Sri Lanka Harsha de Alwis"): capitalised words with letters no English title has, or a
 * word that a name particle (de, van, bin...) and a capitalised word follow. Only words of the text are tagged.
 */
function recoverNames(text: AnnotatedText): void {
  const added: EntityMention[] = [];
  for (const sentence of text.annotation.sentences) {
    for (let i = sentence.tokenStart + 1; i < sentence.tokenEnd; i++) {
      // Right after the title, or after its comma ("Minister of Industry and Trade, Lê Thị Hương").
      const afterTitle = text.isCapitalised(i - 1) || (text.tokens[i - 1].word === ',' && text.isCapitalised(i - 2));
      if (isPersonToken(text, i) || !text.isCapitalised(i) || !afterTitle || isPersonToken(text, i - 1)) continue;
      let end = i;
      while (end < sentence.tokenEnd && text.isCapitalised(end) && !isPersonToken(text, end) && end - i < 4) end++;
      const words = text.tokens.slice(i, end).map((t) => t.word);
      let take: [number, number] | undefined;
      if (end - i >= 2 && words.some((w) => VIETNAMESE.test(w)) && !words.some((w) => FINAL_HEADS.has(w.toLowerCase()))) take = [i, end];
      else if (PARTICLES.has(text.lower(i + 1)) && text.isCapitalised(i + 2) && !FINAL_HEADS.has(text.lower(i)) && text.tokens[i].pos === 'NNP' && !countryOf(text.tokens[i].word)) {
        let stop = i + 3;
        while (stop < sentence.tokenEnd && text.isCapitalised(stop) && stop - i < 5 && !FINAL_HEADS.has(text.lower(stop))) stop++;
        take = [i, stop];
      }
      if (!take) continue;
      for (let k = take[0]; k < take[1]; k++) text.tokens[k].ner = 'PERSON';
      const start = text.tokens[take[0]].start;
      const stopAt = text.tokens[take[1] - 1].end;
      added.push({ text: text.quote(start, stopAt), ner: 'PERSON', start, end: stopAt, sentence: sentence.index, tokenStart: take[0], tokenEnd: take[1] });
      i = take[1];
    }
  }
  if (added.length) text.annotation.mentions = [...text.annotation.mentions, ...added].sort((a, b) => a.start - b.start);
}

/** Runs every family over an annotated text. */
export function read(text: AnnotatedText): Reading {
  recoverNames(text);
  const countries = findCountries(text);
  const places = findPlaces(text);
  TEXT_PLACES.set(text, places);
  const { people, titles, byToken } = findPeople(text);
  const titleSpans = titleRuns(text).filter(([a, b]) => b - a > 1 || !/^(ministry|government)$/i.test(text.words(a, b)));
  const bodies = findBodies(text, [...titleSpans, ...people.flatMap((p) => p.titles.map((t) => [t.from, t.to] as [number, number]))]);
  const agreements = findAgreements(text, bodies);
  const mainCountries = countries.length >= 2 && countries[1].mentions >= 2 ? [countries[0].iso, countries[1].iso] : [];
  for (const agreement of agreements) if (agreement.parties.length === 0) agreement.parties = describedParties(text, agreement, countries, mainCountries, bodies);
  for (const body of [...bodies]) {
    // A body named only inside a document's title is a party, not a body of its own ... unless a party.
    const inTitle = agreements.some((a) => body.evidence.every((e) => e.start >= text.tokens[a.from].start && e.end <= text.tokens[a.to - 1].end));
    const isParty = agreements.some((a) => [...a.parties, ...a.signatories].some((p) => 'body' in p && p.body === body));
    if (inTitle && !isParty) bodies.splice(bodies.indexOf(body), 1);
  }
  const eventDate = findEventDate(text);
  const { acts, unnamed } = findActs(text, { byToken }, titles, agreements, mainCountries, eventDate, bodies);
  const table = tableActs(text, byToken, agreements, eventDate, bodies);
  acts.push(...table.acts);
  const signed = [...new Set(acts.filter((a) => a.verb !== 'WITNESSED').flatMap((a) => a.documents))];
  for (const act of acts) if (act.verb === 'WITNESSED' && act.documents.length === 0) act.documents = signed;
  for (let k = acts.length - 1; k >= 0; k--) if (acts[k].documents.length === 0) acts.splice(k, 1);
  for (const title of table.unnamed) if (!unnamed.includes(title)) unnamed.push(title);
  // People's countries by contrast, from their sides.
  for (const act of acts) for (const side of act.sides) if (side.person && side.country && !side.titles.some((t) => t.country)) {
    for (const title of side.titles) if (!title.country) {
      title.country = side.country;
      title.reading = side.reading;
    }
  }
  const dateline = findDateline(text, places);
  const { events } = findEvents(text, acts, people, byToken, places, dateline, eventDate, mainCountries);
  // Only places where something happens, or that the text places in a country.
  const isParty = (p: XPlace) => agreements.some((a) => [...a.parties, ...a.signatories].some((x) => 'place' in x && x.place === p));
  const usedPlaces = places.filter((p) => events.some((e) => e.place === p) || isParty(p));
  return { countries, places: usedPlaces, bodies, people, unnamed, agreements, acts, events };
}
