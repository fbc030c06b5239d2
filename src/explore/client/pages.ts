/**
 * The entity pages (the "Facts" view): a person, country, body, office, agreement, event, place or source, each
 * at its own URL. The header query answers first; the other sections load on their own.
 */
import type { Context } from './context';
import { formatDate } from './dates';
import { h, sentenceNodes } from './dom';
import { loadSource, sourceHeading, sourceTextNode } from './evidence';
import { ask } from './graphql';
import { first, type Agreement, type Claim, type EventRef, type Exchange, type Occupancy, type Ref, type UnnamedOfficialRef } from './model';
import { PAGE } from './queries';
import { entityHeader, factList, linkList, section } from './sections';
import { agreementSentence, claimSentence, eventSentence, exchangeSentence, occupancySentence, officialParts, participationSentence } from './sentences';
import { parseHighlights } from './source-text';
import { kindWords } from './wording';

export interface Page {
  element: HTMLElement;
  /** Resolves when the page's main facts are on screen. */
  rendered: Promise<void>;
}

export class NotFound extends Error {}

const one = <T>(list: T[] | undefined, what: string): T => {
  const found = first(list);
  if (!found) throw new NotFound(`No ${what} with this id in the graph.`);
  return found;
};

const aliasLine = (aliases: string[] = [], weak: string[] = []) =>
  aliases.length || weak.length ? h('p', { class: 'aliases' }, `Also: ${[...aliases, ...weak].join('; ')}`) : null;

/** A list that can grow by pages of `PAGE` (offset), for the long lists of a hub. */
function pagedFacts<T>(ctx: Context, firstPage: T[], loadPage: (offset: number) => Promise<T[]>, toSentence: (item: T) => ReturnType<typeof agreementSentence>, empty: string) {
  const list = factList(ctx, firstPage.map(toSentence), empty);
  if (firstPage.length < PAGE) return list;
  let offset = firstPage.length;
  const more: HTMLButtonElement = h('button', { type: 'button', class: 'more' }, `Show ${PAGE} more`);
  more.addEventListener('click', async () => {
    more.disabled = true;
    const next = await loadPage(offset);
    offset += next.length;
    const items = factList(ctx, next.map(toSentence));
    list.append(...Array.from(items.childNodes));
    more.disabled = next.length < PAGE;
    if (next.length < PAGE) more.remove();
  });
  return h('div', null, list, more);
}

async function person(ctx: Context, id: string): Promise<Page> {
  type Header = { people: Array<{ id: string; name: string; aliases: string[]; weakAliases: string[]; occupancies: Occupancy[] }> };
  const found = one((await ask<Header>(ctx.q.personHeader, { id })).people, 'person');
  const me: Ref = { id: found.id, name: found.name };
  const exchanges = section('Documents exchanged', async () => {
    const data = await ask<{ people: Array<{ exchangeSides: Array<{ exchange: Exchange[] }> }> }>(ctx.q.personExchanges, { id });
    const list = (first(data.people)?.exchangeSides ?? []).flatMap((side) => side.exchange);
    return factList(ctx, list.map((exchange) => exchangeSentence(exchange, id)), 'No document exchange in the graph.');
  });
  const offices = section('Offices held', async () => factList(ctx, found.occupancies.map((occupancy) => occupancySentence(occupancy, me)), 'No office in the graph.'));
  const events = section('Events', async () => {
    const data = await ask<{ people: Array<{ eventsConnection: { edges: Array<{ properties: { role: string }; node: EventRef }> } }> }>(ctx.q.personEvents, { id });
    const edges = first(data.people)?.eventsConnection.edges ?? [];
    return factList(ctx, edges.map((edge) => participationSentence(me, { role: edge.properties.role, event: edge.node })), 'No event in the graph.');
  });
  const said = section('Statements', async () => {
    const data = await ask<{ people: Array<{ claims: Claim[]; counterparts: Ref[] }> }>(ctx.q.personClaims, { id });
    const found = first(data.people);
    return [
      factList(ctx, (found?.claims ?? []).map(claimSentence), 'No statement in the graph.'),
      found?.counterparts.length ? h('div', { class: 'counterparts' }, 'Exchanged documents with: ', linkList(found.counterparts.map((c) => ({ kind: 'Person', id: c.id, text: c.name })))) : null,
    ];
  });
  return {
    element: h('article', { class: 'entity' }, entityHeader('Person', id, found.name, 'facts', aliasLine(found.aliases, found.weakAliases)), exchanges.element, offices.element, events.element, said.element),
    rendered: exchanges.done,
  };
}

