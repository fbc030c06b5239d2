/**
 * Tests on tokens that rules of several families share: the heads of organisation names, of offices and of documents,
 * and people's names.
 */
import { AnnotatedText } from './document';
import { type AgreementKind, DOCUMENT_HEADS } from './lexicon';

/** Words that make a name an organisation's: a body named in a title has one (or is an acronym). */
export const ORGANISATION_HEAD = /\b(ministry|government|cabinet|council|commission|committee|board|agency|bank|fund|organi[sz]ation|union|association|institute|university|academy|company|corporation|group|forum|court|office|embassy|authority|service|bureau|chamber|federation|parliament|assembly|department|administration|inspectorate|secretariat|centre|center|directorate|police|army|navy|force|party)\b/i;

/** Office heads: a title ends with one of these (Minister, President...). */
export const FINAL_HEADS = new Set([
  'minister', 'ministers', 'president', 'premier', 'chancellor', 'ambassador', 'envoy', 'consul', 'chairman', 'chairwoman',
  'chairperson', 'chair', 'co-chair', 'secretary', 'secretary-general', 'governor', 'mayor', 'director', 'director-general',
  'head', 'commissioner', 'speaker', 'senator', 'king', 'queen', 'emir', 'sultan', 'ceo', 'administrator', 'rector',
  'representative', 'vice-president', 'vice-chairman', 'deputy', 'undersecretary', 'negotiator',
]);
export const RUN_CONNECTORS = new Set(['of', 'for', 'and', 'the', '&']);

export function isPersonToken(text: AnnotatedText, i: number): boolean {
  const token = text.tokens[i];
  return token?.ner === 'PERSON' && token.pos !== 'PRP' && token.pos !== 'PRP$';
}

/** The kind of document a head noun names (its word or its lemma: accords, memorandums). */
export function headKind(text: AnnotatedText, i: number): AgreementKind | undefined {
  const lower = text.lower(i);
  return DOCUMENT_HEADS[lower] ?? DOCUMENT_HEADS[text.tokens[i]?.lemma?.toLowerCase() ?? ''];
}
