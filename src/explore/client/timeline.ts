/**
 * The timeline of a person, a country or a body: its dated facts on one axis of years. A date is a span as
 * precise as the source: a day is a tick, a month or a year a band across the whole month or year (hatched),
 * an interval a band from its first to its last part. Undated facts are listed apart, never placed.
 */
import type { Context } from './context';
import { compareDates, formatDate, parsePartialDate, precisionNote } from './dates';
import { h } from './dom';
import { ask } from './graphql';
import { first, type Agreement, type EventRef, type Exchange, type Occupancy, type Ref } from './model';
import { factItem } from './sections';
import { agreementSentence, eventSentence, exchangeSentence, occupancySentence, participationSentence, type Sentence } from './sentences';
import { kindWords } from './wording';

export interface TimelineItem {
  sentence: Sentence;
  date: string | null | undefined;
  /** A period the fact covers besides its date (an agreement's validity), shown as a lighter band. */
  period?: string;
}

/** The axis: whole years from the first start to the last end; positions in percent. */
export function timelineAxis(items: TimelineItem[]): { start: number; end: number; years: number[] } | undefined {
  const spans = items.flatMap((item) => [parsePartialDate(item.date), parsePartialDate(item.period)]).filter((span) => span !== undefined);
  if (spans.length === 0) return undefined;
  const firstYear = new Date(Math.min(...spans.map((span) => span.start))).getUTCFullYear();
  const lastYear = new Date(Math.max(...spans.map((span) => span.end)) - 1).getUTCFullYear();
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  return { start: Date.UTC(firstYear, 0, 1), end: Date.UTC(lastYear + 1, 0, 1), years };
}

export function placeOnAxis(raw: string | null | undefined, axis: { start: number; end: number }): { left: number; width: number; precision: string } | undefined {
  const span = parsePartialDate(raw);
  if (!span) return undefined;
  const total = axis.end - axis.start;
  return {
    left: ((span.start - axis.start) / total) * 100,
    width: ((span.end - span.start) / total) * 100,
    precision: span.interval ? 'interval' : span.precision,
  };
}

async function itemsOf(ctx: Context, kind: string, id: string, name: string): Promise<TimelineItem[]> {
  const me: Ref = { id, name };
  const agreementItem = (agreement: Agreement): TimelineItem => ({
    sentence: agreementSentence(agreement, id),
    date: agreement.signedOn,
    period: agreement.validFrom ? `${agreement.validFrom}${agreement.validTo && agreement.validTo !== agreement.validFrom ? `/${agreement.validTo}` : ''}` : undefined,
  });
  const eventItem = (event: EventRef): TimelineItem => ({ sentence: eventSentence(event, kindWords), date: event.date });
  if (kind === 'person') {
    const [header, exchanges, events] = await Promise.all([
      ask<{ people: Array<{ occupancies: Occupancy[] }> }>(ctx.q.personHeader, { id }),
      ask<{ people: Array<{ exchangeSides: Array<{ exchange: Exchange[] }> }> }>(ctx.q.personExchanges, { id }),
      ask<{ people: Array<{ eventsConnection: { edges: Array<{ properties: { role: string }; node: EventRef }> } }> }>(ctx.q.personEvents, { id }),
    ]);
    return [
      ...(first(header.people)?.occupancies ?? []).map((occupancy) => ({ sentence: occupancySentence(occupancy, me), date: occupancy.observedOn })),
      ...(first(exchanges.people)?.exchangeSides ?? []).flatMap((side) => side.exchange).map((exchange) => ({ sentence: exchangeSentence(exchange, id), date: exchange.date })),
      ...(first(events.people)?.eventsConnection.edges ?? []).map((edge) => ({ sentence: participationSentence(me, { role: edge.properties.role, event: edge.node }), date: edge.node.date })),
    ];
  }
  if (kind === 'country') {
    const [header, events] = await Promise.all([
      ask<{ countries: Array<{ signed: Agreement[] }> }>(ctx.q.countryHeader, { id, offset: 0 }),
      ask<{ events: EventRef[] }>(ctx.q.countryEvents, { id, offset: 0 }),
    ]);
    return [...(first(header.countries)?.signed ?? []).map(agreementItem), ...events.events.map(eventItem)];
  }
  const data = await ask<{ bodies: Array<{ agreements: Agreement[] }> }>(ctx.q.bodyHeader, { id, offset: 0 });
  return (first(data.bodies)?.agreements ?? []).map(agreementItem);
}

export function timelineView(ctx: Context, kind: string, id: string, name: string): { element: HTMLElement; rendered: Promise<void> } {
  const body = h('div', { class: 'timeline-body' }, h('p', { class: 'loading' }, 'Loading the timeline...'));
  const element = h(
    'section',
    { class: 'timeline', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Timeline'),
    h(
      'p',
      { class: 'hint' },
      'Each fact at its date, as precise as the source: a day is a tick; a month or a year only is a hatched band across the whole month or year; an agreement’s period is a light band. The latest 50 of each kind.',
    ),
    body,
  );
  const rendered = itemsOf(ctx, kind, id, name).then((items) => {
    body.replaceChildren();
    const dated = items.filter((item) => parsePartialDate(item.date)).sort((a, b) => compareDates(a.date, b.date));
    const undated = items.filter((item) => !parsePartialDate(item.date));
    const axis = timelineAxis(dated);
    if (axis) {
      const labelEvery = Math.ceil(axis.years.length / 8);
      const ruler = h(
        'div',
        { class: 'axis', 'aria-hidden': 'true' },
        axis.years.map((year, i) => {
          const tick = h('span', { class: 'axis-year' }, i % labelEvery === 0 ? String(year) : '');
          tick.style.left = `${placeOnAxis(String(year), axis)!.left}%`;
          return tick;
        }),
      );
      const rows = dated.map((item) => {
        const track = h('div', { class: 'track', 'aria-hidden': 'true' });
        for (const [raw, extra] of [
          [item.period, 'period'],
          [item.date, ''],
        ] as const) {
          const place = placeOnAxis(raw, axis);
          if (!place) continue;
          const bar = h('span', { class: `when-bar precision-${place.precision} ${extra}` });
          bar.style.left = `${place.left}%`;
          bar.style.width = `${place.width}%`;
          track.append(bar);
        }
        const note = precisionNote(item.date);
        const when = h('p', { class: 'when' }, h('time', { datetime: item.date ?? '' }, formatDate(item.date)), note ? h('span', { class: 'precision' }, ` (${note})`) : null);
        return factItem(ctx, item.sentence, 'li', [when, track]);
      });
      body.append(h('div', { class: 'axis-row' }, ruler), h('ol', { class: 'timeline-items' }, rows));
    } else body.append(h('p', { class: 'empty' }, 'No dated fact in the graph.'));
    if (undated.length) {
      body.append(h('h3', null, 'Undated in the sources'), h('ul', { class: 'facts' }, undated.map((item) => factItem(ctx, item.sentence))));
    }
  });
  return { element, rendered };
}
