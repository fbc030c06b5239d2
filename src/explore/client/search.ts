/**
 * Search as you type over names, aliases and titles (the API's `search`, insensitive to case and accents),
 * results grouped by kind. A combobox: arrows move, Enter opens, Escape closes (and clears when closed).
 */
import type { Context } from './context';
import { clear, h } from './dom';
import { ask } from './graphql';

export interface Hit {
  kind: string;
  id: string;
  name: string;
  score: number;
}

const GROUPS: Array<[string, string]> = [
  ['Person', 'People'],
  ['Country', 'Countries'],
  ['Body', 'Bodies'],
  ['Position', 'Offices'],
  ['Agreement', 'Agreements'],
  ['Event', 'Events'],
  ['DocumentExchange', 'Document exchanges'],
  ['Place', 'Places'],
];

/** Hits grouped by kind, groups in a fixed order, hits by score within a group. */
export function groupHits(hits: Hit[]): Array<{ kind: string; label: string; hits: Hit[] }> {
  const known = new Set(GROUPS.map(([kind]) => kind));
  const groups = [...GROUPS, ...[...new Set(hits.map((hit) => hit.kind))].filter((kind) => !known.has(kind)).map((kind) => [kind, kind] as [string, string])];
  return groups.map(([kind, label]) => ({ kind, label, hits: hits.filter((hit) => hit.kind === kind) })).filter((group) => group.hits.length > 0);
}

let counter = 0;

export function searchBox(
  ctx: Context,
  options: { label: string; placeholder?: string; value?: string; onChoose(hit: Hit): void; kinds?: string[] },
): { element: HTMLElement; input: HTMLInputElement } {
  const id = `search-${++counter}`;
  const input = h('input', {
    id,
    type: 'text',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: options.placeholder ?? '',
  });
  input.value = options.value ?? '';
  const list = h('div', { id: `${id}-list`, role: 'listbox', 'aria-label': `${options.label}: results`, class: 'search-results', hidden: true });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const element = h('div', { class: 'search' }, h('label', { for: id }, options.label), input, list, status);

  let hits: Hit[] = [];
  let active = -1;
  let timer: number | undefined;
  let controller: AbortController | undefined;

  const options_ = () => Array.from(list.querySelectorAll<HTMLElement>('[role="option"]'));
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  };
  const setActive = (index: number) => {
    const all = options_();
    active = all.length ? Math.max(-1, Math.min(index, all.length - 1)) : -1;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const choose = (hit: Hit | undefined) => {
    if (!hit) return;
    setOpen(false);
    input.value = hit.name;
    options.onChoose(hit);
  };

  const render = () => {
    clear(list);
    let index = 0;
    const ordered: Hit[] = [];
    for (const group of groupHits(hits)) {
      const groupId = `${id}-group-${group.kind}`;
      list.append(
        h(
          'div',
          { role: 'group', 'aria-labelledby': groupId },
          h('div', { id: groupId, class: 'search-group', role: 'presentation' }, group.label),
          group.hits.map((hit) => {
            ordered.push(hit);
            const option = h('div', { id: `${id}-option-${index++}`, role: 'option', 'aria-selected': 'false', class: 'search-option', 'data-kind': hit.kind }, hit.name);
            option.addEventListener('mousedown', (event) => event.preventDefault());
            option.addEventListener('click', () => choose(hit));
            return option;
          }),
        ),
      );
    }
    hits = ordered;
    status.textContent = hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'}` : 'No result';
    setOpen(input.value.trim().length >= 2);
    if (!hits.length) list.append(h('div', { class: 'search-empty', role: 'presentation' }, 'No result'));
  };

  const run = async (text: string) => {
    controller?.abort();
    controller = new AbortController();
    try {
      const data = await ask<{ search: Hit[] }>(ctx.q.search, { text }, controller.signal);
      if (input.value.trim() !== text) return;
      hits = data.search.filter((hit) => !options.kinds || options.kinds.includes(hit.kind));
      render();
      element.dataset.state = 'results';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      status.textContent = `Search failed: ${(error as Error).message}`;
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    element.dataset.state = 'typing';
    if (text.length < 2) {
      hits = [];
      setOpen(false);
      return;
    }
    timer = window.setTimeout(() => void run(text), 120);
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open && hits.length) setOpen(true);
      setActive(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      if (open && hits.length) {
        event.preventDefault();
        choose(hits[Math.max(active, 0)]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else input.value = '';
    }
  });
  input.addEventListener('blur', () => window.setTimeout(() => setOpen(false), 150));
  return { element, input };
}
