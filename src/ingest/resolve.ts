/**
 * Entity resolution: whether a person, body, country, place or position of an article is one the graph (or an
 * earlier article of the same batch) already knows, under another form. What it knows is fetched once per batch;
 * the decisions are made here, with their reasons, and recorded as merges.
 *
 * - Countries: by ISO code, else by name or adjective (aliases).
 * - People: by the key of the name or of a strong alias (titles dropped, case, accents, particles and common
 *   transliterations folded, word order kept); a surname alone never matches, and two candidates is a tie that
 *   merges nothing.
 * - Bodies, places: by name or alias within the same country. Positions: by title words within the country.
 * - An unnamed holder of an office on a date is the named holder that another article observes in that office on
 *   that date, or whose stated term covers it (SAME_AS, the unnamed holding kept as it was).
 * A merge undone (`npm run merge:undo`) is never made again.
 */
import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';
import { UserError } from '../errors';
import type { MergeRecord } from './assertions';
import type { ArticleEntity } from './format';
import { ids } from './ids';
import { isTitleWord, nameKey, personKey, titleKey, titleWords, words } from './names';

interface KnownPerson {
  id: string;
  name: string;
  aliases: string[];
}

interface KnownNamed {
  id: string;
  name: string;
  aliases: string[];
  country: string | null;
}

interface KnownPosition {
  id: string;
  title: string;
  country: string | null;
  body: string | null;
}

interface KnownOccupancy {
  id: string;
  position: string;
  holder: string | null;
  observedOn: string | null;
  heldFrom: string | null;
  heldUntil: string | null;
}

export interface Resolved {
  id: string;
  merge?: MergeRecord;
}

export interface SameHolderLink {
  from: string;
  to: string;
  merge: MergeRecord;
}

/** An occupancy as the plan knows it, to link unnamed and named holders of one office. */
export interface PlannedOccupancy {
  id: string;
  positionId: string;
  holderId: string | undefined;
  observedOn: string | undefined;
  heldFrom?: string;
  heldUntil?: string;
}

/** What the plan asks of entity resolution: the id of each entity of an article, and the merges that made it. */
export interface EntityResolver {
  country(country: ArticleEntity<'countries'>, sourceId: string): Resolved & { name: string; isoCode?: string };
  person(person: ArticleEntity<'people'>, sourceId: string): Resolved;
  body(body: ArticleEntity<'bodies'>, countryId: string | undefined, sourceId: string): Resolved;
  place(place: ArticleEntity<'places'>, countryId: string | undefined, withinId: string | undefined, sourceId: string): string;
  position(position: ArticleEntity<'positions'>, countryId: string | undefined, bodyId: string | undefined, sourceId: string): string;
  sameHolder(occupancy: PlannedOccupancy, sourceId: string): SameHolderLink[];
}

/**
 * Resolution that knows nothing beyond the article: every entity is its own. Validation plans an article with it to
 * find facts of the article that would share an id.
 */
export class LocalResolver implements EntityResolver {
  country(country: ArticleEntity<'countries'>) {
    return { id: country.isoCode ? ids.country(country.isoCode) : `country:?${nameKey(country.name)}`, name: country.name, isoCode: country.isoCode };
  }
  person(person: ArticleEntity<'people'>) {
    return { id: ids.person(person.name) };
  }
  body(body: ArticleEntity<'bodies'>, countryId: string | undefined, sourceId: string) {
    return { id: ids.body(body.name, body.kind, countryId, sourceId) };
  }
  place(place: ArticleEntity<'places'>, countryId: string | undefined, withinId: string | undefined, sourceId: string) {
    return ids.place(place.name, countryId, withinId, sourceId);
  }
  position(position: ArticleEntity<'positions'>, countryId: string | undefined, bodyId: string | undefined, sourceId: string) {
    return ids.position(position.title, countryId, bodyId, sourceId);
  }
  sameHolder(): SameHolderLink[] {
    return [];
  }
}

export class ResolutionError extends UserError {}

export class Resolver implements EntityResolver {
  private readonly countries: Array<{ id: string; name: string; isoCode: string; aliases: string[] }>;
  /** Known people by the keys of their names (personKeys), the ids under each key. */
  private readonly people = new Map<string, Map<string, KnownPerson>>();
  /** Known bodies and places by country id ('' for none). */
  private readonly bodies = new Map<string, KnownNamed[]>();
  private readonly places = new Map<string, KnownNamed[]>();
  /** Known positions by country id and title key. */
  private readonly positions = new Map<string, string>();
  /** Known holdings of office by position id. */
  private readonly occupancies = new Map<string, KnownOccupancy[]>();
  private readonly undone: Set<string>;
  /** Titles, and country names and adjectives: words of a mention that are not part of a person's name. */
  private titles: Set<string>;

