/**
 * Entity resolution: whether a person, body, country, place or position of an article is one the graph (or an
 * earlier article of the same batch) already knows, under another form. What it knows is fetched once per batch;
 * the decisions are made here, with their reasons, and recorded as merges.
 *
 * - Countries: by ISO code, else by name or adjective (aliases).
 * - People: by the key of the name or of a strong alias (titles dropped, word order, case, accents and common
 *   transliterations folded); a surname alone never matches, and two candidates is a tie that merges nothing.
 * - Bodies, places: by name or alias within the same country. Positions: by title words within the country.
 * - An unnamed holder of an office on a date is the named holder that another article observes in that office on
 *   that date, or whose stated term covers it (SAME_AS, the unnamed holding kept as it was).
 * A merge undone (`npm run merge:undo`) is never made again.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { UserError } from '../errors';
import type { ArticleEntity, MergeRecord } from './plan';
import { isTitleWord, nameKey, personKey, slug, titleKey, words } from './names';
import type { ValidArticle } from './validate';

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

interface KnownOccupancy {
  id: string;
  position: string;
  holder: string | null;
  observedOn: string;
  heldFrom: string | null;
  heldUntil: string | null;
}

export interface Resolved {
  id: string;
  merge?: MergeRecord;
}

export class ResolutionError extends UserError {}

const FULLTEXT_LIMIT = 25;

/** A Lucene query matching any word of a name, with the typo tolerance transliterations need. */
function fuzzyQuery(name: string): string | undefined {
  const terms = words(name)
    .filter((word) => word.length >= 3)
    .map((word) => (word.length >= 7 ? `${word}~2` : word.length >= 4 ? `${word}~1` : word));
  return terms.length ? terms.join(' OR ') : undefined;
}

export class Resolver {
  private readonly countries: Array<{ id: string; name: string; isoCode: string; aliases: string[] }>;
  private readonly people: KnownPerson[];
  private readonly bodies: KnownNamed[];
  private readonly places: KnownNamed[];
  private readonly positions: Array<{ id: string; title: string; country: string | null }>;
  private readonly occupancies: KnownOccupancy[];
  private readonly undone: Set<string>;
  /** Country names and adjectives: words of a mention that are not part of a person's name. */
  private countryWords: string[];

  private constructor(known: {
    countries: Resolver['countries'];
    people: KnownPerson[];
    bodies: KnownNamed[];
    places: KnownNamed[];
    positions: Resolver['positions'];
    occupancies: KnownOccupancy[];
    undone: string[];
  }) {
    this.countries = known.countries;
    this.people = known.people;
    this.bodies = known.bodies;
    this.places = known.places;
    this.positions = known.positions;
    this.occupancies = known.occupancies;
    this.undone = new Set(known.undone);
    this.countryWords = this.countries.flatMap((country) => [country.name, ...country.aliases]);
  }

