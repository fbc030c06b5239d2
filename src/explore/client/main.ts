/**
 * The Explorer in the browser: the shell (search, main view, evidence panel) and the router. Every URL is a
 * view: /explore, /explore/<kind>/<id> (facts), .../network, .../timeline, /explore/path?from=&to=, and
 * /explore/review (draft review). Links are followed without reloading; back and forward work; focus moves to the
 * new view's heading.
 */
import type { Context } from './context';
import { clear, h } from './dom';
import { createEvidencePanel } from './evidence';
import { ask } from './graphql';
import { entityHref, PAGE_KINDS } from './model';
import { networkView, type NetworkView } from './network';
import type { NodeKind } from './network-model';
import { entityName, NotFound, PAGES } from './pages';
import { pathView } from './path';
import { queries, selections } from './queries';
import { searchBox } from './search';
import { entityHeader } from './sections';
import { schemaOf, type ExplorerSettings } from './settings';
import { timelineView } from './timeline';

declare global {
  interface Window {
    /** For tests and benchmarks: what the page drew, and its state. */
    explorer: {
      network: { drawnNodes(): number; drawnEdges(): number; expand(id: string): Promise<void> } | null;
      state: string;
    };
  }
}

const settings = JSON.parse(document.getElementById('explorer-settings')!.textContent!) as ExplorerSettings;
const schema = schemaOf(settings);
const main = h('main', { id: 'main', tabindex: -1 });
let current: { network?: NetworkView } = {};
let navigation = 0;