  private constructor(known: {
    countries: Resolver['countries'];
    people: KnownPerson[];
    bodies: KnownNamed[];
    places: KnownNamed[];
    positions: KnownPosition[];
    occupancies: KnownOccupancy[];
    undone: string[];
  }) {
    this.countries = known.countries;
    this.undone = new Set(known.undone);
    this.titles = titleWords(this.countries.flatMap((country) => [country.name, ...country.aliases]));
    for (const person of known.people) this.addPerson(person);
    for (const body of known.bodies) this.addNamed(this.bodies, body);
    for (const place of known.places) this.addNamed(this.places, place);
    for (const position of known.positions) this.positions.set(`${position.country ?? ''}|${position.body ?? ''}|${titleKey(position.title)}`, position.id);
    for (const occupancy of known.occupancies) this.addOccupancy(occupancy);
  }

  /**
   * What the database knows that articles may refer to, loaded once per ingest run and kept up to date by the
   * run's own articles (one ingest at a time writes the graph): every country, person, body, place and office,
   * and the holdings of office (for unnamed holders). Names and ids only: a few hundred bytes per entity.
   */
  static async load(driver: Driver, database: string, bookmarkManager?: BookmarkManager): Promise<Resolver> {
    // After the bookmarks of the run's own writes, when it chains them (a read replica may lag behind otherwise).
    const read = async (query: string) =>
      (await driver.executeQuery(query, {}, { database, routing: neo4j.routing.READ, bookmarkManager })).records.map((record) => record.toObject());
    const countries = (await read(
      'MATCH (c:Country) RETURN c.id AS id, c.name AS name, c.isoCode AS isoCode, coalesce(c.aliases, []) AS aliases',
    )) as Resolver['countries'];
    const people = (await read('MATCH (p:Person) RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases')) as KnownPerson[];
    // A body of no country whose id is scoped to its source (body:<source>:<name>) is nobody else's to match.
    const bodies = (await read(
      `MATCH (body:Body) OPTIONAL MATCH (body)-[:OF_COUNTRY]->(country:Country)
       WITH body, country WHERE country IS NOT NULL OR size(split(body.id, ':')) = 2
       RETURN body.id AS id, body.name AS name, coalesce(body.aliases, []) AS aliases, country.id AS country`,
    )) as KnownNamed[];
    // A place is known within its country, else within the place that contains it.
    const places = (await read(
      `MATCH (place:Place) OPTIONAL MATCH (place)-[:IN_COUNTRY]->(country:Country)
       OPTIONAL MATCH (place)-[:WITHIN]->(within:Place)
       WITH place, coalesce(country.id, within.id) AS scope WHERE scope IS NOT NULL
       RETURN place.id AS id, place.name AS name, [] AS aliases, scope AS country`,
    )) as KnownNamed[];
    const positions = (await read(
      `MATCH (position:Position) OPTIONAL MATCH (position)-[:OF_COUNTRY]->(country:Country)
       OPTIONAL MATCH (position)-[:IN_BODY]->(body:Body)
       RETURN position.id AS id, position.title AS title, country.id AS country, body.id AS body`,
    )) as KnownPosition[];
    const occupancies = (await read(
      `MATCH (occupancy:Occupancy)-[:OF_POSITION]->(position:Position)
       OPTIONAL MATCH (occupancy)-[:HELD_BY]->(holder:Person)
       RETURN occupancy.id AS id, position.id AS position, holder.id AS holder, occupancy.observedOn AS observedOn,
              occupancy.heldFrom AS heldFrom, occupancy.heldUntil AS heldUntil`,
    )) as KnownOccupancy[];
    const undone = (await read("MATCH (m:Merge {status: 'undone'}) RETURN m.id AS id")).map((row) => row.id as string);
    return new Resolver({ countries, people, bodies, places, positions, occupancies, undone });
  }