  /** What the database knows that the articles of a batch may refer to. */
  static async forBatch(driver: Driver, database: string, articles: ValidArticle[]): Promise<Resolver> {
    const read = async (query: string, params: Record<string, unknown> = {}) =>
      (await driver.executeQuery(query, params, { database, routing: neo4j.routing.READ })).records.map((record) => record.toObject());
    const personNames = articles.flatMap(({ article }) => article.people.flatMap((person) => [person.name, ...person.aliases]));
    const bodyNames = articles.flatMap(({ article }) => article.bodies.flatMap((body) => [body.name, ...body.aliases]));
    const queries = (names: string[]) => [...new Set(names.map(fuzzyQuery).filter((query): query is string => query !== undefined))];

    const countries = (await read(
      'MATCH (c:Country) RETURN c.id AS id, c.name AS name, c.isoCode AS isoCode, coalesce(c.aliases, []) AS aliases',
    )) as Resolver['countries'];
    const people = (await read(
      `UNWIND $queries AS query
       CALL db.index.fulltext.queryNodes('fact_names', query, {limit: ${FULLTEXT_LIMIT}}) YIELD node
       WITH DISTINCT node WHERE node:Person
       RETURN node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases`,
      { queries: queries(personNames) },
    )) as KnownPerson[];
    const bodies = (await read(
      `UNWIND $queries AS query
       CALL db.index.fulltext.queryNodes('fact_names', query, {limit: ${FULLTEXT_LIMIT}}) YIELD node
       WITH DISTINCT node WHERE node:Body
       OPTIONAL MATCH (node)-[:OF_COUNTRY]->(country:Country)
       RETURN node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases, country.id AS country`,
      { queries: queries(bodyNames) },
    )) as KnownNamed[];
    const countryIds = new Set<string>();
    for (const { article } of articles) {
      for (const country of article.countries) {
        if (country.isoCode) countryIds.add(`country:${country.isoCode.toLowerCase()}`);
        else {
          const key = nameKey(country.name);
          const found = countries.find((known) => [known.name, ...known.aliases].some((name) => nameKey(name) === key));
          if (found) countryIds.add(found.id);
        }
      }
    }
    const places = (await read(
      `MATCH (place:Place)-[:IN_COUNTRY]->(country:Country) WHERE country.id IN $countries
       RETURN place.id AS id, place.name AS name, [] AS aliases, country.id AS country`,
      { countries: [...countryIds] },
    )) as KnownNamed[];
    const positions = (await read(
      `MATCH (position:Position)-[:OF_COUNTRY]->(country:Country) WHERE country.id IN $countries
       RETURN position.id AS id, position.title AS title, country.id AS country`,
      { countries: [...countryIds] },
    )) as Resolver['positions'];
    const dates = [...new Set(articles.flatMap(({ article }) => article.occupancies.map((occupancy) => occupancy.observedOn)))];
    const occupancies = (await read(
      `MATCH (occupancy:Occupancy)-[:OF_POSITION]->(position:Position)-[:OF_COUNTRY]->(country:Country)
       WHERE country.id IN $countries
         AND (occupancy.holderNamed = false OR occupancy.observedOn IN $dates
              OR occupancy.heldFrom IS NOT NULL OR occupancy.heldUntil IS NOT NULL)
       OPTIONAL MATCH (occupancy)-[:HELD_BY]->(holder:Person)
       RETURN occupancy.id AS id, position.id AS position, holder.id AS holder, occupancy.observedOn AS observedOn,
              occupancy.heldFrom AS heldFrom, occupancy.heldUntil AS heldUntil`,
      { countries: [...countryIds], dates },
    )) as KnownOccupancy[];
    const undone = (await read("MATCH (m:Merge {status: 'undone'}) RETURN m.id AS id")).map((row) => row.id as string);
    return new Resolver({ countries, people, bodies, places, positions, occupancies, undone });
  }

