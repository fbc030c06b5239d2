/**
 * From a checked article to what it asserts: nodes with stable ids and properties, relationships (from the fact
 * model's reference fields), passages and citations, ids of known entities taken from the resolver (the same person
 * under another form is one node). Pure and synchronous: the resolver holds what the database and earlier articles
 * of the batch know. Two facts of the article that would be one node are an error naming both, never a merge.
 */
import { createHash } from 'node:crypto';
import { MODEL, type FactKind, type Reference } from '../model/facts';
import type { AssertionSet, Citation, MergeRecord, NodeAssertion, PassageAssertion, Properties, RelationshipAssertion } from './assertions';
import { relationshipKey } from './assertions';
import type { Article, Extracted, Reading } from './format';
import { ids } from './ids';
import type { EntityResolver } from './resolve';
import type { Problem, ResolvedSpan, ValidArticle } from './validate';

/** Facts of one article that would be one node: each problem names both. */
export class CollisionError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.reason}`).join('; '));
    this.name = 'CollisionError';
  }
}

const drop = (props: Record<string, unknown>): Properties =>
  Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined && value !== null)) as Properties;

const unique = (values: string[]): string[] => [...new Set(values)];

/** The facts of an article, with the position of each in its collection (validation passes holes for bad ones). */
function entries<T>(facts: ReadonlyArray<T | undefined>): Array<[number, T]> {
  return facts.flatMap((fact, index) => (fact === undefined ? [] : [[index, fact] as [number, T]]));
}

/** How a fact is stated, as its citations record it. */
interface Statement {
  reading?: Reading;
  extracted?: Extracted;
}

export function planArticle(valid: ValidArticle, resolver: EntityResolver): AssertionSet {
  const { article, evidence } = valid;
  const sourceId = article.source.id;
  const nodes = new Map<string, NodeAssertion>();
  /** The article path of the fact each node id was planned for. */
  const owners = new Map<string, string>();
  const collisions: Problem[] = [];
  const relationships = new Map<string, RelationshipAssertion>();
  const passages = new Map<string, PassageAssertion>();
  const citations = new Map<string, Citation>();
  const keyIds = new Map<string, string>();
  const merges: MergeRecord[] = [];
  const sameAs: AssertionSet['sameAs'] = [];

  const node = (at: string, id: string, labels: readonly string[], props: Record<string, unknown>) => {
    const owner = owners.get(id);
    if (owner !== undefined && owner !== at) {
      collisions.push({
        file: valid.file,
        path: at,
        reason: `is the same node as ${owner} (${id}): declare one fact once, or tell two apart (a fuller title, the parties, a date)`,
      });
      return id;
    }
    owners.set(id, at);
    nodes.set(id, { id, labels: [...labels], props: drop({ id, ...props }) });
    return id;
  };
  const relate = (from: string, type: string, to: string | undefined, props?: Properties) => {
    if (to === undefined) return;
    const relationship = { from, type, to, ...(props && Object.keys(props).length ? { props } : {}) };
    relationships.set(relationshipKey(relationship), relationship);
  };
  const cite = (fact: string, at: string, statement: Statement) => {
    for (const span of evidence.get(at) ?? []) {
      const passage = passageOf(sourceId, span);
      passages.set(passage.id, passage);
      citations.set(
        `${fact}|${passage.id}`,
        drop({
          fact,
          passage: passage.id,
          reading: statement.reading?.kind,
          readingNote: statement.reading?.note,
          extractor: statement.extracted?.by,
          confidence: statement.extracted?.confidence,
        }) as unknown as Citation,
      );
    }
  };
  const idOf = (key: string | undefined) => (key === undefined ? undefined : keyIds.get(key));
  /** The relationships of a fact's reference fields, as the fact model names them. */
  const relateReferences = (id: string, kind: FactKind, fact: Record<string, unknown>) => {
    for (const [field, ref] of Object.entries(MODEL[kind].refs) as Array<[string, Reference]>) {
      const value = fact[field] as string | string[] | undefined;
      for (const target of ref.many ? ((value as string[] | undefined) ?? []) : [value as string | undefined]) relate(id, ref.type, idOf(target));
    }
  };

  // Countries first: other ids carry their code.
  for (const [i, country] of entries(article.countries)) {
    const resolved = resolver.country(country, sourceId);
    keyIds.set(country.key, resolved.id);
    if (resolved.merge) merges.push(resolved.merge);
    node(`countries[${i}]`, resolved.id, MODEL.countries.labels, { name: resolved.name, isoCode: resolved.isoCode, aliases: unique(country.aliases) });
    cite(resolved.id, `countries[${i}]`, country);
  }
  // A place may be within another declared after it: the places it is within are planned first.
  const placesInOrder = entries(article.places).sort(([, a], [, b]) => depth(article, a.key) - depth(article, b.key));
  for (const [i, place] of placesInOrder) {
    const id = resolver.place(place, idOf(place.country), idOf(place.within), sourceId);
    keyIds.set(place.key, id);
    node(`places[${i}]`, id, MODEL.places.labels, { name: place.name, kind: place.kind });
    cite(id, `places[${i}]`, place);
  }
  for (const [, place] of entries(article.places)) relateReferences(keyIds.get(place.key)!, 'places', place);
  for (const [i, body] of entries(article.bodies)) {
    const resolved = resolver.body(body, idOf(body.country), sourceId);
    keyIds.set(body.key, resolved.id);
    if (resolved.merge) merges.push(resolved.merge);
    // Merged into a known body, the article's name is one more alias of it (the first name stated stays the name).
    node(`bodies[${i}]`, resolved.id, MODEL.bodies.labels, {
      name: body.name,
      nameAsReported: body.nameAsReported,
      kind: body.kind,
      aliases: unique([...(resolved.merge ? [body.name] : []), ...body.aliases]),
    });
    relateReferences(resolved.id, 'bodies', body);
    cite(resolved.id, `bodies[${i}]`, body);
  }
  for (const [i, person] of entries(article.people)) {
    const resolved = resolver.person(person, sourceId);
    keyIds.set(person.key, resolved.id);
    if (resolved.merge) merges.push(resolved.merge);
    node(`people[${i}]`, resolved.id, MODEL.people.labels, {
      name: person.name,
      aliases: unique([...(resolved.merge ? [person.name] : []), ...person.aliases]),
      weakAliases: unique(person.weakAliases),
    });
    cite(resolved.id, `people[${i}]`, person);
  }
  for (const [i, position] of entries(article.positions)) {
    const id = resolver.position(position, idOf(position.country), idOf(position.body), sourceId);
    keyIds.set(position.key, id);
    node(`positions[${i}]`, id, MODEL.positions.labels, { title: position.title, portfolio: position.portfolio });
    relateReferences(id, 'positions', position);
    cite(id, `positions[${i}]`, position);
  }
  for (const [i, occupancy] of entries(article.occupancies)) {
    const positionId = idOf(occupancy.position);
    if (positionId === undefined) continue;
    const holderId = idOf(occupancy.holder);
    // Observed when the article says, else on the day (or month, or year) it was published.
    const observedOn = occupancy.observedOn ?? article.source.publishedOn;
    const id = ids.occupancy(positionId, holderId, observedOn, sourceId);
    keyIds.set(occupancy.key, id);
    node(`occupancies[${i}]`, id, MODEL.occupancies.labels, {
      title: occupancy.title,
      observedOn,
      holderNamed: holderId !== undefined,
      heldFrom: occupancy.heldFrom,
      heldUntil: occupancy.heldUntil,
    });
    relateReferences(id, 'occupancies', occupancy);
    cite(id, `occupancies[${i}]`, occupancy);
    for (const link of resolver.sameHolder({ id, positionId, holderId, observedOn, heldFrom: occupancy.heldFrom, heldUntil: occupancy.heldUntil }, sourceId)) {
      merges.push(link.merge);
      sameAs.push({ from: link.from, to: link.to, mergeId: link.merge.id, method: link.merge.method });
    }
  }
  for (const [i, event] of entries(article.events)) {
    const id = ids.event(event.name, event.date, sourceId);
    keyIds.set(event.key, id);
    node(`events[${i}]`, id, MODEL.events.labels, { name: event.name, kind: event.kind, date: event.date });
    cite(id, `events[${i}]`, event);
  }
  for (const [i, event] of entries(article.events)) {
    const id = keyIds.get(event.key)!;
    relateReferences(id, 'events', event);
    for (const [j, participant] of event.participants.entries()) {
      const at = `events[${i}].participants[${j}]`;
      const readingProps = drop({ reading: participant.reading?.kind, readingNote: participant.reading?.note });
      if (participant.person !== undefined) {
        relate(idOf(participant.person)!, 'PARTICIPATED_IN', id, { role: participant.role, ...readingProps });
        continue;
      }
      const officialId = ids.official(id, participant.label!);
      node(at, officialId, MODEL.officials.labels, { label: participant.label });
      relateReferences(officialId, 'officials', participant);
      relate(officialId, 'PARTICIPATED_IN', id, { role: participant.role, ...readingProps });
      cite(officialId, at, participant);
    }
  }
  for (const [i, agreement] of entries(article.agreements)) {
    // Who it binds or who signed it; for a document the text names neither of, the people who acted on it.
    const stated = [...agreement.parties, ...agreement.signatories];
    const actors = stated.length > 0 ? stated.map(idOf).filter((id): id is string => id !== undefined) : actorsOfActs(article, agreement.key, idOf);
    const id = ids.agreement(agreement.title, agreement.signedOn, actors, sourceId);
    keyIds.set(agreement.key, id);
    node(`agreements[${i}]`, id, MODEL.agreements.labels, {
      title: agreement.title,
      titleAsReported: agreement.titleAsReported,
      kind: agreement.kind,
      kindAsReported: agreement.kindAsReported,
      topics: unique(agreement.topics),
      validFrom: agreement.validFrom,
      validTo: agreement.validTo,
      signedOn: agreement.signedOn,
    });
    relateReferences(id, 'agreements', agreement);
    cite(id, `agreements[${i}]`, agreement);
  }
  for (const [i, exchange] of entries(article.exchanges)) {
    const id = ids.event(exchange.name, exchange.date, sourceId);
    keyIds.set(exchange.key, id);
    node(`exchanges[${i}]`, id, MODEL.exchanges.labels, {
      name: exchange.name,
      kind: 'DOCUMENT_EXCHANGE',
      date: exchange.date,
      verb: exchange.verb.kind,
      verbWords: exchange.verb.words,
    });
    relateReferences(id, 'exchanges', exchange);
    cite(id, `exchanges[${i}]`, exchange);
    for (const [j, side] of exchange.sides.entries()) {
      const at = `exchanges[${i}].sides[${j}]`;
      const sideId = node(at, ids.side(id, idOf(side.country), idOf(side.person), side.role), MODEL.sides.labels, { role: side.role });
      relate(id, 'HAS_SIDE', sideId);
      relateReferences(sideId, 'sides', side);
      cite(sideId, at, side);
    }
  }
  for (const [i, claim] of entries(article.claims)) {
    const id = ids.claim(sourceId, claim.key);
    node(`claims[${i}]`, id, MODEL.claims.labels, {
      kind: claim.kind,
      summary: claim.summary,
      quantity: claim.quantity,
      quantityQualifier: claim.quantityQualifier,
    });
    relateReferences(id, 'claims', claim);
    cite(id, `claims[${i}]`, claim);
  }

  if (collisions.length > 0) throw new CollisionError(collisions);
  const published = article.source.publishedOn;
  return {
    sourceId,
    source: drop({
      id: ids.source(sourceId),
      name: article.source.name ?? sourceId,
      publisher: article.source.publisher,
      url: article.source.url,
      published,
      // A Neo4j date only for a full date; `published` keeps a year or a month as precise as it is.
      publishedOn: published?.length === 10 ? published : undefined,
      dateline: article.source.dateline,
      text: valid.text,
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

/** The people (else the roles as worded) of the acts on a document: who tells two generic documents apart. */
function actorsOfActs(article: Article, agreementKey: string, idOf: (key: string | undefined) => string | undefined): string[] {
  return article.exchanges
    .filter((exchange) => exchange?.documents.includes(agreementKey))
    .flatMap((exchange) => exchange.sides.map((side) => idOf(side.person) ?? `role:${side.role.toLowerCase()}`));
}

/** How many places a place is within (the places it is within come first). */
function depth(article: Article, key: string, seen = new Set<string>()): number {
  const place = article.places.find((candidate) => candidate?.key === key);
  if (!place?.within || seen.has(key)) return 0;
  seen.add(key);
  return 1 + depth(article, place.within, seen);
}

function passageOf(sourceId: string, span: ResolvedSpan): PassageAssertion {
  return { id: ids.passage(sourceId, span.start, span.end), start: span.start, end: span.end, quote: span.quote };
}