  country(country: ArticleEntity<'countries'>, sourceId: string): { id: string; name: string; isoCode: string; merge?: MergeRecord } {
    const key = nameKey(country.name);
    const known = country.isoCode
      ? this.countries.find((candidate) => candidate.isoCode === country.isoCode)
      : this.countries.find((candidate) => [candidate.name, ...candidate.aliases].some((name) => nameKey(name) === key));
    if (!known && !country.isoCode) {
      throw new ResolutionError(`'${country.name}' has no isoCode and is not a country the graph knows: give its ISO 3166-1 code`);
    }
    const resolved = known ?? { id: ids.country(country.isoCode!), name: country.name, isoCode: country.isoCode!, aliases: country.aliases };
    if (!known) {
      this.countries.push(resolved);
      this.titles = titleWords([...this.titles, country.name, ...country.aliases]);
    }
    const merge =
      known && nameKey(known.name) !== key
        ? this.mergeRecord(sourceId, country.key, country.name, known.id, country.isoCode ? 'iso-code' : 'country-name',
            `'${country.name}' is ${known.name} (${country.isoCode ? `ISO code ${known.isoCode}` : 'a name or adjective of it'})`)
        : undefined;
    return { id: resolved.id, name: resolved.name, isoCode: resolved.isoCode, ...(merge ? { merge } : {}) };
  }

  /**
   * The keys a person is known by: the name's, and each alias's that shares a word with the name (an alias that
   * is a title alone, "Minister of the State Authority for Military Industry", identifies nobody).
   */
  private personKeys(name: string, aliases: string[]): Set<string> {
    const nameWords = new Set((personKey(name, this.titles) ?? '').split(' ').filter(Boolean));
    const keys = new Set<string>();
    for (const form of [name, ...aliases]) {
      const key = personKey(form, this.titles);
      if (key !== undefined && key.split(' ').some((word) => nameWords.has(word))) keys.add(key);
    }
    return keys;
  }

  person(person: ArticleEntity<'people'>, sourceId: string): Resolved {
    const keys = this.personKeys(person.name, person.aliases);
    const ownId = ids.person(person.name);
    const candidates = new Map<string, KnownPerson>();
    for (const key of keys) {
      for (const known of this.people.get(key)?.values() ?? []) {
        if (!this.undone.has(this.mergeId(sourceId, person.key, known.id))) candidates.set(known.id, known);
      }
    }
    const distinct = [...candidates.values()];
    if (distinct.length === 1 && distinct[0].id !== ownId) {
      const known = distinct[0];
      const byName = personKey(known.name, this.titles) === personKey(person.name, this.titles);
      const spelledAlike = (name: string) => words(name).filter((word) => !isTitleWord(word)).join(' ');
      const method = byName ? (spelledAlike(known.name) === spelledAlike(person.name) ? 'titles-case-accents' : 'transliteration') : 'alias';
      this.addPerson({ id: known.id, name: person.name, aliases: person.aliases });
      return {
        id: known.id,
        merge: this.mergeRecord(sourceId, person.key, person.name, known.id, method,
          byName
            ? `'${person.name}' is '${known.name}': the same name once titles, case, accents and transliteration are set aside`
            : `a form of '${person.name}' (${[person.name, ...person.aliases].join('; ')}) is a form of '${known.name}'`),
      };
    }
    if (distinct.length === 1) return { id: ownId };
    // None, or a tie between several people: a person of their own.
    this.addPerson({ id: ownId, name: person.name, aliases: person.aliases });
    return { id: ownId };
  }

  body(body: ArticleEntity<'bodies'>, countryId: string | undefined, sourceId: string): Resolved {
    const ownId = ids.body(body.name, body.kind, countryId, sourceId);
    // A national body of no stated country is known only to its source: nothing to resolve it to.
    if (!countryId && ownId.startsWith(`body:${sourceId}:`)) return { id: ownId };
    return this.named(this.bodies, ownId, body.key, body.name, body.aliases, countryId, sourceId);
  }

  /** A place is resolved by name within its country (else within the place that contains it; else not at all). */
  place(place: ArticleEntity<'places'>, countryId: string | undefined, withinId: string | undefined, sourceId: string): string {
    const ownId = ids.place(place.name, countryId, withinId, sourceId);
    const scope = countryId ?? withinId;
    if (!scope) return ownId;
    return this.named(this.places, ownId, place.key, place.name, [], scope, sourceId).id;
  }

  private addPerson(person: KnownPerson): void {
    for (const key of this.personKeys(person.name, person.aliases)) {
      const ids = this.people.get(key) ?? new Map<string, KnownPerson>();
      if (!ids.has(person.id)) ids.set(person.id, person);
      this.people.set(key, ids);
    }
  }