async function country(ctx: Context, id: string): Promise<Page> {
  type Data = { countries: Array<{ id: string; name: string; isoCode: string; aliases: string[]; signed: Agreement[] }> };
  const load = (offset: number) => ask<Data>(ctx.q.countryHeader, { id, offset });
  const found = one((await load(0)).countries, 'country');
  const agreements = section('Agreements signed', async () =>
    pagedFacts(ctx, found.signed, async (offset) => first((await load(offset)).countries)?.signed ?? [], (agreement) => agreementSentence(agreement, id), 'No agreement in the graph.'),
  );
  const events = section('Events in or between', async () => {
    const data = await ask<{ events: EventRef[] }>(ctx.q.countryEvents, { id, offset: 0 });
    return factList(ctx, data.events.map((event) => eventSentence(event, kindWords)), 'No event in the graph.');
  });
  const bodies = section('Bodies and offices', async () => {
    const data = await ask<{ countries: Array<{ bodies: Array<{ id: string; name: string; kind: string }>; positions: Array<{ id: string; title: string }> }> }>(ctx.q.countryBodies, { id });
    const found = first(data.countries);
    return h(
      'div',
      { class: 'columns' },
      h('div', null, h('h3', null, 'Bodies'), linkList((found?.bodies ?? []).map((body) => ({ kind: 'Body', id: body.id, text: body.name, note: `(${kindWords(body.kind)})` })))),
      h('div', null, h('h3', null, 'Offices'), linkList((found?.positions ?? []).map((position) => ({ kind: 'Position', id: position.id, text: position.title })))),
    );
  });
  const details = [h('p', { class: 'aliases' }, `ISO code ${found.isoCode}${found.aliases.length ? `. Also: ${found.aliases.join('; ')}` : ''}`)];
  return {
    element: h('article', { class: 'entity' }, entityHeader('Country', id, found.name, 'facts', details), agreements.element, events.element, bodies.element),
    rendered: agreements.done,
  };
}

async function body(ctx: Context, id: string): Promise<Page> {
  type Data = {
    bodies: Array<{ id: string; name: string; nameAsReported: boolean; kind: string; aliases: string[]; country: Ref[]; positions: Array<{ id: string; title: string }>; agreements: Agreement[] }>;
  };
  const load = (offset: number) => ask<Data>(ctx.q.bodyHeader, { id, offset });
  const found = one((await load(0)).bodies, 'body');
  const country = first(found.country);
  const agreements = section('Agreements binding it', async () =>
    pagedFacts(ctx, found.agreements, async (offset) => first((await load(offset)).bodies)?.agreements ?? [], (agreement) => agreementSentence(agreement, id), 'No agreement binds it in the graph.'),
  );
  const offices = section('Offices', async () => linkList(found.positions.map((position) => ({ kind: 'Position', id: position.id, text: position.title }))));
  const details = h(
    'p',
    { class: 'aliases' },
    `${kindWords(found.kind)}`,
    country ? [' of ', h('a', { href: `/explore/country/${encodeURIComponent(country.id)}` }, country.name)] : '',
    found.nameAsReported ? '' : '. The source describes this body without naming it: the name is a description.',
    found.aliases.length ? `. Also: ${found.aliases.join('; ')}` : '',
  );
  return { element: h('article', { class: 'entity' }, entityHeader('Body', id, found.name, 'facts', details), agreements.element, offices.element), rendered: agreements.done };
}

