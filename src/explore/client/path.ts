/**
 * The path view: how two actors are connected (the API's `connection`, the shortest path over facts), each step
 * explained in words and cited: the fact that states the step (an exchange side, an agreement, an event...) is one
 * of its two ends, and its passages open in the evidence panel.
 */
import type { Context } from './context';
import { clear, h } from './dom';
import { ask } from './graphql';
import { entityHref, hasPage, type FactRef } from './model';
import { searchBox } from './search';
import { KIND_LABELS } from './sections';

export interface Step {
  kind: string;
  id: string;
  name: string;
  via: string | null;
}

/**
 * Which fact states a relationship: the side of an exchange states whom it represents, an agreement who signed it,
 * an event who took part... First match wins.
 */
const OWNERS: Array<[kind: string, via: string]> = [
  ['ExchangeSide', 'PERSON'],
  ['ExchangeSide', 'REPRESENTS'],
  ['ExchangeSide', 'IN_CAPACITY'],
  ['ExchangeSide', 'HAS_SIDE'],
  ['DocumentExchange', 'EXCHANGED'],
  ['DocumentExchange', 'PART_OF'],
  ['Claim', 'SAID_BY'],
  ['Claim', 'ACTOR'],
  ['Claim', 'MADE_AT'],
  ['Claim', 'REFERS_TO'],
  ['Occupancy', 'HELD_BY'],
  ['Occupancy', 'OF_POSITION'],
  ['Occupancy', 'SAME_AS'],
  ['Agreement', 'SIGNED_BY'],
  ['Agreement', 'BINDS'],
  ['Agreement', 'SIGNED_DURING'],
  ['Event', 'PARTICIPATED_IN'],
  ['Event', 'BETWEEN'],
  ['Event', 'IN_COUNTRY'],
  ['Event', 'AT_PLACE'],
  ['Event', 'PART_OF'],
  ['Position', 'IN_BODY'],
  ['Position', 'OF_COUNTRY'],
  ['Body', 'OF_COUNTRY'],
  ['Place', 'WITHIN'],
  ['Place', 'IN_COUNTRY'],
];

/** What the step from `a` to `b` says, in words. */
export function explainStep(a: Step, b: Step): string {
  const [x, y] = [`${a.name}`, `${b.name}`];
  const pair = (kind: string) => (a.kind === kind ? [a, b] : [b, a]);
  switch (a.via) {
    case 'PERSON': {
      const [side, person] = pair('ExchangeSide');
      return `${person.name} acted as “${side.name}” on one side of a document exchange.`;
    }
    case 'REPRESENTS': {
      const [side, country] = pair('ExchangeSide');
      return `The side “${side.name}” represented ${country.name}.`;
    }
    case 'HAS_SIDE': {
      const [exchange, side] = pair('DocumentExchange');
      return `${exchange.name} had a side “${side.name}”.`;
    }
    case 'IN_CAPACITY': {
      const [side, occupancy] = pair('ExchangeSide');
      return `The side “${side.name}” acted in the capacity “${occupancy.name}”.`;
    }
    case 'EXCHANGED': {
      const [exchange, document] = pair('DocumentExchange');
      return `In ${exchange.name}, the ${document.name} was handed over.`;
    }
    case 'SIGNED_BY': {
      const [agreement, actor] = pair('Agreement');
      return `${actor.name} signed the ${agreement.name}.`;
    }
    case 'BINDS': {
      const [agreement, actor] = pair('Agreement');
      return `The ${agreement.name} binds ${actor.name}.`;
    }
    case 'SIGNED_DURING': {
      const [agreement, event] = pair('Agreement');
      return `The ${agreement.name} was signed during ${event.name}.`;
    }
    case 'PARTICIPATED_IN': {
      const [person, event] = pair('Person');
      return `${person.name} took part in ${event.name}.`;
    }
    case 'HELD_BY': {
      const [occupancy, person] = pair('Occupancy');
      return `${person.name} held the office “${occupancy.name}”.`;
    }
    case 'OF_POSITION': {
      const [occupancy, position] = pair('Occupancy');
      return `The holding “${occupancy.name}” is of the office ${position.name}.`;
    }
    case 'SAME_AS':
      return `Entity resolution found “${x}” and “${y}” to be the same holding of office (another source names the holder).`;
    case 'SAID_BY': {
      const [claim, person] = pair('Claim');
      return `${person.name} said: ${claim.name}`;
    }
    case 'ACTOR': {
      const [claim, country] = pair('Claim');
      return `The statement “${claim.name}” is about the intent or position of ${country.name}.`;
    }
    case 'MADE_AT':
    case 'REFERS_TO': {
      const [claim, event] = pair('Claim');
      return a.via === 'MADE_AT' ? `The statement “${claim.name}” was made at ${event.name}.` : `The statement “${claim.name}” speaks of ${event.name}.`;
    }
    case 'OF_COUNTRY':
      return `${a.kind === 'Country' ? y : x} is of ${a.kind === 'Country' ? x : y}.`;
    case 'IN_BODY': {
      const [position, body] = pair('Position');
      return `The office ${position.name} is in ${body.name}.`;
    }
    case 'BETWEEN': {
      const [event, country] = pair('Event');
      return `${event.name} was between ${country.name} and another side.`;
    }
    case 'IN_COUNTRY':
    case 'AT_PLACE':
    case 'WITHIN':
      return `${a.kind === 'Country' || a.kind === 'Place' ? y : x} is in ${a.kind === 'Country' || a.kind === 'Place' ? x : y}.`;
    case 'PART_OF':
      return `${x} and ${y}: one is part of the other.`;
    default:
      return `${x} is linked to ${y} (${a.via ?? 'no relationship'}).`;
  }
}

