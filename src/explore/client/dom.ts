/** A small DOM builder: h('a', { href, class: 'x' }, 'text', child). Text is always set as text, never as HTML. */
import type { Part, Sentence } from './sentences';

export type Child = Node | string | number | false | null | undefined | Child[];

type Props = Record<string, string | number | boolean | EventListener | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.firstChild.remove();
}

/** A sentence's parts as inline nodes: links to entity pages, unnamed officials, marks. */
export function sentenceNodes(sentence: Sentence): Node[] {
  return sentence.parts.map((part: Part) => {
    if (typeof part === 'string') return document.createTextNode(part);
    if ('href' in part) return h('a', { href: part.href }, part.text);
    if ('emphasis' in part) return h('span', { class: 'unnamed', title: 'The source does not name this official' }, part.text);
    return h('span', { class: `mark mark-${part.tone}`, title: part.title }, ` ${part.mark}`);
  });
}