  private addNamed(index: Map<string, KnownNamed[]>, entry: KnownNamed): void {
    const key = entry.country ?? '';
    index.set(key, [...(index.get(key) ?? []), entry]);
  }

  private addOccupancy(occupancy: KnownOccupancy): void {
    this.occupancies.set(occupancy.position, [...(this.occupancies.get(occupancy.position) ?? []), occupancy]);
  }

  private named(
    index: Map<string, KnownNamed[]>,
    ownId: string,
    key: string,
    name: string,
    aliases: string[],
    countryId: string | undefined,
    sourceId: string,
  ): Resolved {
    const keys = new Set([name, ...aliases].map(nameKey));
    const found = (index.get(countryId ?? '') ?? []).find(
      (candidate) =>
        !this.undone.has(this.mergeId(sourceId, key, candidate.id)) &&
        [candidate.name, ...candidate.aliases].some((form) => keys.has(nameKey(form))),
    );
    if (found && found.id !== ownId) {
      return {
        id: found.id,
        merge: this.mergeRecord(sourceId, key, name, found.id, 'name-or-alias', `'${name}' is '${found.name}' of the same country`),
      };
    }
    if (!found) this.addNamed(index, { id: ownId, name, aliases, country: countryId ?? null });
    return { id: ownId };
  }

  /**
   * An office is resolved by its title words within its country and the body its title names; one of no stated
   * country is its source's own.
   */
  position(position: ArticleEntity<'positions'>, countryId: string | undefined, bodyId: string | undefined, sourceId: string): string {
    const id = ids.position(position.title, countryId, bodyId, sourceId);
    if (!countryId && !bodyId) return id;
    const key = `${countryId ?? ''}|${bodyId ?? ''}|${titleKey(position.title)}`;
    const found = this.positions.get(key);
    if (found) return found;
    this.positions.set(key, id);
    return id;
  }

  /**
   * SAME_AS links between this holding and the other articles' holdings of the same office on the same date (or a
   * stated term that covers it). A holding observed on no day (an undated article) links to none.
   */
  sameHolder(occupancy: PlannedOccupancy, sourceId: string): SameHolderLink[] {
    const covers = (named: { observedOn: string | null | undefined; heldFrom?: string | null; heldUntil?: string | null }, date: string | null | undefined) => {
      const from = named.heldFrom ?? named.observedOn;
      const until = named.heldUntil ?? named.observedOn;
      return !!date && date.length === 10 && !!from && !!until && from <= date && date <= until.padEnd(10, '\uffff');
    };
    const links: SameHolderLink[] = [];
    const same = (this.occupancies.get(occupancy.positionId) ?? []).filter((known) => known.id !== occupancy.id);
    if (occupancy.holderId === undefined) {
      for (const named of same.filter((known) => known.holder !== null && covers(known, occupancy.observedOn))) {
        links.push(this.sameHolderLink(occupancy.id, named.id, named.holder!, occupancy.observedOn, sourceId));
      }
    } else {
      for (const unnamed of same.filter((known) => known.holder === null && covers(occupancy, known.observedOn))) {
        links.push(this.sameHolderLink(unnamed.id, occupancy.id, occupancy.holderId, unnamed.observedOn, sourceId));
      }
    }
    this.addOccupancy({
      id: occupancy.id,
      position: occupancy.positionId,
      holder: occupancy.holderId ?? null,
      observedOn: occupancy.observedOn ?? null,
      heldFrom: occupancy.heldFrom ?? null,
      heldUntil: occupancy.heldUntil ?? null,
    });
    return links.filter((link) => !this.undone.has(link.merge.id));
  }

  private sameHolderLink(unnamed: string, named: string, holder: string, date: string | null | undefined, sourceId: string): SameHolderLink {
    return {
      from: unnamed,
      to: named,
      merge: {
        id: `merge:same-holder:${unnamed}:${named}`,
        kind: 'SAME_HOLDER' as const,
        method: 'same-office-same-date',
        reason: `the unnamed holder of ${unnamed} held the office on ${date}, as did ${holder} (${named})`,
        sourceId,
        target: named,
        subject: unnamed,
        form: holder,
      },
    };
  }

  private mergeId(sourceId: string, key: string, target: string): string {
    return `merge:${sourceId}:${key}:${target}`;
  }

  private mergeRecord(sourceId: string, key: string, form: string, target: string, method: string, reason: string): MergeRecord {
    return { id: this.mergeId(sourceId, key, target), kind: 'RESOLVED', method, reason, sourceId, target, subject: key, form };
  }
}
