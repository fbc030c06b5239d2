/**
 * The words the extraction rules know: countries (names, official names and adjectives, from the `world-countries`
 * package), the heads of office titles, the kinds of documents, and the verbs of acts on documents.
 * Identifiers (ISO codes) are not claims of the text: a country is only ever named from words the text prints.
 */
import countries from 'world-countries';
import type { SigningVerb } from '../model/facts';

export interface CountryEntry {
  iso: string;
  name: string;
}

/** Lower-cased name or adjective → country. */
const COUNTRY_WORDS = new Map<string, CountryEntry>();
/** Forms that are adjectives (Belarusian, Kenyan): they name a country only in front of a noun. */
const ADJECTIVES = new Set<string>();

function addWord(word: string, entry: CountryEntry, adjective = false): void {
  const lower = word.toLowerCase();
  if (lower.length < 3 || COUNTRY_WORDS.has(lower)) return;
  COUNTRY_WORDS.set(lower, entry);
  if (adjective) ADJECTIVES.add(lower);
}

for (const country of countries) {
  const entry = { iso: country.cca2, name: country.name.common };
  addWord(country.name.common, entry);
  addWord(country.name.official, entry);
  for (const alt of country.altSpellings ?? []) if (/^[A-Z][a-z]/.test(alt) && alt.includes(' ')) addWord(alt, entry);
  const demonym = (country as { demonyms?: { eng?: { m?: string; f?: string } } }).demonyms?.eng;
  if (demonym?.m) addWord(demonym.m, entry, true);
  if (demonym?.f) addWord(demonym.f, entry, true);
}
// Forms news reports use that the package lacks.
const EXTRA: [string, string, boolean][] = [
  ['Uzbek', 'UZ', true], ['Kazakh', 'KZ', true], ['Kyrgyz', 'KG', true], ['Tajik', 'TJ', true], ['Turkmen', 'TM', true],
  ['Lao', 'LA', true], ['Emirati', 'AE', true], ['Omani', 'OM', true], ['Cabo Verdean', 'CV', true],
  ['Cabo Verde', 'CV', false], ['Cape Verde', 'CV', false], ['Cape Verdean', 'CV', true], ['Türkiye', 'TR', false],
  ['Turkish', 'TR', true], ['Czech', 'CZ', true], ['Slovak', 'SK', true], ['Filipino', 'PH', true], ['Belarussian', 'BY', true],
  ['Kyrgyz Republic', 'KG', false], ['Republic of Korea', 'KR', false], ['South Korea', 'KR', false], ['North Korea', 'KP', false],
  ['Vietnam', 'VN', false], ['Viet Nam', 'VN', false], ['Russia', 'RU', false], ['UAE', 'AE', false], ['UK', 'GB', false],
  ['Britain', 'GB', false], ['British', 'GB', true], ['US', 'US', false], ['USA', 'US', false], ['United States', 'US', false],
  ['American', 'US', true], ['Dutch', 'NL', true], ['Swiss', 'CH', true], ['Ivorian', 'CI', true], ['Congolese', 'CD', true],
];
for (const [word, iso, adjective] of EXTRA) {
  const known = countries.find((c) => c.cca2 === iso);
  if (known) {
    const lower = word.toLowerCase();
    COUNTRY_WORDS.delete(lower);
    addWord(word, { iso, name: known.name.common }, adjective);
  }
}

