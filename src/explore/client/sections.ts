/** Building blocks of the pages: sections that load on their own, lists of fact sentences, the entity header. */
import type { Context } from './context';
import { append, clear, h, sentenceNodes, type Child } from './dom';
import { entityHref } from './model';
import { sentenceText, type Sentence } from './sentences';

/** A section with a heading, filled when its loader answers (an error says what failed, the rest of the page stays). */
export function section(title: string, load: () => Promise<Child>, options: { id?: string } = {}): { element: HTMLElement; done: Promise<void> } {
  const slug = options.id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const body = h('div', { class: 'section-body' }, h('p', { class: 'loading' }, 'Loading...'));
  const element = h('section', { class: 'facts-section', 'aria-labelledby': `${slug}-title`, 'aria-busy': 'true', 'data-section': slug }, h('h2', { id: `${slug}-title` }, title), body);
  const run = (): Promise<void> =>
    load()
      .then((content) => {
        clear(body);
        if (content === null || content === undefined || content === false) {
          element.hidden = true;
          return;
        }
        append(body, [content]);
      })
      .catch((error: Error) => {
        clear(body);
        const retry = h('button', { type: 'button', class: 'more' }, 'Try again');
        retry.addEventListener('click', () => {
          element.setAttribute('aria-busy', 'true');
          clear(body);
          body.append(h('p', { class: 'loading' }, 'Loading...'));
          void run();
        });
        body.append(h('p', { class: 'error', role: 'alert' }, `This section could not be loaded: ${error.message}`), retry);
      })
      .finally(() => element.removeAttribute('aria-busy'));
  return { element, done: run() };
}

/** A sentence that opens its evidence on a click or with its "Source" button. */
export function factItem(ctx: Context, sentence: Sentence, tag: 'li' | 'div' = 'li', extra: Child = null): HTMLElement {
  const text = sentenceText(sentence);
  const button = h('button', { type: 'button', class: 'cite', 'aria-label': `Source of: ${text}` }, 'Source');
  const item = h(tag, { class: 'fact' }, extra, h('span', { class: 'sentence' }, sentenceNodes(sentence)), ' ', button);
  const open = () => ctx.openEvidence(sentence.facts, text, button);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    open();
  });
  item.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('a, button') && !window.getSelection()?.toString()) open();
  });
  return item;
}

/** Sentences as a list of facts. */
export function factList(ctx: Context, sentences: Sentence[], empty = 'None in the graph.'): HTMLElement {
  if (sentences.length === 0) return h('p', { class: 'empty' }, empty);
  return h('ul', { class: 'facts' }, sentences.map((sentence) => factItem(ctx, sentence)));
}

/** A list of links to entity pages. */
export function linkList(items: Array<{ kind: string; id: string; text: string; note?: string }>, empty = 'None in the graph.'): HTMLElement {
  if (items.length === 0) return h('p', { class: 'empty' }, empty);
  return h('ul', { class: 'links' }, items.map((item) => h('li', null, h('a', { href: entityHref(item.kind, item.id) }, item.text), item.note ? ` ${item.note}` : '')));
}

export type View = 'facts' | 'network' | 'timeline';

const NETWORK_KINDS = new Set(['Person', 'Country', 'Body', 'Agreement']);
const TIMELINE_KINDS = new Set(['Person', 'Country', 'Body']);
const PATH_KINDS = new Set(['Person', 'Country', 'Body']);

/** The entity's heading and its views (facts, network, timeline, path from it). */
export function entityHeader(kind: string, id: string, name: string, view: View, details: Child = null): HTMLElement {
  const tab = (label: string, target: View, href: string) => h('a', { href, 'aria-current': view === target ? 'page' : null }, label);
  return h(
    'header',
    { class: 'entity-header' },
    h('p', { class: 'kind', 'data-kind': kind }, KIND_LABELS[kind] ?? kind),
    h('h1', { tabindex: -1 }, name),
    details,
    h(
      'nav',
      { class: 'tabs', 'aria-label': `Views of ${name}` },
      tab('Facts', 'facts', entityHref(kind, id)),
      NETWORK_KINDS.has(kind) ? tab('Network', 'network', entityHref(kind, id, 'network')) : null,
      TIMELINE_KINDS.has(kind) ? tab('Timeline', 'timeline', entityHref(kind, id, 'timeline')) : null,
      PATH_KINDS.has(kind) ? h('a', { href: `/explore/path?from=${encodeURIComponent(name)}` }, 'Path to...') : null,
    ),
  );
}

export const KIND_LABELS: Record<string, string> = {
  Person: 'Person',
  Country: 'Country',
  Body: 'Government body',
  Position: 'Office',
  Agreement: 'Agreement',
  Event: 'Event',
  DocumentExchange: 'Document exchange',
  // Steps of a path may be any fact.
  ExchangeSide: 'Exchange side',
  Occupancy: 'Office held',
  UnnamedOfficial: 'Unnamed official',
  Claim: 'Claim',
  Place: 'Place',
  Source: 'Source',
};
