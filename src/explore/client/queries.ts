/**
 * Every question the Explorer asks the GraphQL API, in one place: a worked example of the public API. Each query
 * asks for the fields the running schema has (settings.ts): the format v2 fields (verb, reading, provenance,
 * unnamed officials...) join the selections as soon as the schema has them.
 *
 * Lists ask for explicit page sizes: the API prices a list by its size (limit) times its selection, and a
 * to-one relationship (a list in @neo4j/graphql) is asked with limit 1.
 */
import type { Schema } from './settings';

/** Page sizes: a section of a page, the network's first page of links, the timeline's. */
export const PAGE = 50;
export const NETWORK_PAGE = 200;

const MARKS = ['reading', 'readingNote', 'provenance', 'extractor', 'confidence'];

export function selections(schema: Schema) {
  const marks = (type: string) => schema.optional(type, ...MARKS);
  const ref = 'id name';
  const eventRef = `id name kind date place(limit: 1) { ${ref} } ${marks('Event')}`;
  const actor = '__typename id name';
  const side = `id role person(limit: 1) { ${ref} } resolvedPerson { ${ref} } country(limit: 1) { ${ref} } ${marks('ExchangeSide')}`;
  const exchange = `id name date ${schema.optional('DocumentExchange', 'verb', 'verbWords')} ${marks('DocumentExchange')}
    documents(limit: 20, sort: [{ title: ASC }]) { id title kind }
    sides(limit: 10) { ${side} }
    partOf(limit: 1) { id name kind date }`;
  const agreement = `id title titleAsReported kind ${schema.optional('Agreement', 'kindAsReported')} signedOn validFrom validTo topics ${marks('Agreement')}
    signatories(limit: 10) { ${actor} }
    parties(limit: 10) { ${actor} }`;
  const occupancy = `id title observedOn heldFrom heldUntil ${marks('Occupancy')}
    holder(limit: 1) { ${ref} } resolvedHolder { ${ref} }
    position(limit: 1) { id title country(limit: 1) { ${ref} } }`;
  const networkAgreement = `id title kind signedOn signatories(limit: 10) { ${actor} } parties(limit: 10) { ${actor} }`;
  const claim = `id kind summary ${marks('Claim')} speaker(limit: 1) { ${ref} } actor(limit: 1) { ${ref} } madeAt(limit: 1) { ${eventRef} }`;
  const officials = schema.has('Event', 'officials') ? `officials(limit: 20) { label ${schema.has('UnnamedOfficial', 'country') ? `country(limit: 1) { ${ref} }` : ''} }` : '';
  const source = `id name publisher publishedOn dateline checksum ${schema.optional('Source', 'published', 'url', 'text')}`;
  return { ref, eventRef, actor, side, exchange, agreement, networkAgreement, occupancy, claim, officials, source };
}

export type Selections = ReturnType<typeof selections>;