/** The country a name or adjective stands for ('Belarusian', 'Republic of Belarus', 'Belarus'). */
export function countryOf(words: string): CountryEntry | undefined {
  const cleaned = words.replace(/^the\s+/i, '').replace(/['’]s$/, '').trim();
  if (/^[A-Z]{2,3}$/.test(cleaned)) {
    if (!['UK', 'US', 'USA', 'UAE'].includes(cleaned)) return undefined;
    return { iso: { UK: 'GB', US: 'US', USA: 'US', UAE: 'AE' }[cleaned]!, name: cleaned };
  }
  return COUNTRY_WORDS.get(cleaned.toLowerCase());
}

export function isCountryAdjective(words: string): boolean {
  return ADJECTIVES.has(words.toLowerCase());
}

/** The longest country name or adjective starting at token `start` (up to 5 words), with its length in tokens. */
export function countryAt(words: string[], start: number): { entry: CountryEntry; length: number; adjective: boolean } | undefined {
  for (let length = Math.min(5, words.length - start); length >= 1; length--) {
    const phrase = words.slice(start, start + length).join(' ');
    if (!/^[A-Z]/.test(phrase)) continue;
    const entry = countryOf(phrase);
    if (entry) return { entry, length, adjective: isCountryAdjective(phrase) };
  }
  return undefined;
}

/** Words that make a phrase an office title when they are its head (lower case). */
export const TITLE_HEADS = new Set([
  'minister', 'president', 'vice-president', 'premier', 'chancellor', 'ambassador', 'envoy', 'consul', 'chairman',
  'chairwoman', 'chairperson', 'chair', 'co-chair', 'secretary', 'secretary-general', 'governor', 'mayor', 'director',
  'director-general', 'head', 'chief', 'commissioner', 'speaker', 'senator', 'king', 'queen', 'emir', 'sultan',
  'prince', 'ceo', 'executive', 'administrator', 'rector', 'deputy', 'undersecretary', 'under-secretary', 'representative',
  'attorney-general', 'general', 'officer', 'leader', 'prime',
]);

/** Words that may stand inside a title (before its head): Deputy, Foreign, Trade... and connectors. */
export const TITLE_CONNECTORS = new Set(['of', 'for', 'and', 'the', '&', 'on']);

/** Honorifics: not offices (Mr, Ms, Dr...). */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sheikh', 'h.e.', 'his', 'her', 'excellency', 'madam', 'sir']);

export type AgreementKind =
  | 'AGREEMENT'
  | 'MEMORANDUM_OF_UNDERSTANDING'
  | 'PROGRAMME'
  | 'ACCORD'
  | 'PROTOCOL'
  | 'TREATY'
  | 'DECLARATION'
  | 'DECISION'
  | 'JOINT_STATEMENT'
  | 'CONTRACT'
  | 'OTHER';

/** Head nouns of documents (lower case, singular) and their kind. */
export const DOCUMENT_HEADS: Record<string, AgreementKind> = {
  agreement: 'AGREEMENT',
  memorandum: 'MEMORANDUM_OF_UNDERSTANDING',
  memorandums: 'MEMORANDUM_OF_UNDERSTANDING',
  memoranda: 'MEMORANDUM_OF_UNDERSTANDING',
  mou: 'MEMORANDUM_OF_UNDERSTANDING',
  mous: 'MEMORANDUM_OF_UNDERSTANDING',
  programme: 'PROGRAMME',
  program: 'PROGRAMME',
  roadmap: 'PROGRAMME',
  'road map': 'PROGRAMME',
  plan: 'PROGRAMME',
  accord: 'ACCORD',
  protocol: 'PROTOCOL',
  treaty: 'TREATY',
  declaration: 'DECLARATION',
  decision: 'DECISION',
  statement: 'JOINT_STATEMENT',
  communiqué: 'JOINT_STATEMENT',
  communique: 'JOINT_STATEMENT',
  contract: 'CONTRACT',
  convention: 'OTHER',
  charter: 'OTHER',
  arrangement: 'OTHER',
  letter: 'OTHER',
  notes: 'OTHER',
  note: 'OTHER',
  deal: 'AGREEMENT',
  pact: 'AGREEMENT',
};

/** Words of the kind itself: `kindAsReported` is given only when the text's word differs. */
export const KIND_WORDS: Partial<Record<AgreementKind, string[]>> = {
  AGREEMENT: ['agreement', 'agreements'],
  MEMORANDUM_OF_UNDERSTANDING: ['memorandum', 'memorandums', 'memoranda', 'mou', 'mous'],
  PROGRAMME: ['programme', 'program', 'programmes'],
  ACCORD: ['accord', 'accords'],
  PROTOCOL: ['protocol', 'protocols'],
  TREATY: ['treaty', 'treaties'],
  DECLARATION: ['declaration', 'declarations'],
  DECISION: ['decision', 'decisions'],
  JOINT_STATEMENT: ['statement', 'statements'],
  CONTRACT: ['contract', 'contracts'],
};

/** Verbs of acts on documents (lemma → kind). */
export const ACT_VERBS: Record<string, SigningVerb> = {
  sign: 'SIGNED',
  ink: 'SIGNED',
  exchange: 'EXCHANGED',
  initial: 'INITIALLED',
  initialle: 'INITIALLED',
  formalise: 'FORMALISED',
  formalize: 'FORMALISED',
  witness: 'WITNESSED',
};

/** Words that say a document is not (yet) signed: under negotiation, planned, referred to. */
export const NOT_SIGNED_CUES = [
  'negotiat', 'under discussion', 'discussed', 'draft', 'to be prepared', 'would', 'will be', 'could', 'planned',
  'proposed', 'propose', 'appraised', 'appraisal', 'being prepared', 'prepare', 'not adopted', 'under way', 'working on',
  'expected to', 'aim to', 'plan to', 'ready',
];

/** Body head words and their kind. */
export const BODY_KINDS: [RegExp, 'GOVERNMENT' | 'MINISTRY' | 'AGENCY' | 'TRADE_BODY' | 'LEGISLATURE' | 'COMPANY' | 'OTHER'][] = [
  [/\bministry\b|\bministries\b|\bdepartment\b/i, 'MINISTRY'],
  [/\bgovernment\b|\bcabinet\b/i, 'GOVERNMENT'],
  [/\bchamber\b|\bcouncil of .*business|\bbusiness council\b|\bfederation\b|\bassociation\b/i, 'TRADE_BODY'],
  [/\bparliament\b|\bassembly\b|\bsenate\b|\bcongress\b/i, 'LEGISLATURE'],
  [/\bcompany\b|\bcorporation\b|\b(ltd|plc|inc|sa|llc|jsc|group)\b/i, 'COMPANY'],
  [/\bagency\b|\bauthority\b|\bbank\b|\bfund\b|\bservice\b|\binstitute\b|\bcommittee\b|\bcommission\b|\boffice\b|\bbureau\b|\buniversity\b/i, 'AGENCY'],
];
