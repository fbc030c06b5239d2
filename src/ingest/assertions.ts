/**
 * What an article asserts, as the writer takes it: nodes with stable ids and properties, relationships, passages
 * and the citations that link facts to them, and the merges entity resolution made. The plan builds it, the writer
 * writes it, and each article's set is kept (on its ingestion record) to retract it when the article is corrected.
 */

export type Properties = Record<string, string | number | boolean | string[] | null>;

export interface NodeAssertion {
  id: string;
  /** The labels besides Fact. */
  labels: string[];
  props: Properties;
}

export interface RelationshipAssertion {
  from: string;
  type: string;
  to: string;
  /** role (part of the relationship's identity), reading and readingNote (how the source states it). */
  props?: Properties;
}

export interface PassageAssertion {
  id: string;
  start: number;
  end: number;
  quote: string;
}

/** A fact cites a passage: plainly, or as a reading of it; curated, or drafted by an extractor. */
export interface Citation {
  fact: string;
  passage: string;
  reading?: string;
  readingNote?: string;
  extractor?: string;
  confidence?: number;
}

export interface MergeRecord {
  id: string;
  /** RESOLVED: an entity of the article is an existing one; SAME_HOLDER: an unnamed office-holder is a named one. */
  kind: 'RESOLVED' | 'SAME_HOLDER';
  method: string;
  reason: string;
  sourceId: string;
  /** The node the article's entity was resolved to, or the named occupancy. */
  target: string;
  /** The article's entity key, or the unnamed occupancy. */
  subject: string;
  form: string;
}

export interface AssertionSet {
  sourceId: string;
  source: Properties;
  passages: PassageAssertion[];
  nodes: NodeAssertion[];
  relationships: RelationshipAssertion[];
  citations: Citation[];
  merges: MergeRecord[];
  /** SAME_AS links from unnamed to named holdings of an office, made by resolution. */
  sameAs: Array<{ from: string; to: string; mergeId: string; method: string }>;
}

/** The key of a relationship, to compare what two versions of an article assert. */
export const relationshipKey = (r: RelationshipAssertion) => `${r.from}|${r.type}|${r.to}|${r.props?.role ?? ''}`;
