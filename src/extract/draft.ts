/**
 * From the rules' reading to a draft article in format v2: keys, named spans with exact offsets and quotes, the
 * `extracted` provenance on every fact, side and participant.
 */
import type { Cited } from './document';
import { countryOf } from './lexicon';
import { bodyNamed } from './actors';
import type { Reading, XActor, XBody, XPerson, XPlace, XTitle } from './reading';
import { idSlug } from '../ingest/ids';
import countries from 'world-countries';

export interface DraftSource {
  id: string;
  name?: string;
  publisher?: string;
  url?: string;
  publishedOn?: string;
  dateline?: string;
  text: string;
}

type Json = Record<string, unknown>;

function slug(text: string, max = 60): string {
  const full = idSlug(text);
  return full.length > max ? full.slice(0, max).replace(/-+$/, '') : full || 'x';
}

export function buildDraft(reading: Reading, source: DraftSource, by: string): Json {
  const spans: Record<string, Json> = {};
  const spanKeys = new Map<string, string>();
  const cite = (cited: Cited[]): string[] =>
    cited.map((c) => {
      const id = `${c.start}-${c.end}`;
      let key = spanKeys.get(id);
      if (!key) {
        key = `s${spanKeys.size + 1}`;
        spanKeys.set(id, key);
        spans[key] = { start: c.start, end: c.end, quote: c.quote };
      }
      return key;
    });
  const extracted = (confidence: number) => ({ by, confidence: Math.round(confidence * 100) / 100 });
  /** Keys are unique across every kind of fact of the article. */
  const used = new Set<string>();
  const unique = (base: string) => {
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  };

  // Countries: those the rules found, and any a title or side names.
  const countryFacts = new Map<string, Json>();
  const countryKeys = new Map<string, string>();
  const isoKey = (iso: string) => {
    if (!countryKeys.has(iso)) countryKeys.set(iso, unique(iso.toLowerCase()));
    return countryKeys.get(iso)!;
  };
  for (const c of reading.countries) {
    countryFacts.set(c.iso, { key: isoKey(c.iso), name: c.name, isoCode: c.iso, aliases: [...c.forms].filter((f) => f !== c.name), evidence: cite(c.evidence), extracted: extracted(0.9) });
  }
  const countryKey = (iso: string | undefined, evidence: Cited): string | undefined => {
    if (!iso) return undefined;
    if (!countryFacts.has(iso)) {
      const name = countries.find((c) => c.cca2 === iso)?.name.common ?? countryOf(evidence.quote)?.name ?? iso;
      countryFacts.set(iso, { key: isoKey(iso), name, isoCode: iso, evidence: cite([evidence]), extracted: extracted(0.7) });
    }
    return isoKey(iso);
  };

  const bodyKeys = new Map<XBody, string>();
  const bodyFacts: Json[] = [];
  const bodyKey = (body: XBody): string => {
    let key = bodyKeys.get(body);
    if (key) return key;
    key = unique(slug(body.name));
    bodyKeys.set(body, key);
    bodyFacts.push({
      key,
      name: body.name,
      ...(body.aliases?.size ? { aliases: [...body.aliases] } : {}),
      ...(body.nameAsReported ? {} : { nameAsReported: false }),
      kind: body.kind,
      country: countryKey(body.country, body.evidence[0]),
      evidence: cite(body.evidence),
      extracted: extracted(0.75),
    });
    return key;
  };
  for (const body of reading.bodies) bodyKey(body);
  const titleBody = (name: string, evidence: Cited, iso?: string): string => {
    const known = bodyNamed(reading.bodies, name);
    if (known) return bodyKey(known);
    const body: XBody = { name, kind: 'OTHER', nameAsReported: true, country: iso, evidence: [evidence] };
    reading.bodies.push(body);
    return bodyKey(body);
  };

  const placeKeys = new Map<XPlace, string>();
  const placeFacts: Json[] = [];
  const placeKey = (place: XPlace): string => {
    let key = placeKeys.get(place);
    if (key) return key;
    key = unique(slug(place.name));
    placeKeys.set(place, key);
    placeFacts.push({ key, name: place.name, kind: place.kind, country: countryKey(place.country, place.evidence[0]), evidence: cite(place.evidence), extracted: extracted(0.8) });
    return key;
  };

  const actorKey = (actor: XActor, evidence: Cited): string | undefined =>
    'country' in actor ? countryKey(actor.country, evidence) : 'body' in actor ? bodyKey(actor.body) : placeKey(actor.place);

  // People, offices and holdings.
  const personKeys = new Map<XPerson, string>();
  const peopleFacts = reading.people.map((person) => {
    const key = unique(slug(person.name));
    personKeys.set(person, key);
    return {
      key,
      name: person.name,
      aliases: [...person.aliases],
      weakAliases: [...person.weakAliases].filter((w) => !person.aliases.has(w)),
      evidence: cite(person.evidence),
      extracted: extracted(0.85),
    };
  });
  const positionFacts = new Map<string, Json>();
  const positionKeys = new Map<string, string>();
  const positionKey = (title: XTitle): string => {
    const body = title.body ? titleBody(title.body, title.evidence, title.country) : undefined;
    const id = `${title.country ?? ''}|${title.position}|${body ?? ''}`;
    if (!positionKeys.has(id)) positionKeys.set(id, unique(slug(`${title.country ?? 'x'}-${title.position}${body ? `-${body}` : ''}`, 80)));
    const key = positionKeys.get(id)!;
    if (!positionFacts.has(key)) {
      positionFacts.set(key, {
        key,
        title: title.position,
        country: countryKey(title.country, title.evidence),
        body,
        evidence: cite([title.evidence]),
        extracted: extracted(0.8),
      });
    }
    return key;
  };
  const occupancyFacts = new Map<string, Json>();
  const occupancyKeys = new Map<string, string>();
  const occupancyKey = (title: XTitle, holder?: XPerson): string => {
    const position = positionKey(title);
    const id = `${holder ? personKeys.get(holder) : ''}|${position}`;
    if (!occupancyKeys.has(id)) occupancyKeys.set(id, unique(slug(`${holder ? personKeys.get(holder) : 'unnamed'}-${position}`, 100)));
    const key = occupancyKeys.get(id)!;
    if (!occupancyFacts.has(key)) {
      occupancyFacts.set(key, {
        key,
        position,
        holder: holder ? personKeys.get(holder) : undefined,
        title: title.printed.replace(/^the\s+/i, ''),
        evidence: cite([title.evidence]),
        ...(title.reading ? { reading: title.reading } : {}),
        extracted: extracted(title.reading ? 0.6 : 0.8),
      });
    }
    return key;
  };
  for (const person of reading.people) for (const title of person.titles) occupancyKey(title, person);

  // Events.
  const eventKeys = new Map<unknown, string>();
  for (const event of reading.events) eventKeys.set(event, unique(slug(`${event.kind}-${event.name}`)));
  const visit = reading.events.find((e) => e.kind === 'VISIT');
  const eventFacts = reading.events.map((event) => ({
    key: eventKeys.get(event)!,
    name: event.name,
    kind: event.kind,
    date: event.date,
    ...(event.reading ? { reading: event.reading } : {}),
    place: event.place ? placeKey(event.place) : undefined,
    country: countryKey(event.country, event.evidence[0]),
    partOf: event !== visit && visit && event.date === visit.date ? eventKeys.get(visit) : undefined,
    between: event.between.map((iso) => countryKey(iso, event.evidence[0])),
    participants: event.participants
      .filter((p) => p.person)
      .map((p) => ({ person: personKeys.get(p.person!), role: p.role, extracted: extracted(0.7) })),
    evidence: cite(event.evidence),
    extracted: extracted(0.7),
  }));
  const ceremony = reading.events.find((e) => e.kind === 'SIGNING_CEREMONY');

  // Documents.
  const agreementKeys = new Map<unknown, string>();
  const agreementFacts = reading.agreements.map((a) => {
    const key = unique(slug(a.title, 50));
    agreementKeys.set(a, key);
    const signed = reading.acts.some((act) => act.documents.includes(a) && (act.verb === 'SIGNED')) || a.signatories.length > 0 || a.signedOn !== undefined;
    return {
      key,
      title: a.title,
      ...(a.titleAsReported ? {} : { titleAsReported: false }),
      kind: a.kind,
      kindAsReported: a.kindAsReported,
      topics: a.topics,
      signedOn: signed ? a.signedOn ?? (a.signatories.length > 0 ? ceremony?.date : undefined) : undefined,
      parties: a.parties.map((p) => actorKey(p, a.evidence[0])),
      signatories: a.signatories.map((p) => actorKey(p, a.evidence[0])),
      signedDuring: signed && ceremony ? [eventKeys.get(ceremony)] : [],
      evidence: cite(a.evidence),
      ...(a.reading ? { reading: a.reading } : {}),
      extracted: extracted(a.confidence),
    };
  });
  // Acts.
  const exchangeFacts = reading.acts
    .filter((act) => act.documents.some((d) => agreementKeys.has(d)))
    .map((act, index) => {
      const names = act.sides.map((s) => s.person?.name ?? `the ${s.role}`);
      const document = act.documents[0].title;
      return {
        key: unique(`act-${index + 1}`),
        name: `${document} ${act.words.replace(/^also /, '')} by ${names.join(' and ')}`,
        date: act.date,
        partOf: ceremony ? eventKeys.get(ceremony) : undefined,
        verb: { kind: act.verb, words: act.words },
        documents: act.documents.filter((d) => agreementKeys.has(d)).map((d) => agreementKeys.get(d)),
        sides: act.sides.map((side) => ({
          role: side.role,
          person: side.person ? personKeys.get(side.person) : undefined,
          country: countryKey(side.country, side.evidence),
          capacity: side.titles.map((t) => occupancyKey(t, side.person)),
          evidence: cite([side.evidence]),
          ...(side.reading ? { reading: side.reading } : {}),
          extracted: extracted(side.reading ? 0.6 : 0.8),
        })),
        evidence: cite([act.evidence]),
        extracted: extracted(act.confidence),
      };
    });

  const article: Json = {
    source: { ...source },
    spans,
    countries: [...countryFacts.values()],
    places: placeFacts,
    bodies: bodyFacts,
    people: peopleFacts,
    positions: [...positionFacts.values()],
    occupancies: [...occupancyFacts.values()],
    events: eventFacts,
    agreements: agreementFacts,
    exchanges: exchangeFacts,
  };
  return prune(article) as Json;
}

/** Drops undefined fields and empty lists, so the draft reads like a hand-written article. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      if (Array.isArray(item) && item.length === 0 && key !== 'sides') continue;
      out[key] = prune(item);
    }
    return out;
  }
  return value;
}
