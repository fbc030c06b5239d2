/**
 * The network view, drawn with cytoscape.js: the centre's strongest links (a page of 100), a click (or the
 * Expand button of the list under it) brings a neighbour's, filters by kind and years, the Neo4j Browser
 * style's colours. The list under the drawing holds the same nodes, for the keyboard and screen readers.
 */
import type { Core } from 'cytoscape';
import type { Context } from './context';
import { yearOf } from './dates';
import { clear, h } from './dom';
import { ask } from './graphql';
import { entityHref, first, type Agreement, type Exchange } from './model';
import { NETWORK_PAGE } from './queries';
import {
  actorLinks,
  documentLinks,
  drawnGraph,
  LINKS_PER_PAGE,
  personLinks,
  rankLinks,
  type Drawn,
  type Filters,
  type Neighbourhood,
  type NetNode,
  type NodeKind,
} from './network-model';

const KIND_NAMES: Record<NodeKind, string> = { Person: 'People', Country: 'Countries', Body: 'Bodies', Agreement: 'Documents', Unnamed: 'Unnamed officials' };
const STYLE_KIND: Record<NodeKind, string> = { Person: 'Person', Country: 'Country', Body: 'Body', Agreement: 'Agreement', Unnamed: 'Occupancy' };

/** The links of one page of a node's list (its exchanges, or the agreements it signed or is bound by). */
async function loadPage(ctx: Context, node: NetNode, offset: number): Promise<{ links: Neighbourhood['links']; items: number; centre: NetNode }> {
  if (node.kind === 'Person') {
    const data = await ask<{ people: Array<{ id: string; name: string; exchangeSides: Array<{ exchange: Exchange[] }> }> }>(ctx.q.personNetwork, { id: node.id, offset });
    const found = first(data.people);
    const sides = found?.exchangeSides ?? [];
    return { links: personLinks(node.id, sides.flatMap((side) => side.exchange)), items: sides.length, centre: { ...node, label: found?.name ?? node.label } };
  }
  if (node.kind === 'Country' || node.kind === 'Body') {
    const country = node.kind === 'Country';
    const data = await ask<Record<string, Array<{ name: string; signed?: Agreement[]; agreements?: Agreement[] }>>>(country ? ctx.q.countryNetwork : ctx.q.bodyNetwork, { id: node.id, offset });
    const found = first(country ? data.countries : data.bodies);
    const agreements = (country ? found?.signed : found?.agreements) ?? [];
    return { links: actorLinks(node.id, agreements, country ? 'signed' : 'bound by'), items: agreements.length, centre: { ...node, label: found?.name ?? node.label } };
  }
  if (node.kind === 'Agreement') {
    const data = await ask<{ agreements: Array<Agreement & { exchanges: Exchange[] }> }>(ctx.q.agreementNetwork, { id: node.id });
    const found = first(data.agreements);
    if (!found) return { links: [], items: 0, centre: node };
    const centre = { ...node, label: found.title };
    return { links: [{ document: centre, date: found.signedOn, relation: '', partners: documentLinks(found) }], items: 0, centre };
  }
  return { links: [], items: 0, centre: node };
}

export interface NetworkView {
  element: HTMLElement;
  rendered: Promise<void>;
  drawnNodes(): number;
  drawnEdges(): number;
  expand(id: string): Promise<void>;
  destroy(): void;
}