async function position(ctx: Context, id: string): Promise<Page> {
  type Data = { positions: Array<{ id: string; title: string; portfolio: string | null; country: Ref[]; body: Ref[]; occupancies: Occupancy[] }> };
  const found = one((await ask<Data>(ctx.q.positionHeader, { id })).positions, 'office');
  const country = first(found.country);
  const inBody = first(found.body);
  const holders = section('Who held it', async () => factList(ctx, found.occupancies.map((occupancy) => occupancySentence(occupancy)), 'No holding in the graph.'));
  const details = h(
    'p',
    { class: 'aliases' },
    found.portfolio ? `Portfolio: ${found.portfolio}` : '',
    country ? [found.portfolio ? '. ' : '', 'Of ', h('a', { href: `/explore/country/${encodeURIComponent(country.id)}` }, country.name)] : '',
    inBody ? [', in ', h('a', { href: `/explore/body/${encodeURIComponent(inBody.id)}` }, inBody.name)] : '',
  );
  return { element: h('article', { class: 'entity' }, entityHeader('Position', id, found.title, 'facts', details), holders.element), rendered: holders.done };
}

async function agreement(ctx: Context, id: string): Promise<Page> {
  const found = one((await ask<{ agreements: Array<Agreement & { signedDuring: EventRef[] }> }>(ctx.q.agreementHeader, { id })).agreements, 'agreement');
  const summary = section('Signed', async () => [
    factList(ctx, [agreementSentence(found)]),
    found.signedDuring.length ? factList(ctx, found.signedDuring.map((event) => eventSentence(event, kindWords))) : null,
  ]);
  const exchanges = section('Handed over', async () => {
    const data = await ask<{ agreements: Array<{ exchanges: Exchange[] }> }>(ctx.q.agreementExchanges, { id });
    return factList(ctx, (first(data.agreements)?.exchanges ?? []).map((exchange) => exchangeSentence(exchange)), 'No exchange of this document in the graph.');
  });
  const details = h(
    'p',
    { class: 'aliases' },
    `${kindWords(found.kind)}${found.kindAsReported ? ` ("${found.kindAsReported}" in the source)` : ''}`,
    found.topics?.length ? `; topics: ${found.topics.join(', ')}` : '',
    found.titleAsReported === false ? '. The source describes this document: the title is a description in its words.' : '',
  );
  return { element: h('article', { class: 'entity' }, entityHeader('Agreement', id, found.title, 'facts', details), summary.element, exchanges.element), rendered: summary.done };
}

async function event(ctx: Context, id: string): Promise<Page> {
  type Data = {
    events: Array<EventRef & { officials?: UnnamedOfficialRef[]; country: Ref[]; between: Ref[]; partOf: EventRef[]; participantsConnection: { edges: Array<{ properties: { role: string }; node: Ref }> } }>;
  };
  const found = one((await ask<Data>(ctx.q.eventHeader, { id })).events, 'event');
  const whole = first(found.partOf);
  const place = first(found.place);
  const where = first(found.country);
  const facts = section('What happened', async () => {
    const exchange = first((await ask<{ documentExchanges: Exchange[] }>(ctx.q.eventExchange, { id })).documentExchanges);
    const people = found.participantsConnection.edges.map((edge) => participationSentence(edge.node, { role: edge.properties.role, event: found }));
    const officials = (found.officials ?? []).map((official) => h('li', null, sentenceNodes({ parts: [...officialParts(official), ' took part.'], facts: [] })));
    return [
      factList(ctx, [...(exchange ? [exchangeSentence(exchange)] : []), ...people], 'No participant named in the graph.'),
      officials.length ? h('div', null, h('h3', null, 'Unnamed officials'), h('ul', { class: 'facts' }, officials)) : null,
    ];
  });
  const parts = section('Parts and agreements', async () => {
    const data = await ask<{ events: Array<{ parts: EventRef[]; agreementsSigned: Agreement[] }> }>(ctx.q.eventParts, { id });
    const found = first(data.events);
    if (!found?.parts.length && !found?.agreementsSigned.length) return null;
    return factList(ctx, [...found.parts.map((part) => eventSentence(part, kindWords)), ...found.agreementsSigned.map((agreement) => agreementSentence(agreement))]);
  });
  const claims = section('Statements made there', async () => {
    const data = await ask<{ events: Array<{ claims: Claim[] }> }>(ctx.q.eventClaims, { id });
    const list = first(data.events)?.claims ?? [];
    return list.length ? factList(ctx, list.map(claimSentence)) : null;
  });
  const details = h(
    'p',
    { class: 'aliases' },
    kindWords(found.kind),
    found.date ? `, ${formatDate(found.date)}` : ', undated in the source',
    place ? [', at ', h('a', { href: `/explore/place/${encodeURIComponent(place.id)}` }, place.name)] : '',
    where ? [', in ', h('a', { href: `/explore/country/${encodeURIComponent(where.id)}` }, where.name)] : '',
    found.between.length ? [', between ', found.between.map((c, i) => [i ? ' and ' : '', h('a', { href: `/explore/country/${encodeURIComponent(c.id)}` }, c.name)])] : '',
    whole ? ['. Part of ', h('a', { href: `/explore/event/${encodeURIComponent(whole.id)}` }, whole.name)] : '',
  );
  return {
    element: h('article', { class: 'entity' }, entityHeader(found.kind === 'DOCUMENT_EXCHANGE' ? 'DocumentExchange' : 'Event', id, found.name, 'facts', details), facts.element, parts.element, claims.element),
    rendered: facts.done,
  };
}