/** The facts stating the step between `a` and `b` (`a.via` leads to `b`): the end that owns the relationship, or both. */
export function stepFacts(a: Step, b: Step): FactRef[] {
  const owner = OWNERS.find(([kind, via]) => via === a.via && (a.kind === kind || b.kind === kind));
  return owner ? [a, b].filter((end) => end.kind === owner[0]).map((end) => ({ kind: end.kind, id: end.id })) : [];
}

export function pathView(ctx: Context, from: string, to: string): { element: HTMLElement; rendered: Promise<void> } {
  const result = h('div', { class: 'path-result', 'aria-live': 'polite' });
  let chosen = { from, to };
  const go = () => {
    if (chosen.from && chosen.to) ctx.navigate(`/explore/path?from=${encodeURIComponent(chosen.from)}&to=${encodeURIComponent(chosen.to)}`);
  };
  const fromBox = searchBox(ctx, { label: 'From', value: from, kinds: ['Person', 'Country', 'Body'], onChoose: (hit) => (chosen = { ...chosen, from: hit.name }) });
  const toBox = searchBox(ctx, { label: 'To', value: to, kinds: ['Person', 'Country', 'Body'], onChoose: (hit) => (chosen = { ...chosen, to: hit.name }) });
  const form = h('form', { class: 'path-form' }, fromBox.element, toBox.element, h('button', { type: 'submit' }, 'Find the path'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    chosen = { from: fromBox.input.value.trim(), to: toBox.input.value.trim() };
    go();
  });
  const element = h(
    'article',
    { class: 'entity path' },
    h('header', { class: 'entity-header' }, h('p', { class: 'kind' }, 'Path'), h('h1', { tabindex: -1 }, from && to ? `From ${from} to ${to}` : 'How are two actors connected?')),
    h('p', { class: 'hint' }, 'The shortest path between two people, countries or bodies over facts (never through sources), each step explained and cited.'),
    form,
    result,
  );
  const rendered = (async () => {
    if (!from || !to) return;
    result.append(h('p', { class: 'loading' }, 'Looking for a path...'));
    const data = await ask<{ connection: { length: number; steps: Step[] } | null }>(ctx.q.connection, { from, to });
    clear(result);
    if (!data.connection) {
      result.append(h('p', { class: 'empty' }, `No path within 10 steps between “${from}” and “${to}” (or one of them is not in the graph by that name).`));
      return;
    }
    const { steps, length } = data.connection;
    result.append(h('p', { class: 'path-length' }, `${length} step${length === 1 ? '' : 's'}:`));
    const items = steps.map((step, i) => {
      const next = steps[i + 1];
      const name = hasPage(step.kind) ? h('a', { href: entityHref(step.kind, step.id) }, step.name) : step.name;
      const node = h('p', { class: 'path-node' }, h('span', { class: 'kind', 'data-kind': step.kind }, KIND_LABELS[step.kind] ?? step.kind), ' ', h('strong', null, name));
      if (!next) return h('li', { class: 'path-step' }, node);
      const explanation = explainStep(step, next);
      const cite = h('button', { type: 'button', class: 'cite', 'aria-label': `Source of: ${explanation}` }, 'Source');
      cite.addEventListener('click', () => {
        const facts = stepFacts(step, next);
        if (facts.length) ctx.openEvidence(facts, explanation, cite);
        else cite.replaceWith(h('span', { class: 'empty' }, '(no citing fact found)'));
      });
      return h('li', { class: 'path-step' }, node, h('p', { class: 'path-explanation fact' }, h('span', { class: 'sentence' }, explanation), ' ', cite));
    });
    result.append(h('ol', { class: 'path-steps' }, items));
  })();
  return { element, rendered };
}
