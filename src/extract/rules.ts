/**
 * The extraction rules: from CoreNLP's tokens, parts of speech and named entities to the facts of a report. Each
 * family is one function over the annotated text, in a file of its own (actors, people, documents, acts, events,
 * tables); `read` runs them in order and builds a `Reading` (reading.ts), which draft.ts turns into an article of
 * format v2. Rules never make up words: every name, title and role is words of the text, and what the text implies
 * rather than states carries a reading.
 */
import { AnnotatedText } from './document';
import { tableActs } from './tables';
import { type Reading, type XPlace } from './reading';
import { findBodies, findCountries, findPlaces } from './actors';
import { findPeople, recoverNames, titleRuns } from './people';
import { describedParties, findAgreements, TEXT_PLACES } from './documents';
import { findActs } from './acts';
import { findDateline, findEventDate, findEvents } from './events';

/** Runs every family over an annotated text. */
export function read(text: AnnotatedText): Reading {
  recoverNames(text);
  const countries = findCountries(text);
  const places = findPlaces(text);
  TEXT_PLACES.set(text, places);
  const { people, titles, byToken } = findPeople(text);
  const titleSpans = titleRuns(text).filter(([a, b]) => b - a > 1 || !/^(ministry|government)$/i.test(text.words(a, b)));
  const bodies = findBodies(text, [...titleSpans, ...people.flatMap((p) => p.titles.map((t) => [t.from, t.to] as [number, number]))]);
  const agreements = findAgreements(text, bodies);
  const mainCountries = countries.length >= 2 && countries[1].mentions >= 2 ? [countries[0].iso, countries[1].iso] : [];
  for (const agreement of agreements) if (agreement.parties.length === 0) agreement.parties = describedParties(text, agreement, countries, mainCountries, bodies);
  for (const body of [...bodies]) {
    // A body named only inside a document's title is a party, not a body of its own ... unless a party.
    const inTitle = agreements.some((a) => body.evidence.every((e) => e.start >= text.tokens[a.from].start && e.end <= text.tokens[a.to - 1].end));
    const isParty = agreements.some((a) => [...a.parties, ...a.signatories].some((p) => 'body' in p && p.body === body));
    if (inTitle && !isParty) bodies.splice(bodies.indexOf(body), 1);
  }
  const eventDate = findEventDate(text);
  const { acts, unnamed } = findActs(text, { byToken }, titles, agreements, mainCountries, eventDate, bodies);
  const table = tableActs(text, byToken, agreements, eventDate, bodies);
  acts.push(...table.acts);
  const signed = [...new Set(acts.filter((a) => a.verb !== 'WITNESSED').flatMap((a) => a.documents))];
  for (const act of acts) if (act.verb === 'WITNESSED' && act.documents.length === 0) act.documents = signed;
  for (let k = acts.length - 1; k >= 0; k--) if (acts[k].documents.length === 0) acts.splice(k, 1);
  for (const title of table.unnamed) if (!unnamed.includes(title)) unnamed.push(title);
  // People's countries by contrast, from their sides.
  for (const act of acts) for (const side of act.sides) if (side.person && side.country && !side.titles.some((t) => t.country)) {
    for (const title of side.titles) if (!title.country) {
      title.country = side.country;
      title.reading = side.reading;
    }
  }
  const dateline = findDateline(text, places);
  const { events } = findEvents(text, acts, people, byToken, places, dateline, eventDate, mainCountries);
  // Only places where something happens, or that the text places in a country.
  const isParty = (p: XPlace) => agreements.some((a) => [...a.parties, ...a.signatories].some((x) => 'place' in x && x.place === p));
  const usedPlaces = places.filter((p) => events.some((e) => e.place === p) || isParty(p));
  return { countries, places: usedPlaces, bodies, people, unnamed, agreements, acts, events };
}