async function place(ctx: Context, id: string): Promise<Page> {
  type Data = { places: Array<{ id: string; name: string; kind: string; country: Ref[]; within: Ref[]; events: EventRef[] }> };
  const found = one((await ask<Data>(ctx.q.placeHeader, { id })).places, 'place');
  const country = first(found.country);
  const within = first(found.within);
  const events = section('Events here', async () => factList(ctx, found.events.map((event) => eventSentence(event, kindWords)), 'No event in the graph.'));
  const details = h(
    'p',
    { class: 'aliases' },
    kindWords(found.kind),
    within ? [' in ', h('a', { href: `/explore/place/${encodeURIComponent(within.id)}` }, within.name)] : '',
    country ? [', ', h('a', { href: `/explore/country/${encodeURIComponent(country.id)}` }, country.name)] : '',
  );
  return { element: h('article', { class: 'entity' }, entityHeader('Place', id, found.name, 'facts', details), events.element), rendered: events.done };
}

async function source(ctx: Context, id: string): Promise<Page> {
  const loaded = await loadSource(ctx, id);
  if (!loaded) throw new NotFound('No source with this id in the graph.');
  const highlights = parseHighlights(new URL(location.href).searchParams.get('highlight'));
  const text = h(
    'section',
    { class: 'facts-section', 'aria-labelledby': 'text-title' },
    h('h2', { id: 'text-title' }, 'Text'),
    h('p', { class: 'hint' }, `The ${loaded.passages.length} passages the graph's facts cite, in order; […] marks text no fact cites (the graph does not hold it).`),
    sourceTextNode(loaded, highlights),
  );
  const element = h(
    'article',
    { class: 'entity' },
    entityHeader('Source', id, loaded.source.name, 'facts', [sourceHeading(loaded.source, [], 'h2'), h('p', { class: 'checksum' }, `SHA-256 of the text: ${loaded.source.checksum}`)]),
    text,
  );
  return {
    element,
    rendered: Promise.resolve().then(() => {
      element.querySelector('mark')?.scrollIntoView({ block: 'center' });
    }),
  };
}

export const PAGES: Record<string, (ctx: Context, id: string) => Promise<Page>> = { person, country, body, position, agreement, event, place, source };

/** The entity's name, for the views that do not load its facts. */
export async function entityName(kind: string, id: string): Promise<string> {
  const root = { person: 'people', country: 'countries', body: 'bodies', agreement: 'agreements', position: 'positions', event: 'events', place: 'places' }[kind];
  if (!root) throw new NotFound(`No ${kind} view.`);
  const field = kind === 'agreement' || kind === 'position' ? 'title' : 'name';
  const data = await ask<Record<string, Array<Record<string, string>>>>(`query Name($id: ID!) { found: ${root}(where: { id: { eq: $id } }, limit: 1) { ${field} } }`, { id });
  return one(data.found, kind)[field];
}

