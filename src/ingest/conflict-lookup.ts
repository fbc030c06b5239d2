/**
 * Conflicts between articles (conflicts.ts), against the graph. At ingest, each event and agreement of the loaded
 * articles costs one indexed lookup (its place or first country by id, its title by the title index), never a scan
 * of the graph; the report (`npm run report`) compares every event and agreement in the graph.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { MODEL, SIDES_SIGN } from '../model/facts';
import type { AssertionSet } from './assertions';
import {
  conflictsOf,
  mergeSketches,
  nearYears,
  sketchArticle,
  type AgreementSketch,
  type Conflict,
  type EventSketch,
} from './conflicts';

const R = {
  place: MODEL.events.refs.place.type,
  between: MODEL.events.refs.between.type,
  parties: MODEL.agreements.refs.parties.type,
  signatories: MODEL.agreements.refs.signatories.type,
  documents: MODEL.exchanges.refs.documents.type,
  person: MODEL.sides.refs.person.type,
  country: MODEL.sides.refs.country.type,
};

const SOURCES = (fact: string) => `[(${fact})-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(s:Source) | s.id]`;

/** The sketch of each `event` row (exchanges excluded: they count under their agreements). */
const EVENT_SKETCH = `
WITH DISTINCT event WHERE NOT event:DocumentExchange
RETURN event.id AS id, event.name AS name, event.kind AS kind, event.date AS date,
       [(event)-[:${R.place}]->(place) | place.id] AS places,
       [(event)-[:${R.between}]->(country) | country.id] AS between,
       [(person:Person)-[:PARTICIPATED_IN]->(event) | person.id] AS participants,
       ${SOURCES('event')} AS sources`;

const AGREEMENT_SKETCH = `
WITH DISTINCT agreement
RETURN agreement.id AS id, agreement.title AS title, agreement.signedOn AS signedOn,
       [(agreement)-[:${R.parties}]->(actor) | actor.id] AS parties,
       [(agreement)-[:${R.signatories}]->(actor) | actor.id] AS signatories,
       [(agreement)<-[:${R.documents}]-(act:DocumentExchange)-[:HAS_SIDE]->(side:ExchangeSide)-[:${R.person}]->(person:Person)
         WHERE act.verb IN $signing |
         {verb: act.verb, person: person.id, country: head([(side)-[:${R.country}]->(country) | country.id]),
          sources: ${SOURCES('side')}}] AS signers,
       ${SOURCES('agreement')} AS sources`;

/**
 * Events of a kind at a place, or of a kind between countries (starting from the first of them), dated in the years
 * a near date may fall in (an undated event contradicts no date).
 */
const EVENT_CANDIDATES = `
UNWIND $anchors AS anchor
CALL {
  WITH anchor
  MATCH (:Place {id: anchor.place})<-[:${R.place}]-(event:Event {kind: anchor.kind})
  WHERE left(event.date, 4) IN anchor.years
  RETURN event
  UNION
  WITH anchor
  MATCH (:Country {id: anchor.country})<-[:${R.between}]-(event:Event {kind: anchor.kind})
  WHERE left(event.date, 4) IN anchor.years
  RETURN event
}
${EVENT_SKETCH}`;

/** Agreements with one of the titles (the title index), and the agreements themselves (their other sources). */
const AGREEMENT_CANDIDATES = `
CALL {
  UNWIND $titles AS title
  MATCH (agreement:Agreement {title: title})
  RETURN agreement
  UNION
  UNWIND $ids AS id
  MATCH (agreement:Agreement {id: id})
  RETURN agreement
}
${AGREEMENT_SKETCH}`;

const ALL_EVENTS = `MATCH (event:Event) ${EVENT_SKETCH}`;
const ALL_AGREEMENTS = `MATCH (agreement:Agreement) ${AGREEMENT_SKETCH}`;

/** Rows per lookup query: the parameters of a large run stay small. */
const CHUNK = 500;

async function sketches<T>(driver: Driver, database: string, query: string, params: Record<string, unknown>): Promise<T[]> {
  const { records } = await driver.executeQuery(query, { ...params, signing: [...SIDES_SIGN] }, { database, routing: neo4j.routing.READ });
  return records.map((record) => record.toObject() as T);
}

/** The first sketch of each fact. */
function once<T extends { id: string }>(sketches: T[]): T[] {
  const byId = new Map<string, T>();
  for (const sketch of sketches) if (!byId.has(sketch.id)) byId.set(sketch.id, sketch);
  return [...byId.values()];
}

async function chunked<T, P>(items: P[], lookUp: (chunk: P[]) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < items.length; i += CHUNK) found.push(...(await lookUp(items.slice(i, i + CHUNK))));
  return found;
}

/**
 * Collects what the articles of a run assert (only a small sketch of their events and agreements is kept), then
 * finds their conflicts with each other and with the graph.
 */
export class ConflictCheck {
  private readonly events: EventSketch[] = [];
  private readonly agreements: AgreementSketch[] = [];

  add(sets: Iterable<AssertionSet>): void {
    for (const set of sets) {
      const sketch = sketchArticle(set);
      this.events.push(...sketch.events);
      this.agreements.push(...sketch.agreements);
    }
  }

  async run(driver: Driver, database: string): Promise<Conflict[]> {
    if (this.events.length === 0 && this.agreements.length === 0) return [];
    // One lookup per distinct anchor: many events of a run share a hub's place, kind and years.
    const distinct = new Map<string, { kind: string; years: string[]; place: string | null; country: string | null }>();
    for (const event of this.events) {
      const years = nearYears(event.date);
      if (years.length === 0) continue;
      const found = [
        ...event.places.map((place) => ({ kind: event.kind, years, place, country: null })),
        ...(event.between.length > 0 ? [{ kind: event.kind, years, place: null, country: event.between[0] }] : []),
      ];
      for (const anchor of found) distinct.set(JSON.stringify(anchor), anchor);
    }
    const anchors = [...distinct.values()];
    // Each title and id is looked up once in the run (a common title is shared by many of its agreements), and each
    // fact found is kept once (the graph states it the same way to every lookup that finds it).
    const titles = [...new Set(this.agreements.map((agreement) => agreement.title))];
    const ids = [...new Set(this.agreements.map((agreement) => agreement.id))];
    const inGraph = {
      events: once(await chunked(anchors, (chunk) => sketches<EventSketch>(driver, database, EVENT_CANDIDATES, { anchors: chunk }))),
      agreements: once([
        ...(await chunked(titles, (chunk) => sketches<AgreementSketch>(driver, database, AGREEMENT_CANDIDATES, { titles: chunk, ids: [] }))),
        ...(await chunked(ids, (chunk) => sketches<AgreementSketch>(driver, database, AGREEMENT_CANDIDATES, { titles: [], ids: chunk }))),
      ]),
    };
    return conflictsOf(
      { events: this.events.map((event) => event.id), agreements: this.agreements.map((agreement) => agreement.id) },
      {
        events: mergeSketches([...inGraph.events, ...this.events]),
        agreements: mergeSketches([...inGraph.agreements, ...this.agreements]),
      },
    );
  }
}

/** Every conflict in the graph (for the report: it reads every event and agreement once). */
export async function conflictsInGraph(driver: Driver, database: string): Promise<Conflict[]> {
  const events = mergeSketches(await sketches<EventSketch>(driver, database, ALL_EVENTS, {}));
  const agreements = mergeSketches(await sketches<AgreementSketch>(driver, database, ALL_AGREEMENTS, {}));
  return conflictsOf({ events: events.keys(), agreements: agreements.keys() }, { events, agreements });
}