const ctx: Context = {
  schema,
  q: queries(schema),
  s: selections(schema),
  colours: settings.colours,
  navigate: (url) => {
    history.pushState(null, '', url);
    void route();
  },
  openEvidence: (...args) => evidence.open(...args),
  signal: (name) => {
    performance.mark(`explore:${name}`);
    document.documentElement.dataset[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = String(navigation);
  },
};
const evidence = createEvidencePanel(() => ctx);

window.explorer = { network: null, state: 'loading' };

function shell(): void {
  const search = searchBox(ctx, {
    label: 'Search',
    placeholder: 'a person, country, body, agreement, event...',
    onChoose: (hit) => ctx.navigate(entityHref(hit.kind, hit.id)),
  });
  const app = document.getElementById('app')!;
  clear(app);
  app.append(
    h('a', { class: 'skip', href: '#main' }, 'Skip to the content'),
    h(
      'header',
      { class: 'top' },
      h('a', { class: 'brand', href: '/explore' }, 'Diplomatic graph ', h('span', null, 'Explorer')),
      h('div', { role: 'search', class: 'top-search' }, search.element),
      h('nav', { class: 'top-links', 'aria-label': 'Elsewhere' }, h('a', { href: '/explore/path' }, 'Path'), h('a', { href: '/explore/review' }, 'Review a draft'), h('a', { href: '/' }, 'GraphQL IDE')),
    ),
    h('div', { class: 'layout' }, main, evidence.element),
  );
}

async function home(): Promise<{ element: HTMLElement; rendered: Promise<void> }> {
  const list = h('ul', { class: 'links columns-list' }, h('li', null, 'Loading...'));
  const element = h(
    'article',
    { class: 'entity home' },
    h('h1', { tabindex: -1 }, 'Who did what with whom'),
    h(
      'p',
      { class: 'lead' },
      'Search a person, a country, a body, an agreement or an event above. Every fact reads as a sentence; click it to see the words of its source, highlighted. Each entity has a network of the documents that link it to others, a timeline, and paths to other actors.',
    ),
    h('h2', null, 'Countries in the graph'),
    list,
  );
  const rendered = ask<{ countries: Array<{ id: string; name: string }> }>('query Countries { countries(limit: 200, sort: [{ name: ASC }]) { id name } }').then((data) => {
    list.replaceChildren(...data.countries.map((country) => h('li', null, h('a', { href: entityHref('Country', country.id) }, country.name))));
  });
  return { element, rendered };
}

/** /explore/<kind>/<id>[/<view>] or /explore/path, from the location. */
export function parseLocation(pathname: string): { view: 'home' | 'path' | 'review' | 'facts' | 'network' | 'timeline' | 'unknown'; kind?: string; id?: string } {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(2);
  if (parts.length === 0) return { view: 'home' };
  if (parts[0] === 'path' && parts.length === 1) return { view: 'path' };
  if (parts[0] === 'review' && parts.length === 1) return { view: 'review' };
  const [kind, id, view] = parts;
  if (!(PAGE_KINDS as readonly string[]).includes(kind) || !id) return { view: 'unknown' };
  if (view === undefined) return { view: 'facts', kind, id: decodeURIComponent(id) };
  if ((view === 'network' || view === 'timeline') && parts.length === 3) return { view, kind, id: decodeURIComponent(id) };
  return { view: 'unknown' };
}

const NETWORK_ROOTS: Record<string, NodeKind> = { person: 'Person', country: 'Country', body: 'Body', agreement: 'Agreement' };
const KIND_OF_SLUG: Record<string, string> = { person: 'Person', country: 'Country', body: 'Body', agreement: 'Agreement', position: 'Position', event: 'Event', place: 'Place', source: 'Source' };

async function route(): Promise<void> {
  const mine = ++navigation;
  current.network?.destroy();
  current = {};
  window.explorer.network = null;
  window.explorer.state = 'loading';
  const place = parseLocation(location.pathname);
  clear(main);
  main.append(h('p', { class: 'loading', role: 'status' }, 'Loading...'));
  try {
    let view: { element: HTMLElement; rendered: Promise<void> };
    let signal: Parameters<Context['signal']>[0] = 'page-rendered';
    if (place.view === 'home') view = await home();
    else if (place.view === 'path') {
      const params = new URL(location.href).searchParams;
      view = pathView(ctx, params.get('from') ?? '', params.get('to') ?? '');
      signal = 'path-rendered';
    } else if (place.view === 'review') view = (await import('./review')).reviewView();
    else if (place.view === 'facts') view = await PAGES[place.kind!](ctx, place.id!);
    else if (place.view === 'network' && NETWORK_ROOTS[place.kind!]) {
      const name = await entityName(place.kind!, place.id!);
      const network = networkView(ctx, { id: place.id!, kind: NETWORK_ROOTS[place.kind!], label: name });
      current.network = network;
      window.explorer.network = network;
      view = { element: h('article', { class: 'entity' }, entityHeader(KIND_OF_SLUG[place.kind!], place.id!, name, 'network'), network.element), rendered: network.rendered };
      signal = 'network-rendered';
    } else if (place.view === 'timeline' && ['person', 'country', 'body'].includes(place.kind!)) {
      const name = await entityName(place.kind!, place.id!);
      const timeline = timelineView(ctx, place.kind!, place.id!, name);
      view = { element: h('article', { class: 'entity' }, entityHeader(KIND_OF_SLUG[place.kind!], place.id!, name, 'timeline'), timeline.element), rendered: timeline.rendered };
      signal = 'timeline-rendered';
    } else throw new NotFound(`The Explorer has no page at ${location.pathname}.`);
    if (mine !== navigation) return;
    clear(main);
    main.append(view.element);
    const heading = main.querySelector<HTMLElement>('h1');
    document.title = `${heading?.textContent ?? 'Explorer'}: diplomatic graph`;
    if (navigation > 1) heading?.focus({ preventScroll: false });
    await view.rendered;
    if (mine !== navigation) return;
    window.explorer.state = 'ready';
    ctx.signal(signal);
  } catch (error) {
    if (mine !== navigation) return;
    clear(main);
    const missing = error instanceof NotFound;
    main.append(
      h('h1', { tabindex: -1 }, missing ? 'Not in the graph' : 'Something went wrong'),
      h('p', { class: missing ? 'empty' : 'error', role: 'alert' }, (error as Error).message),
      h('p', null, h('a', { href: '/explore' }, 'Back to the start')),
    );
    window.explorer.state = missing ? 'not-found' : 'error';
  }
}

document.addEventListener('click', (event) => {
  const anchor = (event.target as Element).closest?.('a');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !/^\/explore(\/|$)/.test(url.pathname) || anchor.hasAttribute('download')) return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  event.preventDefault();
  ctx.navigate(url.pathname + url.search);
});
window.addEventListener('popstate', () => void route());

shell();
void route();
