/**
 * The words the Explorer puts on the graph's codes: how each signing verb reads in a sentence, how a reading of
 * the text and an extracted fact are marked, how an unnamed official is named. One small table per code; extend
 * them here when the schema gains a value (an unknown value still reads, from its own name).
 */

/** How the sides of an exchange read around its verb. */
export interface VerbWording {
  /** The verb phrase after the first side: "exchanged", "presided over the signing of". */
  phrase: string;
  /**
   * Where the other sides go: `with` after the documents (A exchanged D with B), `and` before the verb (A and B
   * signed D), `presence` after the documents (A signed D in the presence of B).
   */
  others: 'with' | 'and' | 'presence';
}

/** DocumentExchange.verb (format v2). Exchanges without a verb (the schema before v2) read as EXCHANGED. */
export const SIGNING_VERBS: Record<string, VerbWording> = {
  EXCHANGED: { phrase: 'exchanged', others: 'with' },
  SIGNED: { phrase: 'signed', others: 'and' },
  FORMALISED: { phrase: 'formalised', others: 'and' },
  INITIALLED: { phrase: 'initialled', others: 'and' },
  SIGNED_IN_PRESENCE_OF: { phrase: 'signed', others: 'presence' },
  PRESIDED_OVER_SIGNING: { phrase: 'presided over the signing of', others: 'and' },
  WITNESSED: { phrase: 'witnessed the signing of', others: 'and' },
};

export const DEFAULT_VERB = 'EXCHANGED';

/** A code in words: SIGNED_IN_PRESENCE_OF -> "signed in presence of". */
export const codeWords = (code: string): string => code.toLowerCase().replace(/_/g, ' ');

export function verbWording(verb: string | null | undefined): VerbWording {
  return SIGNING_VERBS[verb ?? DEFAULT_VERB] ?? { phrase: codeWords(verb!), others: 'and' };
}

/** `reading` (format v2): how the fact was read from the text when the text does not state it outright. */
export const READINGS: Record<string, string> = {
  RESPECTIVELY: 'respectively',
  COREFERENCE: 'coreference',
  TABLE_LAYOUT: 'table layout',
  TRUNCATED_TEXT: 'truncated text',
  COLLECTIVE_SPLIT: 'collective split',
  OTHER: 'other',
};

/** "(reading: respectively)". */
export const readingMarker = (reading: string): string => `(reading: ${READINGS[reading] ?? codeWords(reading)})`;

/** "(extracted by rules-v1, confidence 0.82)": a fact a program drew from the text, not a curator. */
export function extractedMarker(extractor: string | null | undefined, confidence: number | null | undefined): string {
  const details = [extractor ? `by ${extractor}` : '', typeof confidence === 'number' ? `confidence ${confidence.toFixed(2)}` : '']
    .filter(Boolean)
    .join(', ');
  return details ? `(extracted ${details})` : '(extracted)';
}

/** An official the source does not name: never a guessed name. */
export const unnamedOfficial = (label: string): string => `an unnamed ${label}`;

/** Event.participants' role (PARTICIPATED_IN.role), as the verb of "<person> <verb> <the event>". */
export const PARTICIPATION_VERBS: Record<string, string> = {
  VISITOR: 'made',
  HOST: 'hosted',
  PARTICIPANT: 'took part in',
  WITNESS: 'witnessed',
  SPEAKER: 'spoke at',
};

export const participationVerb = (role: string, eventKind?: string): string =>
  role === 'VISITOR' && eventKind !== 'VISIT' ? 'came as a visitor to' : (PARTICIPATION_VERBS[role] ?? `took part (${codeWords(role)}) in`);

/** Claim.kind with its article. */
export const CLAIM_KINDS: Record<string, string> = {
  OFFER: 'an offer',
  ASSURANCE: 'an assurance',
  APPRECIATION: 'appreciation',
  REQUEST: 'a request',
  PROPOSAL: 'a proposal',
  POSITION: 'a position',
};

export const claimKind = (kind: string): string => CLAIM_KINDS[kind] ?? codeWords(kind);

/** Agreement.kind, Event.kind, Body.kind... in words. */
export const KIND_WORDS: Record<string, string> = {
  MEMORANDUM_OF_UNDERSTANDING: 'memorandum of understanding',
  JOINT_STATEMENT: 'joint statement',
  SIGNING_CEREMONY: 'signing ceremony',
  DOCUMENT_EXCHANGE: 'document exchange',
  PRESS_EVENT: 'press event',
  TRADE_BODY: 'trade body',
};

export const kindWords = (kind: string): string => KIND_WORDS[kind] ?? codeWords(kind);

/**
 * First words of event names that are common nouns ("Signing ceremony in Minsk" reads "the signing ceremony in
 * Minsk" inside a sentence); any other first word (a proper name) keeps its capital.
 */
const COMMON_FIRST_WORDS = new Set([
  'signing', 'ceremony', 'official', 'state', 'working', 'visit', 'meeting', 'talks', 'delegation-level', 'joint', 'press',
  'exchange', 'summit', 'bilateral', 'trilateral', 'multilateral', 'conference', 'session', 'round', 'forum', 'dinner',
  'reception', 'consultations', 'negotiations', 'telephone', 'phone', 'call', 'video', 'virtual', 'inaugural', 'annual',
]);

/** An event's name inside a sentence: "the signing ceremony in Minsk". */
export function eventInSentence(name: string): string {
  const [first] = name.split(' ');
  const common = COMMON_FIRST_WORDS.has(first.toLowerCase());
  return `the ${common ? first.toLowerCase() + name.slice(first.length) : name}`;
}
