/**
 * Stable ids: from the inputs that identify a fact (names, titles, dates, country codes, and the ids of the facts
 * it is about), never from load order. Two distinct facts never share an id: what would make them collide (a long
 * title cut short, a generic title) is part of the id, and a collision left over is a validation error.
 */
import { createHash } from 'node:crypto';
import { slug } from './names';

const hash = (text: string, length = 10) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** A slug of the whole text; a long one keeps its first 100 characters and a hash of the whole, so ids stay short and distinct. */
export function idSlug(text: string): string {
  const full = slug(text, Number.MAX_SAFE_INTEGER);
  if (full.length <= 120) return full;
  return `${slug(full, 100)}-${hash(full)}`;
}

/** The part of an id after its kind prefix (country:pk -> pk). */
export const tail = (id: string) => id.slice(id.indexOf(':') + 1);

/** A date in an id: 2025-04-11, 2025-04, 2025, or an interval 2015-2016. */
const dateTag = (date: string) => date.replace('/', '-');

/** Kinds of body that belong to one country: without a stated country, the text does not say which one. */
const NATIONAL_BODIES = new Set(['GOVERNMENT', 'MINISTRY', 'AGENCY', 'LEGISLATURE']);

export const ids = {
  country: (isoCode: string) => `country:${isoCode.toLowerCase()}`,
  person: (name: string) => `person:${idSlug(name)}`,
  /**
   * A body of a country; without a stated country, a national body (a ministry) is known only to its source, while
   * an international one (a trade body, a company, an organisation) is known by its name.
   */
  body: (name: string, kind: string, countryId: string | undefined, sourceId: string) =>
    countryId ? `body:${tail(countryId)}:${idSlug(name)}` : NATIONAL_BODIES.has(kind) ? `body:${sourceId}:${idSlug(name)}` : `body:${idSlug(name)}`,
  /** A place in its country, or within the place that contains it, or (neither stated) known only to its source. */
  place: (name: string, countryId: string | undefined, withinId: string | undefined, sourceId: string) =>
    `place:${countryId ? tail(countryId) : withinId ? tail(withinId) : sourceId}:${idSlug(name)}`,
  /**
   * An office of a country, or of the body its title names (the President of a chamber of commerce is not the
   * President of the country); without a stated country or body, known only to its source.
   */
  position: (title: string, countryId: string | undefined, bodyId: string | undefined, sourceId: string) =>
    `position:${bodyId ? tail(bodyId) : countryId ? tail(countryId) : sourceId}:${idSlug(title)}`,
  occupancy: (positionId: string, holderId: string | undefined, observedOn: string | undefined, sourceId: string) =>
    `occupancy:${tail(positionId)}:${holderId ? tail(holderId) : 'unidentified'}:${observedOn ? dateTag(observedOn) : sourceId}`,
  /** An event on its date; undated, known only to its source. */
  event: (name: string, date: string | undefined, sourceId: string) => `event:${date ? dateTag(date) : sourceId}:${idSlug(name)}`,
  /**
   * A document: its title, when it was signed (else its source), and who it binds or who signed it (else the people
   * who acted on it), so that documents with one generic title ("cooperation agreement") between different parties
   * stay apart.
   */
  agreement: (title: string, signedOn: string | undefined, actorIds: readonly string[], sourceId: string) => {
    const actors = [...new Set(actorIds)].sort();
    return `agreement:${signedOn ? dateTag(signedOn) : sourceId}:${idSlug(title)}${actors.length ? `:${hash(actors.join('|'), 8)}` : ''}`;
  },
  /** A side of an act on documents: the act, the country it acted for and who (the person, or the role as worded). */
  side: (exchangeId: string, countryId: string | undefined, personId: string | undefined, role: string) =>
    `side:${tail(exchangeId)}:${countryId ? tail(countryId) : 'x'}:${personId ? tail(personId) : idSlug(role)}`,
  /** An unnamed official taking part in an event, by the words that describe them. */
  official: (eventId: string, label: string) => `official:${tail(eventId)}:${idSlug(label)}`,
  claim: (sourceId: string, key: string) => `claim:${sourceId}:${key}`,
  source: (sourceId: string) => `source:${sourceId}`,
  passage: (sourceId: string, start: number, end: number) => `passage:${sourceId}:${start}-${end}`,
};
