/**
 * Evidence one click away: the passages citing a fact, shown in their source's text (the whole text, which the
 * graph keeps on each source; else as far as its passages hold it) with the cited words highlighted and scrolled
 * into view, and the source's name, date and link.
 */
import type { Context } from './context';
import { formatDate } from './dates';
import { clear, h } from './dom';
import { ask } from './graphql';
import { entityHref, first, type FactRef } from './model';
import { evidenceQuery } from './queries';
import { formatHighlights, sourceSegments, type PassageSpan } from './source-text';

export interface SourceInfo {
  id: string;
  name: string;
  publisher: string | null;
  publishedOn: string | null;
  published?: string | null;
  dateline: string | null;
  checksum: string;
  url?: string | null;
  /** The whole article text, when the schema serves it. */
  text?: string | null;
}

export interface LoadedSource {
  source: SourceInfo;
  passages: Array<PassageSpan & { id: string }>;
}

const sources = new Map<string, Promise<LoadedSource | undefined>>();

/** A source and every passage of it, a page of 200 at a time; kept for the session. */
export function loadSource(ctx: Context, id: string): Promise<LoadedSource | undefined> {
  let loading = sources.get(id);
  if (!loading) {
    loading = (async () => {
      let loaded: LoadedSource | undefined;
      for (let offset = 0; ; offset += 200) {
        const data = await ask<{ sources: Array<SourceInfo & { passages: LoadedSource['passages'] }> }>(ctx.q.source, { id, offset });
        const found = first(data.sources);
        if (!found) return loaded;
        const { passages, ...source } = found;
        // The whole text is one passage from offset 0: no gaps, every cited span inside it.
        if (source.text) return { source, passages: [{ id: `${source.id}:text`, start: 0, end: Array.from(source.text).length, quote: source.text }] };
        loaded ??= { source, passages: [] };
        loaded.passages.push(...passages);
        if (passages.length < 200) return loaded;
      }
    })();
    loading.catch(() => sources.delete(id));
    sources.set(id, loading);
  }
  return loading;
}

/** The source's heading: name (a link to its page), date, publisher, dateline, and its link when it has one. */
export function sourceHeading(source: SourceInfo, highlights: Array<[number, number]>, level: 'h2' | 'h3' = 'h3'): HTMLElement {
  const date = source.published ?? source.publishedOn;
  const href = `${entityHref('Source', source.id)}${highlights.length ? `?highlight=${formatHighlights(highlights)}` : ''}`;
  return h(
    'div',
    { class: 'source-heading' },
    h(level, null, h('a', { href }, source.name)),
    h(
      'p',
      { class: 'source-meta' },
      [date ? h('time', { datetime: date }, formatDate(date)) : 'undated', source.publisher ? ` · ${source.publisher}` : '', source.dateline ? ` · ${source.dateline}` : ''],
      source.url ? [' · ', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, 'original article')] : '',
    ),
  );
}

/** The text with the highlights marked; gaps (text the graph does not hold) shown as such. */
export function sourceTextNode(loaded: LoadedSource, highlights: Array<[number, number]>): HTMLElement {
  const segments = sourceSegments(loaded.passages, highlights);
  return h(
    'div',
    { class: 'source-text' },
    segments.map((segment) =>
      segment.gap
        ? h('span', { class: 'gap', title: 'Text no fact cites: the graph does not hold it' }, ' […] ')
        : segment.highlighted
          ? h('mark', { 'data-start': segment.start }, segment.text)
          : segment.text,
    ),
  );
}

interface Cited {
  id: string;
  start: number;
  end: number;
  quote: string;
  source: Array<{ id: string }>;
}

export function createEvidencePanel(ctx: () => Context): { element: HTMLElement; open: Context['openEvidence']; close(): void } {
  const body = h('div', { class: 'evidence-body' });
  const heading = h('h2', { id: 'evidence-title', tabindex: -1 }, 'Evidence');
  const closeButton = h('button', { type: 'button', class: 'close', 'aria-label': 'Close the evidence' }, '×');
  const element = h('aside', { id: 'evidence', class: 'evidence', 'aria-labelledby': 'evidence-title', hidden: true }, h('div', { class: 'evidence-head' }, heading, closeButton), body);
  let returnFocus: HTMLElement | undefined;
  let request = 0;

  const close = () => {
    element.hidden = true;
    document.body.classList.remove('evidence-open');
    returnFocus?.focus();
  };
  closeButton.addEventListener('click', close);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  const open: Context['openEvidence'] = (facts: FactRef[], about, trigger) => {
    const mine = ++request;
    returnFocus = trigger;
    element.hidden = false;
    document.body.classList.add('evidence-open');
    clear(body);
    body.append(h('p', { class: 'about' }, about), h('p', { class: 'loading', role: 'status' }, 'Loading the source...'));
    heading.focus();
    void (async () => {
      const variables = Object.fromEntries(facts.slice(0, 10).map((fact, i) => [`id${i}`, fact.id]));
      const data = await ask<Record<string, Array<{ evidence: Cited[] }>>>(evidenceQuery(facts), variables);
      const passages = Object.values(data).flatMap((found) => found.flatMap((fact) => fact.evidence));
      const bySource = new Map<string, Array<[number, number]>>();
      for (const passage of passages) {
        const source = first(passage.source)?.id;
        if (source) bySource.set(source, [...(bySource.get(source) ?? []), [passage.start, passage.end]]);
      }
      const loaded = await Promise.all([...bySource.keys()].map((id) => loadSource(ctx(), id)));
      if (mine !== request) return;
      clear(body);
      body.append(h('p', { class: 'about' }, about));
      if (bySource.size === 0) body.append(h('p', null, 'No passage cites this fact.'));
      [...bySource.entries()].forEach(([, highlights], i) => {
        const source = loaded[i];
        if (!source) return;
        body.append(
          h('section', { class: 'evidence-source' }, sourceHeading(source.source, highlights), h('p', { class: 'hint' }, `${highlights.length} cited passage${highlights.length === 1 ? '' : 's'}, highlighted.`), sourceTextNode(source, highlights)),
        );
      });
      body.querySelector('mark')?.scrollIntoView({ block: 'center' });
      ctx().signal('evidence-rendered');
    })().catch((error: Error) => {
      if (mine !== request) return;
      clear(body);
      body.append(h('p', { class: 'error', role: 'alert' }, `The evidence could not be loaded: ${error.message}`));
    });
  };
  return { element, open, close };
}
