/**
 * The fact model: the one description of what kinds of fact the graph holds, their labels, and how the facts of
 * an article refer to each other (which field names which kind of fact, through which relationship). The article
 * format (src/ingest/format.ts) takes its reference fields from here, validation checks references against it, the
 * plan writes relationships from it, and a test ties schema.graphql and cypher/00-schema.cypher to it.
 */

/** The collections of an article, in the order they are planned (what a fact refers to comes before it). */
export const COLLECTIONS = [
  'countries',
  'places',
  'bodies',
  'people',
  'positions',
  'occupancies',
  'events',
  'agreements',
  'exchanges',
  'claims',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** Facts declared inside another fact: the sides of an exchange, the unnamed participants of an event. */
export const NESTED = ['sides', 'officials'] as const;
export type Nested = (typeof NESTED)[number];

export type FactKind = Collection | Nested;

export interface Reference {
  /** The collections the referenced key may belong to. */
  targets: readonly Collection[];
  /** The relationship written from the referring fact to the referenced one. */
  type: string;
  /** A list of keys rather than one key. */
  many: boolean;
  /** The field must be given. */
  required: boolean;
  /** What the field means, for the JSON Schema and the documentation. */
  description: string;
}

export interface FactKindModel {
  /** The node labels besides Fact. */
  labels: readonly string[];
  /** The reference fields of this kind of fact in the article format. */
  refs: Readonly<Record<string, Reference>>;
}

const one = <R extends boolean = false>(targets: readonly Collection[], type: string, description: string, required?: R) => ({
  targets,
  type,
  many: false as const,
  required: (required ?? false) as R,
  description,
});
const many = (targets: readonly Collection[], type: string, description: string) => ({
  targets,
  type,
  many: true as const,
  required: false as const,
  description,
});

/** Who an agreement can bind or be signed by. */
export const ACTORS = ['countries', 'bodies', 'places'] as const;

export const MODEL = {
  countries: { labels: ['Country'], refs: {} },
  places: {
    labels: ['Place'],
    refs: {
      country: one(['countries'], 'IN_COUNTRY', 'The country the place is in, when the text says.'),
      within: one(['places'], 'WITHIN', 'The region or city the place is in, when the text says.'),
    },
  },
  bodies: {
    labels: ['Body'],
    refs: { country: one(['countries'], 'OF_COUNTRY', 'The country of the body, when the text says.') },
  },
  people: { labels: ['Person'], refs: {} },
  positions: {
    labels: ['Position'],
    refs: {
      country: one(['countries'], 'OF_COUNTRY', 'The country of the office, when the text says.'),
      body: one(['bodies'], 'IN_BODY', 'The body the title names, when it names one.'),
    },
  },
  occupancies: {
    labels: ['Occupancy'],
    refs: {
      position: one(['positions'], 'OF_POSITION', 'The office held.', true),
      holder: one(['people'], 'HELD_BY', 'Omitted when the article does not name the holder.'),
    },
  },
  events: {
    labels: ['Event'],
    refs: {
      partOf: one(['events'], 'PART_OF', 'The larger event this one is part of (a ceremony during a visit).'),
      country: one(['countries'], 'IN_COUNTRY', 'The country where it took place, when the text says.'),
      place: one(['places'], 'AT_PLACE', 'The region, city or venue where it took place, when the text says.'),
      between: many(['countries'], 'BETWEEN', 'The countries the event is between (talks between the two sides).'),
    },
  },
  agreements: {
    labels: ['Agreement'],
    refs: {
      parties: many(ACTORS, 'BINDS', 'The countries, bodies or places (regions, cities) the agreement binds.'),
      signatories: many(ACTORS, 'SIGNED_BY', 'The countries, bodies or places the article says signed it.'),
      signedDuring: many(['events'], 'SIGNED_DURING', 'The events during which it was signed.'),
    },
  },
  exchanges: {
    labels: ['DocumentExchange', 'Event'],
    refs: {
      partOf: one(['events'], 'PART_OF', 'The ceremony or visit the act was part of.'),
      documents: many(['agreements'], 'EXCHANGED', 'The documents exchanged, signed or witnessed.'),
    },
  },
  claims: {
    labels: ['Claim'],
    refs: {
      speaker: one(['people'], 'SAID_BY', 'Who said it.', true),
      actor: one(['countries'], 'ACTOR', 'The country whose intent or position it states, when the text says.'),
      madeAt: one(['events'], 'MADE_AT', 'Where it was said.'),
      refersTo: many(['events'], 'REFERS_TO', 'Events the claim speaks of.'),
    },
  },
  sides: {
    labels: ['ExchangeSide'],
    refs: {
      country: one(['countries'], 'REPRESENTS', 'The country the side acted for, when the text says (or a reading).'),
      person: one(['people'], 'PERSON', 'Omitted when the article names nobody.'),
      capacity: many(['occupancies'], 'IN_CAPACITY', 'The holdings of office the side acted in.'),
    },
  },
  officials: {
    labels: ['UnnamedOfficial'],
    refs: {
      country: one(['countries'], 'OF_COUNTRY', 'The country of the official, when the text says.'),
      capacity: many(['occupancies'], 'IN_CAPACITY', 'The holdings of office (without a named holder) the official acted in.'),
    },
  },
} as const satisfies Readonly<Record<FactKind, FactKindModel>>;

/** Relationships between facts that the model does not derive from reference fields. */
export const STRUCTURAL_RELATIONSHIPS = {
  /** From an exchange to each of its sides. */
  HAS_SIDE: { from: 'exchanges', to: 'sides' },
  /** From a person or an unnamed official to an event, with the role (and a reading mark, when the role is one). */
  PARTICIPATED_IN: { from: 'people|officials', to: 'events' },
  /** From an unnamed holding of an office to the named holding another source observes (entity resolution). */
  SAME_AS: { from: 'occupancies', to: 'occupancies' },
} as const;

/** Every relationship type between facts: what `connection` may walk (never evidence). */
export function factRelationshipTypes(): string[] {
  const types = new Set<string>(Object.keys(STRUCTURAL_RELATIONSHIPS));
  for (const kind of Object.values(MODEL) as FactKindModel[]) for (const ref of Object.values(kind.refs)) types.add(ref.type);
  return [...types].sort();
}

/** Every label of a fact node (besides Fact). */
export function factLabels(): string[] {
  return [...new Set((Object.values(MODEL) as FactKindModel[]).flatMap((kind) => kind.labels))].sort();
}

/** The evidence layer: not facts. */
export const EVIDENCE = {
  labels: ['Source', 'Passage'],
  /** Fact -> Passage, with the reading mark and the extraction provenance of that citation. */
  citation: 'EVIDENCED_BY',
  /** Passage -> Source. */
  inSource: 'IN_SOURCE',
} as const;

/** How a fact is stated when it is a reading of the text rather than its plain statement. */
export const READING_KINDS = ['RESPECTIVELY', 'COREFERENCE', 'TABLE_LAYOUT', 'TRUNCATED_TEXT', 'COLLECTIVE_SPLIT', 'OTHER'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

/** The verb the text uses for an act on documents. The first four are signings by the sides themselves. */
export const SIGNING_VERBS = [
  'EXCHANGED',
  'SIGNED',
  'FORMALISED',
  'INITIALLED',
  'SIGNED_IN_PRESENCE_OF',
  'PRESIDED_OVER_SIGNING',
  'WITNESSED',
] as const;
export type SigningVerb = (typeof SIGNING_VERBS)[number];

/** Verbs whose sides put their names to the documents (the others watched or presided). */
export const SIDES_SIGN: ReadonlySet<SigningVerb> = new Set(['EXCHANGED', 'SIGNED', 'FORMALISED', 'INITIALLED']);

/** How a report words each verb when the source gives no words of its own (sides as the subject). */
export const VERB_WORDING: Readonly<Record<SigningVerb, string>> = {
  EXCHANGED: 'exchanged',
  SIGNED: 'signed',
  FORMALISED: 'formalised',
  INITIALLED: 'initialled',
  SIGNED_IN_PRESENCE_OF: 'was present at the signing of',
  PRESIDED_OVER_SIGNING: 'presided over the signing of',
  WITNESSED: 'witnessed the signing of',
};
