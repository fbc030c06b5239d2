/** Extraction rules: the countries, government bodies and places a report names. */
import { AnnotatedText } from './document';
import { BODY_KINDS, countryAt, countryOf } from './lexicon';
import { type XBody, type XCountry, type XPlace } from './reading';
import { headKind, ORGANISATION_HEAD } from './words';

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

export function bodyKind(name: string): XBody['kind'] {
  for (const [pattern, kind] of BODY_KINDS) if (pattern.test(name)) return kind;
  return 'OTHER';
}

/** The country a body's name states: an adjective or a country in it. */
export function countryInWords(words: string[]): string | undefined {
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
export function formalCountryAfter(text: AnnotatedText, i: number): { end: number; iso: string } | undefined {
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
