/** The shapes the Explorer's GraphQL queries return (queries.ts), and the URLs of entity pages. */

export interface Ref {
  id: string;
  name: string;
}

/** Format v2 marks every fact may carry; absent on the schema before v2. */
export interface FactMarks {
  reading?: string | null;
  readingNote?: string | null;
  provenance?: string | null;
  extractor?: string | null;
  confidence?: number | null;
}

/** An Actor (interface): a Country or a Body, or in format v2 a Place. */
export interface ActorRef extends Ref {
  __typename: string;
}

export interface EventRef extends FactMarks {
  id: string;
  name: string;
  kind: string;
  date: string | null;
  place?: Ref[];
}

export interface Document {
  id: string;
  title: string;
  kind: string;
}

export interface Side extends FactMarks {
  id: string;
  role: string;
  person: Ref[];
  resolvedPerson?: Ref[];
  country: Ref[];
}

export interface Exchange extends FactMarks {
  id: string;
  name: string;
  date: string | null;
  verb?: string | null;
  verbWords?: string | null;
  documents: Document[];
  sides: Side[];
  partOf: EventRef[];
}

export interface Agreement extends FactMarks {
  id: string;
  title: string;
  titleAsReported?: boolean;
  kind: string;
  kindAsReported?: string | null;
  signedOn: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  topics?: string[];
  signatories: ActorRef[];
  parties: ActorRef[];
  signedDuring?: EventRef[];
}

export interface Occupancy extends FactMarks {
  id: string;
  title: string;
  observedOn: string | null;
  heldFrom?: string | null;
  heldUntil?: string | null;
  holder?: Ref[];
  resolvedHolder?: Ref[];
  position: Array<{ id: string; title: string; country: Ref[] }>;
}

export interface Participation {
  role: string;
  event: EventRef;
}

export interface Claim extends FactMarks {
  id: string;
  kind: string;
  summary: string;
  speaker: Ref[];
  actor: Ref[];
  madeAt: EventRef[];
}

/** Event.officials (format v2): somebody the source knows only by a role label. */
export interface UnnamedOfficialRef {
  label: string;
  country?: Ref[] | Ref | null;
}

/** A fact whose evidence can be shown: its GraphQL type and id. */
export interface FactRef {
  kind: string;
  id: string;
}

/** The URL segment of each kind of page. */
const SLUGS: Record<string, string> = {
  Person: 'person',
  Country: 'country',
  Body: 'body',
  Position: 'position',
  Agreement: 'agreement',
  Event: 'event',
  DocumentExchange: 'event',
  Place: 'place',
  Source: 'source',
};

export const PAGE_KINDS = ['person', 'country', 'body', 'position', 'agreement', 'event', 'place', 'source'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const hasPage = (kind: string): boolean => kind in SLUGS;

/** /explore/person/person%3Aviktor-khrenin */
export function entityHref(kind: string, id: string, view?: 'network' | 'timeline'): string {
  const slug = SLUGS[kind] ?? kind.toLowerCase();
  return `/explore/${slug}/${encodeURIComponent(id)}${view ? `/${view}` : ''}`;
}

/** Relationship fields are lists in @neo4j/graphql; a to-one relationship is its first item. */
export const first = <T>(list: T[] | T | null | undefined): T | undefined => (Array.isArray(list) ? list[0] : (list ?? undefined));