export function queries(schema: Schema) {
  const s = selections(schema);
  return {
    search: `query Search($text: String!) { search(text: $text, limit: 20) { kind id name score } }`,

    personHeader: `query Person($id: ID!) {
  people(where: { id: { eq: $id } }, limit: 1) {
    id name aliases weakAliases
    occupancies(limit: ${PAGE}, sort: [{ observedOn: DESC }]) { ${s.occupancy} }
  }
}`,
    personExchanges: `query PersonExchanges($id: ID!) {
  people(where: { id: { eq: $id } }, limit: 1) { exchangeSides(limit: ${PAGE}) { exchange(limit: 1) { ${s.exchange} } } }
}`,
    personEvents: `query PersonEvents($id: ID!) {
  people(where: { id: { eq: $id } }, limit: 1) {
    eventsConnection(first: ${PAGE}, sort: [{ node: { date: DESC } }]) { edges { properties { role } node { ${s.eventRef} } } }
  }
}`,
    personClaims: `query PersonClaims($id: ID!) {
  people(where: { id: { eq: $id } }, limit: 1) { claims(limit: ${PAGE}) { ${s.claim} } counterparts { ${s.ref} } }
}`,

    countryHeader: `query Country($id: ID!, $offset: Int!) {
  countries(where: { id: { eq: $id } }, limit: 1) {
    id name isoCode aliases
    signed(limit: ${PAGE}, offset: $offset, sort: [{ signedOn: DESC }, { title: ASC }]) { ${s.agreement} }
  }
}`,
    countryBodies: `query CountryBodiesAndOffices($id: ID!) {
  countries(where: { id: { eq: $id } }, limit: 1) {
    bodies(limit: ${PAGE}, sort: [{ name: ASC }]) { id name kind }
    positions(limit: ${PAGE}, sort: [{ title: ASC }]) { id title }
  }
}`,
    countryEvents: `query CountryEvents($id: ID!, $offset: Int!) {
  events(where: { OR: [{ country: { some: { id: { eq: $id } } } }, { between: { some: { id: { eq: $id } } } }] },
         limit: ${PAGE}, offset: $offset, sort: [{ date: DESC }]) { ${s.eventRef} }
}`,

    bodyHeader: `query Body($id: ID!, $offset: Int!) {
  bodies(where: { id: { eq: $id } }, limit: 1) {
    id name nameAsReported kind aliases
    country(limit: 1) { ${s.ref} }
    positions(limit: ${PAGE}, sort: [{ title: ASC }]) { id title }
    agreements(limit: ${PAGE}, offset: $offset, sort: [{ signedOn: DESC }, { title: ASC }]) { ${s.agreement} }
  }
}`,

    positionHeader: `query Position($id: ID!) {
  positions(where: { id: { eq: $id } }, limit: 1) {
    id title portfolio
    country(limit: 1) { ${s.ref} }
    body(limit: 1) { ${s.ref} }
    occupancies(limit: ${PAGE}, sort: [{ observedOn: DESC }]) { ${s.occupancy} }
  }
}`,

    agreementHeader: `query Agreement($id: ID!) {
  agreements(where: { id: { eq: $id } }, limit: 1) { ${s.agreement} signedDuring(limit: 5) { ${s.eventRef} } }
}`,
    agreementExchanges: `query AgreementExchanges($id: ID!) {
  agreements(where: { id: { eq: $id } }, limit: 1) { exchanges(limit: 20) { ${s.exchange} } }
}`,

    eventHeader: `query Event($id: ID!) {
  events(where: { id: { eq: $id } }, limit: 1) {
    ${s.eventRef} ${s.officials}
    country(limit: 1) { ${s.ref} }
    between(limit: 10) { ${s.ref} }
    partOf(limit: 1) { ${s.eventRef} }
    participantsConnection(first: ${PAGE}) { edges { properties { role } node { ${s.ref} } } }
  }
}`,
    eventExchange: `query EventExchange($id: ID!) { documentExchanges(where: { id: { eq: $id } }, limit: 1) { ${s.exchange} } }`,
    eventParts: `query EventParts($id: ID!) {
  events(where: { id: { eq: $id } }, limit: 1) {
    parts(limit: ${PAGE}, sort: [{ date: ASC }, { name: ASC }]) { ${s.eventRef} }
    agreementsSigned(limit: ${PAGE}, sort: [{ title: ASC }]) { ${s.agreement} }
  }
}`,
    eventClaims: `query EventClaims($id: ID!) { events(where: { id: { eq: $id } }, limit: 1) { claims(limit: ${PAGE}) { ${s.claim} } } }`,

    placeHeader: `query Place($id: ID!) {
  places(where: { id: { eq: $id } }, limit: 1) {
    id name kind
    country(limit: 1) { ${s.ref} }
    within(limit: 1) { ${s.ref} }
    events(limit: ${PAGE}, sort: [{ date: DESC }]) { ${s.eventRef} }
  }
}`,

    source: `query Source($id: ID!, $offset: Int!) {
  sources(where: { id: { eq: $id } }, limit: 1) {
    ${s.source}
    passages(limit: 200, offset: $offset, sort: [{ start: ASC }, { end: DESC }]) { id start end quote }
  }
}`,

    personNetwork: `query PersonNetwork($id: ID!, $offset: Int!) {
  people(where: { id: { eq: $id } }, limit: 1) {
    id name
    exchangeSides(limit: ${NETWORK_PAGE}, offset: $offset) {
      exchange(limit: 1) { id date ${schema.optional('DocumentExchange', 'verb')} documents(limit: 20) { id title kind } sides(limit: 10) { id role person(limit: 1) { ${s.ref} } country(limit: 1) { ${s.ref} } } }
    }
  }
}`,
    countryNetwork: `query CountryNetwork($id: ID!, $offset: Int!) {
  countries(where: { id: { eq: $id } }, limit: 1) {
    id name
    signed(limit: ${NETWORK_PAGE}, offset: $offset, sort: [{ signedOn: DESC }, { title: ASC }]) { ${s.networkAgreement} }
  }
}`,
    bodyNetwork: `query BodyNetwork($id: ID!, $offset: Int!) {
  bodies(where: { id: { eq: $id } }, limit: 1) {
    id name
    agreements(limit: ${NETWORK_PAGE}, offset: $offset, sort: [{ signedOn: DESC }, { title: ASC }]) { ${s.networkAgreement} }
  }
}`,
    agreementNetwork: `query AgreementNetwork($id: ID!) {
  agreements(where: { id: { eq: $id } }, limit: 1) {
    ${s.networkAgreement}
    exchanges(limit: 20) { id date ${schema.optional('DocumentExchange', 'verb')} sides(limit: 10) { id role person(limit: 1) { ${s.ref} } country(limit: 1) { ${s.ref} } } }
  }
}`,

    connection: `query Path($from: String!, $to: String!) { connection(from: $from, to: $to) { length steps { kind id name via } } }`,
  };
}

export type Queries = ReturnType<typeof queries>;

/** The root field of each kind of fact, to ask for one fact by id (an allowlist: never a name from input). */
export const ROOT_FIELDS: Record<string, string> = {
  Person: 'people',
  Country: 'countries',
  Body: 'bodies',
  Position: 'positions',
  Occupancy: 'occupancies',
  Agreement: 'agreements',
  Event: 'events',
  DocumentExchange: 'documentExchanges',
  ExchangeSide: 'exchangeSides',
  Place: 'places',
  Claim: 'claims',
};

/** The passages citing up to 10 facts, one aliased root field per fact. */
export function evidenceQuery(facts: Array<{ kind: string }>): string {
  const fields = facts
    .slice(0, 10)
    .map(({ kind }, i) => {
      const root = ROOT_FIELDS[kind];
      if (!root) throw new Error(`no evidence for facts of kind ${kind}`);
      return `f${i}: ${root}(where: { id: { eq: $id${i} } }, limit: 1) { id evidence(limit: 50, sort: [{ start: ASC }]) { id start end quote source(limit: 1) { id } } }`;
    })
    .join('\n  ');
  const variables = facts.slice(0, 10).map((_, i) => `$id${i}: ID!`).join(', ');
  return `query Evidence(${variables}) {\n  ${fields}\n}`;
}
