/**
 * Neo4j Browser's graph style: browser/style.grass (the CSS-like GraSS a user can drag onto the Browser), and the
 * same rules as JSON, which the Browser also accepts and which fits on the one line of `browser.post_connect_cmd`
 * (GraSS itself uses `;`, the separator of that setting's commands).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const STYLE_PATH = path.join(PROJECT_ROOT, 'browser', 'style.grass');

export type GrassRules = Record<string, Record<string, string>>;

export function parseGrass(text: string): GrassRules {
  // Quoted values (captions such as '{name}') hold braces: set them aside before splitting rules.
  const quoted: string[] = [];
  const plain = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'([^']*)'|"([^"]*)"/g, (_match, single: string | undefined, double: string | undefined) => {
      quoted.push(single ?? double ?? '');
      return `\u0000${quoted.length - 1}\u0000`;
    });
  const restore = (value: string) => value.replace(/\u0000(\d+)\u0000/g, (_match, index: string) => quoted[Number(index)]);
  const rules: GrassRules = {};
  const rule = /([^{}]+)\{([^}]*)\}/g;
  for (let match = rule.exec(plain); match; match = rule.exec(plain)) {
    const declarations: Record<string, string> = {};
    for (const declaration of match[2].split(';')) {
      const colon = declaration.indexOf(':');
      if (colon >= 0) declarations[declaration.slice(0, colon).trim()] = restore(declaration.slice(colon + 1).trim());
    }
    rules[match[1].trim()] = declarations;
  }
  return rules;
}

export function readStyle(): string {
  return fs.readFileSync(STYLE_PATH, 'utf8');
}

/** The Browser command that applies the style, for `browser.post_connect_cmd` (no leading colon there). */
export function styleCommand(): string {
  return `style ${JSON.stringify(parseGrass(readStyle()))}`;
}