  async country(
    country: ArticleEntity<'countries'>,
    sourceId: string,
  ): Promise<{ id: string; name: string; isoCode: string; merge?: MergeRecord }> {
    const key = nameKey(country.name);
    const known = country.isoCode
      ? this.countries.find((candidate) => candidate.isoCode === country.isoCode)
      : this.countries.find((candidate) => [candidate.name, ...candidate.aliases].some((name) => nameKey(name) === key));
    if (!known && !country.isoCode) {
      throw new ResolutionError(`'${country.name}' has no isoCode and is not a country the graph knows: give its ISO 3166-1 code`);
    }
    const resolved = known ?? { id: `country:${country.isoCode!.toLowerCase()}`, name: country.name, isoCode: country.isoCode!, aliases: country.aliases };
    if (!known) {
      this.countries.push(resolved);
      this.countryWords.push(country.name, ...country.aliases);
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
    const nameWords = new Set((personKey(name, this.countryWords) ?? '').split(' ').filter(Boolean));
    const keys = new Set<string>();
    for (const form of [name, ...aliases]) {
      const key = personKey(form, this.countryWords);
      if (key !== undefined && key.split(' ').some((word) => nameWords.has(word))) keys.add(key);
    }
    return keys;
  }

  async person(person: ArticleEntity<'people'>, sourceId: string): Promise<Resolved> {
    const keys = this.personKeys(person.name, person.aliases);
    const ownId = `person:${slug(person.name)}`;
    const candidates = this.people.filter(
      (known) =>
        !this.undone.has(this.mergeId(sourceId, person.key, known.id)) &&
        [...this.personKeys(known.name, known.aliases)].some((key) => keys.has(key)),
    );
    const distinct = [...new Map(candidates.map((candidate) => [candidate.id, candidate])).values()];
    if (distinct.length === 1 && distinct[0].id !== ownId) {
      const known = distinct[0];
      const byName = personKey(known.name, this.countryWords) === personKey(person.name, this.countryWords);
      const spelledAlike = (name: string) => words(name).filter((word) => !isTitleWord(word)).join(' ');
      const method = byName ? (spelledAlike(known.name) === spelledAlike(person.name) ? 'titles-case-accents' : 'transliteration') : 'alias';
      this.people.push({ id: known.id, name: person.name, aliases: person.aliases });
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
    this.people.push({ id: ownId, name: person.name, aliases: person.aliases });
    return { id: ownId };
  }

  async body(body: ArticleEntity<'bodies'>, countryId: string | undefined, sourceId: string): Promise<Resolved> {
    return this.named(this.bodies, 'body', body.key, body.name, body.aliases, countryId, sourceId);
  }

  async place(place: ArticleEntity<'places'>, iso: string, sourceId: string): Promise<string> {
    return (await this.named(this.places, 'place', place.key, place.name, [], `country:${iso}`, sourceId)).id;
  }

  private named(
    known: KnownNamed[],
    prefix: 'body' | 'place',
    key: string,
    name: string,
    aliases: string[],
    countryId: string | undefined,
    sourceId: string,
  ): Resolved {
    const iso = countryId?.slice('country:'.length);
    const ownId = `${prefix}:${iso ? `${iso}:` : ''}${slug(name)}`;
    const keys = new Set([name, ...aliases].map(nameKey));
    const found = known.find(
      (candidate) =>
        candidate.country === (countryId ?? null) &&
        !this.undone.has(this.mergeId(sourceId, key, candidate.id)) &&
        [candidate.name, ...candidate.aliases].some((form) => keys.has(nameKey(form))),
    );
    if (found && found.id !== ownId) {
      return {
        id: found.id,
        merge: this.mergeRecord(sourceId, key, name, found.id, 'name-or-alias', `'${name}' is '${found.name}' of the same country`),
      };
    }
    if (!found) known.push({ id: ownId, name, aliases, country: countryId ?? null });
    return { id: ownId };
  }

  async position(position: ArticleEntity<'positions'>, iso: string | undefined, _sourceId: string): Promise<string> {
    const country = iso ? `country:${iso}` : null;
    const key = titleKey(position.title);
    const found = this.positions.find((candidate) => candidate.country === country && titleKey(candidate.title) === key);
    if (found) return found.id;
    const id = `position:${iso ? `${iso}:` : ''}${slug(position.title)}`;
    this.positions.push({ id, title: position.title, country });
    return id;
  }

  /** SAME_AS links between this holding and the other articles' holdings of the same office on the same date. */
  async sameHolder(
    occupancy: { id: string; positionId: string; holderId: string | undefined; observedOn: string; heldFrom?: string; heldUntil?: string },
    sourceId: string,
  ): Promise<Array<{ from: string; to: string; merge: MergeRecord }>> {
    const covers = (named: { observedOn: string; heldFrom?: string | null; heldUntil?: string | null }, date: string) =>
      (named.heldFrom ?? named.observedOn) <= date && date <= (named.heldUntil ?? named.observedOn).padEnd(10, '\uffff');
    const links: Array<{ from: string; to: string; merge: MergeRecord }> = [];
    const same = this.occupancies.filter((known) => known.position === occupancy.positionId && known.id !== occupancy.id);
    if (occupancy.holderId === undefined) {
      for (const named of same.filter((known) => known.holder !== null && covers(known, occupancy.observedOn))) {
        links.push(this.sameHolderLink(occupancy.id, named.id, named.holder!, occupancy.observedOn, sourceId));
      }
    } else {
      for (const unnamed of same.filter((known) => known.holder === null && covers(occupancy, known.observedOn))) {
        links.push(this.sameHolderLink(unnamed.id, occupancy.id, occupancy.holderId, unnamed.observedOn, sourceId));
      }
    }
    this.occupancies.push({
      id: occupancy.id,
      position: occupancy.positionId,
      holder: occupancy.holderId ?? null,
      observedOn: occupancy.observedOn,
      heldFrom: occupancy.heldFrom ?? null,
      heldUntil: occupancy.heldUntil ?? null,
    });
    return links.filter((link) => !this.undone.has(link.merge.id));
  }

  private sameHolderLink(unnamed: string, named: string, holder: string, date: string, sourceId: string) {
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
