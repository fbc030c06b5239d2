/** The example questions of examples/*.graphql: preloaded in the IDE, shown in the README, run by the tests. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

export interface Example {
  /** The file name without extension: 01-exchanges-with-khrenin. */
  name: string;
  /** The comment on the first line. */
  question: string;
  query: string;
}

export function loadExamples(): Example[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
      return { name: path.basename(file, '.graphql'), question: /^#\s*(.*)$/m.exec(text)?.[1] ?? file, query: text };
    });
}
