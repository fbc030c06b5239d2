/**
 * From a checked article to what it asserts: nodes with stable ids and properties, relationships, passages and
 * citations, ids of known entities taken from the resolver (the same person under another form is one node).
 * Pure: the resolver holds what the database and earlier articles of the batch know.
 */
import { createHash } from 'node:crypto';
import type { Article } from './format';
import { slug } from './names';
import type { ResolvedSpan, ValidArticle } from './validate';
import type { Resolver } from './resolve';

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
  props?: Properties;
}

export interface PassageAssertion {
  id: string;
  start: number;
  end: number;
  quote: string;
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
  /** fact id -> passage ids */
  citations: Array<{ fact: string; passage: string }>;
  merges: MergeRecord[];
  /** SAME_AS links from unnamed to named holdings of an office, made by resolution. */
  sameAs: Array<{ from: string; to: string; mergeId: string; method: string }>;
}

/** The key of a relationship, to compare what two versions of an article assert. */
export const relationshipKey = (r: RelationshipAssertion) => `${r.from}|${r.type}|${r.to}|${r.props?.role ?? ''}`;

const drop = (props: Record<string, unknown>): Properties =>
  Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined && value !== null)) as Properties;

export async function planArticle(valid: ValidArticle, resolver: Resolver): Promise<AssertionSet> {
  const { article, evidence } = valid;
  const sourceId = article.source.id;
  const nodes = new Map<string, NodeAssertion>();
  const relationships = new Map<string, RelationshipAssertion>();
  const passages = new Map<string, PassageAssertion>();
  const citations = new Map<string, { fact: string; passage: string }>();
  const ids = new Map<string, string>();
  const merges: MergeRecord[] = [];
  const sameAs: AssertionSet['sameAs'] = [];

  const node = (id: string, labels: string[], props: Record<string, unknown>) => {
    nodes.set(id, { id, labels, props: drop({ id, ...props }) });
    return id;
  };
  const relate = (from: string, type: string, to: string | undefined, props?: Properties) => {
    if (to === undefined) return;
    const relationship = { from, type, to, ...(props ? { props } : {}) };
    relationships.set(relationshipKey(relationship), relationship);
  };
  const cite = (fact: string, at: string) => {
    for (const span of evidence.get(at) ?? []) {
      const passage = passageOf(sourceId, span);
      passages.set(passage.id, passage);
      citations.set(`${fact}|${passage.id}`, { fact, passage: passage.id });
    }
  };
  const idOf = (key: string | undefined) => (key === undefined ? undefined : ids.get(key));
  const iso = (countryKey: string | undefined) => idOf(countryKey)?.slice('country:'.length);

  // Countries first: other ids carry their code.
  for (const [i, country] of article.countries.entries()) {
    const resolved = await resolver.country(country, sourceId);
    ids.set(country.key, resolved.id);
    if (resolved.merge) merges.push(resolved.merge);
    node(resolved.id, ['Country'], { name: resolved.name, isoCode: resolved.isoCode, aliases: unique(country.aliases) });
    cite(resolved.id, `countries[${i}]`);
  }
  for (const [i, place] of article.places.entries()) {
    const id = await resolver.place(place, iso(place.country)!, sourceId);
    ids.set(place.key, id);
    node(id, ['Place'], { name: place.name, kind: place.kind });
    relate(id, 'IN_COUNTRY', idOf(place.country));
    cite(id, `places[${i}]`);
  }
  for (const place of article.places) relate(ids.get(place.key)!, 'WITHIN', idOf(place.within));
  for (const [i, body] of article.bodies.entries()) {
    const resolved = await resolver.body(body, idOf(body.country), sourceId);
    ids.set(body.key, resolved.id);
    if (resolved.merge) merges.push(resolved.merge);
    // Merged into a known body, the article's name is one more alias of it (the first name stated stays the name).
    node(resolved.id, ['Body'], {
      name: body.name,
      nameAsReported: body.nameAsReported,
      kind: body.kind,
      aliases: unique([...(resolved.merge ? [body.name] : []), ...body.aliases]),
    });
    relate(resolved.id, 'OF_COUNTRY', idOf(body.country));
    cite(resolved.id, `bodies[${i}]`);
  }
  for (const [i, person] of article.people.entries()) {
    const resolved = await resolver.person(person, sourceId);
    ids.set(person.key, resolved.id);
    if (resolved.merge) merges.push(resolved.merge);
    node(resolved.id, ['Person'], {
      name: person.name,
      aliases: unique([...(resolved.merge ? [person.name] : []), ...person.aliases]),
      weakAliases: unique(person.weakAliases),
    });
    cite(resolved.id, `people[${i}]`);
  }
  for (const [i, position] of article.positions.entries()) {
    const id = await resolver.position(position, iso(position.country), sourceId);
    ids.set(position.key, id);
    node(id, ['Position'], { title: position.title, portfolio: position.portfolio });
    relate(id, 'OF_COUNTRY', idOf(position.country));
    relate(id, 'IN_BODY', idOf(position.body));
    cite(id, `positions[${i}]`);
  }
  for (const [i, occupancy] of article.occupancies.entries()) {
    const positionId = ids.get(occupancy.position)!;
    const holderId = idOf(occupancy.holder);
    const id = `occupancy:${positionId.slice('position:'.length)}:${holderId ? holderId.slice('person:'.length) : 'unidentified'}:${occupancy.observedOn}`;
    ids.set(occupancy.key, id);
    node(id, ['Occupancy'], {
      title: occupancy.title,
      observedOn: occupancy.observedOn,
      holderNamed: holderId !== undefined,
      heldFrom: occupancy.heldFrom,
      heldUntil: occupancy.heldUntil,
    });
    relate(id, 'OF_POSITION', positionId);
    relate(id, 'HELD_BY', holderId);
    cite(id, `occupancies[${i}]`);
    for (const link of await resolver.sameHolder({ id, positionId, holderId, ...occupancy }, sourceId)) {
      merges.push(link.merge);
      sameAs.push({ from: link.from, to: link.to, mergeId: link.merge.id, method: link.merge.method });
    }
  }
  const eventId = (name: string, date: string | undefined) => `event:${date ? date.replace('/', '-') : sourceId}:${slug(name)}`;
  for (const [i, event] of article.events.entries()) {
    const id = eventId(event.name, event.date);
    ids.set(event.key, id);
    node(id, ['Event'], { name: event.name, kind: event.kind, date: event.date });
    cite(id, `events[${i}]`);
  }
  for (const event of article.events) {
    const id = ids.get(event.key)!;
    relate(id, 'PART_OF', idOf(event.partOf));
    relate(id, 'IN_COUNTRY', idOf(event.country));
    relate(id, 'AT_PLACE', idOf(event.place));
    for (const country of event.between) relate(id, 'BETWEEN', idOf(country));
    for (const participant of event.participants) relate(idOf(participant.person)!, 'PARTICIPATED_IN', id, { role: participant.role });
  }
  for (const [i, agreement] of article.agreements.entries()) {
    const id = `agreement:${agreement.signedOn?.replace('/', '-') ?? sourceId}:${slug(agreement.title)}`;
    ids.set(agreement.key, id);
    node(id, ['Agreement'], {
      title: agreement.title,
      titleAsReported: agreement.titleAsReported,
      kind: agreement.kind,
      topics: unique(agreement.topics),
      validFrom: agreement.validFrom,
      validTo: agreement.validTo,
      signedOn: agreement.signedOn,
    });
    for (const party of agreement.parties) relate(id, 'BINDS', idOf(party));
    for (const signatory of agreement.signatories) relate(id, 'SIGNED_BY', idOf(signatory));
    for (const event of agreement.signedDuring) relate(id, 'SIGNED_DURING', idOf(event));
    cite(id, `agreements[${i}]`);
  }
  for (const [i, exchange] of article.exchanges.entries()) {
    const id = eventId(exchange.name, exchange.date);
    ids.set(exchange.key, id);
    node(id, ['Event', 'DocumentExchange'], { name: exchange.name, kind: 'DOCUMENT_EXCHANGE', date: exchange.date });
    relate(id, 'PART_OF', idOf(exchange.partOf));
    for (const document of exchange.documents) relate(id, 'EXCHANGED', idOf(document));
    cite(id, `exchanges[${i}]`);
    for (const [j, side] of exchange.sides.entries()) {
      const sideId = `side:${id.slice('event:'.length)}:${iso(side.country)}`;
      node(sideId, ['ExchangeSide'], { role: side.role });
      relate(id, 'HAS_SIDE', sideId);
      relate(sideId, 'REPRESENTS', idOf(side.country));
      relate(sideId, 'PERSON', idOf(side.person));
      for (const occupancy of side.capacity) relate(sideId, 'IN_CAPACITY', idOf(occupancy));
      cite(sideId, `exchanges[${i}].sides[${j}]`);
    }
  }
  for (const [i, claim] of article.claims.entries()) {
    const id = `claim:${sourceId}:${claim.key}`;
    node(id, ['Claim'], { kind: claim.kind, summary: claim.summary, quantity: claim.quantity, quantityQualifier: claim.quantityQualifier });
    relate(id, 'SAID_BY', idOf(claim.speaker));
    relate(id, 'ACTOR', idOf(claim.actor));
    relate(id, 'MADE_AT', idOf(claim.madeAt));
    for (const event of claim.refersTo) relate(id, 'REFERS_TO', idOf(event));
    cite(id, `claims[${i}]`);
  }

  return {
    sourceId,
    source: drop({
      id: `source:${sourceId}`,
      name: article.source.name ?? sourceId,
      publisher: article.source.publisher,
      publishedOn: article.source.publishedOn,
      dateline: article.source.dateline,
      checksum: createHash('sha256').update(valid.text).digest('hex'),
    }),
    passages: [...passages.values()],
    nodes: [...nodes.values()],
    relationships: [...relationships.values()],
    citations: [...citations.values()],
    merges,
    sameAs,
  };
}

function passageOf(sourceId: string, span: ResolvedSpan): PassageAssertion {
  return { id: `passage:${sourceId}:${span.start}-${span.end}`, start: span.start, end: span.end, quote: span.quote };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export type ArticleEntity<K extends keyof Article> = Article[K] extends Array<infer T> ? T : never;