export function networkView(ctx: Context, root: NetNode): NetworkView {
  const hoods: Neighbourhood[] = [];
  const filters: Filters = { kinds: new Set<NodeKind>(['Person', 'Country', 'Body', 'Agreement', 'Unnamed']) };
  const canvas = h('div', { class: 'network-canvas', role: 'img', 'aria-label': 'Network drawing (the same nodes are listed below)' });
  const summary = h('p', { class: 'network-summary', role: 'status' }, 'Loading the network...');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, `Show ${LINKS_PER_PAGE} more links`);
  const list = h('ul', { class: 'network-list' });
  let cy: Core | undefined;
  // cytoscape.js is a chunk of its own: only this view loads it.
  let cytoscape: typeof import('cytoscape') | undefined;
  let drawn: Drawn = { nodes: [], edges: [], counts: [] };

  const colour = (kind: NodeKind) => ctx.colours[STYLE_KIND[kind]] ?? { fill: '#A5ABB6', border: '#9AA1AC', text: '#FFFFFF' };

  const kindBoxes = (Object.keys(KIND_NAMES) as NodeKind[]).map((kind) => {
    const box = h('input', { type: 'checkbox', checked: true, 'data-kind': kind });
    box.addEventListener('change', () => {
      if (box.checked) filters.kinds.add(kind);
      else filters.kinds.delete(kind);
      draw();
    });
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = colour(kind).fill;
    swatch.style.borderColor = colour(kind).border;
    return h('label', { class: 'kind-filter' }, box, swatch, KIND_NAMES[kind]);
  });
  const yearInput = (label: string, key: 'fromYear' | 'toYear') => {
    const input = h('input', { type: 'number', inputmode: 'numeric', min: 1900, max: 2100, step: 1, class: 'year', name: key });
    input.addEventListener('change', () => {
      const value = Number(input.value);
      filters[key] = input.value === '' || !Number.isFinite(value) ? undefined : value;
      draw();
    });
    return h('label', { class: 'year-filter' }, label, ' ', input);
  };
  const controls = h(
    'form',
    { class: 'network-controls', 'aria-label': 'Filters' },
    h('fieldset', null, h('legend', null, 'Kinds'), kindBoxes),
    h('fieldset', null, h('legend', null, 'Years'), yearInput('from', 'fromYear'), yearInput('to', 'toYear')),
  );
  controls.addEventListener('submit', (event) => event.preventDefault());

  const element = h(
    'section',
    { class: 'network', 'aria-labelledby': 'network-title' },
    h('h2', { id: 'network-title' }, 'Network'),
    h('p', { class: 'hint' }, 'People and the documents they handed over; countries and bodies and the agreements they signed or are bound by. The strongest links first (partners sharing the most documents). Click a node to expand it.'),
    controls,
    canvas,
    summary,
    more,
    h('h3', null, 'Drawn nodes'),
    list,
  );

  const draw = () => {
    drawn = drawnGraph(hoods, filters);
    const elements = [
      ...drawn.nodes.map((node) => ({
        group: 'nodes' as const,
        data: { id: node.id, label: node.label.length > 48 ? `${node.label.slice(0, 46)}…` : node.label, kind: node.kind, level: node.level, fill: colour(node.kind).fill, border: colour(node.kind).border },
        classes: [node.kind, node.centre ? 'centre' : ''].join(' '),
      })),
      ...drawn.edges.map((edge) => ({ group: 'edges' as const, data: { ...edge, width: Math.min(1 + edge.weight, 8) } })),
    ];
    if (!cy) {
      cy = cytoscape!({
        container: canvas,
        elements,
        minZoom: 0.1,
        maxZoom: 3,
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(fill)',
              'border-color': 'data(border)',
              'border-width': 2,
              label: 'data(label)',
              'font-size': 10,
              'min-zoomed-font-size': 7,
              'text-valign': 'bottom',
              'text-margin-y': 3,
              'text-wrap': 'wrap',
              'text-max-width': '120px',
              color: '#222',
              'text-background-color': '#fff',
              'text-background-opacity': 0.7,
              width: 26,
              height: 26,
            },
          },
          { selector: 'node.Agreement', style: { shape: 'round-rectangle', width: 18, height: 18, 'font-size': 8 } },
          { selector: 'node.Unnamed', style: { 'border-style': 'dashed', 'font-style': 'italic' } },
          { selector: 'node.centre', style: { width: 40, height: 40, 'border-width': 4, 'font-weight': 'bold' } },
          { selector: 'edge', style: { width: 'data(width)', 'line-color': '#A5ABB6', 'curve-style': 'bezier', opacity: 0.8 } },
        ],
      });
      cy.on('tap', 'node', (event) => void expand(event.target.id()));
    } else {
      cy.elements().remove();
      cy.add(elements);
    }
    cy.layout({ name: 'concentric', concentric: (node: { data(key: string): unknown }) => 100 - Number(node.data('level')), levelWidth: () => 1, minNodeSpacing: 40, animate: false, avoidOverlap: true } as Parameters<Core['layout']>[0]).run();
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.1) {
      cy.zoom(1.1);
      cy.center();
    }
    canvas.dataset.drawnNodes = String(drawn.nodes.length);
    renderList();
    const rootCount = drawn.counts[0];
    const rootHood = hoods[0];
    summary.textContent =
      `${drawn.nodes.length} nodes and ${drawn.edges.length} links drawn. ` +
      (rootHood ? `${rootCount?.drawn ?? 0} of the ${rootCount?.matching ?? 0} links of ${rootHood.centre.label} loaded that pass the filters${rootHood.more ? ' (the graph holds more)' : ''}.` : '');
    more.hidden = !rootHood || ((rootCount?.drawn ?? 0) >= (rootCount?.matching ?? 0) && !rootHood.more);
  };

  const renderList = () => {
    clear(list);
    const byLabel = [...drawn.nodes].sort((a, b) => Number(b.centre) - Number(a.centre) || a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
    for (const node of byLabel) {
      const expanded = hoods.some((hood) => hood.centre.id === node.id);
      const expandable = node.kind !== 'Unnamed' && !expanded;
      const pageKind = node.kind === 'Unnamed' ? undefined : node.kind;
      list.append(
        h(
          'li',
          { 'data-kind': node.kind },
          h('span', { class: 'swatch', 'aria-hidden': 'true', style: `background:${colour(node.kind).fill};border-color:${colour(node.kind).border}` }),
          pageKind ? h('a', { href: entityHref(pageKind, node.id) }, node.label) : h('span', { class: 'unnamed' }, node.label),
          expandable ? h('button', { type: 'button', class: 'expand', 'data-id': node.id, onclick: () => void expand(node.id) }, 'Expand') : expanded ? h('span', { class: 'expanded' }, ' (expanded)') : null,
        ),
      );
    }
  };

  const loadInto = async (node: NetNode, hood?: Neighbourhood) => {
    const page = await loadPage(ctx, node, hood?.loaded ?? 0);
    if (!hood) {
      hood = { centre: page.centre, links: [], shown: LINKS_PER_PAGE, loaded: 0, more: false };
      hoods.push(hood);
    }
    const known = new Set(hood.links.map((link) => link.document.id));
    hood.links = rankLinks([...hood.links, ...page.links.filter((link) => !known.has(link.document.id))]);
    hood.loaded += page.items;
    hood.more = page.items === NETWORK_PAGE;
    return hood;
  };

  const expand = async (id: string) => {
    if (hoods.some((hood) => hood.centre.id === id)) return;
    const node = drawn.nodes.find((candidate) => candidate.id === id);
    if (!node || node.kind === 'Unnamed') return;
    summary.textContent = `Expanding ${node.label}...`;
    try {
      await loadInto(node);
      draw();
    } catch (error) {
      summary.textContent = `Could not expand ${node.label}: ${(error as Error).message}`;
    }
  };

  more.addEventListener('click', async () => {
    const hood = hoods[0];
    const count = drawn.counts[0];
    if (!hood || !count) return;
    if (count.drawn >= count.matching && hood.more) await loadInto(hood.centre, hood);
    hood.shown += LINKS_PER_PAGE;
    draw();
  });

  const rendered = (async () => {
    const [hood, library] = await Promise.all([loadInto(root), import('cytoscape')]);
    cytoscape = library.default;
    const years = hood.links.map((link) => yearOf(link.date)).filter((year): year is number => year !== undefined);
    if (years.length) {
      for (const input of Array.from(controls.querySelectorAll<HTMLInputElement>('input.year'))) {
        input.min = String(Math.min(...years));
        input.max = String(Math.max(...years));
        input.placeholder = input.name === 'fromYear' ? String(Math.min(...years)) : String(Math.max(...years));
      }
    }
    draw();
  })();

  return {
    element,
    rendered,
    drawnNodes: () => cy?.nodes().length ?? 0,
    drawnEdges: () => cy?.edges().length ?? 0,
    expand,
    destroy: () => cy?.destroy(),
  };
}
