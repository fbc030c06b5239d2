/**
 * The inputs of `npm run bench:faults`: requests a careless client or an adversary sends (the example questions
 * mutated, broken bodies, long search texts, alias and depth bombs, batches), and article files that must be refused
 * one by one (an alias bomb, an oversized article, a text file outside the article's folder). Deterministic: the
 * same count gives the same requests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { random } from '../src/generate/corpus';

export interface Attack {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const EXAMPLES = path.join(PROJECT_ROOT, 'examples');
const PUNCTUATION = '{}()[]:!$@"#,.\n\\ 0123456789abcxyz';

function examples(): string[] {
  return fs
    .readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
}

const json = (payload: unknown): Attack => ({ body: JSON.stringify(payload) });

export function mutatedRequests(count: number): Attack[] {
  const next = random(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const queries = examples();
  const mutate = (text: string) => {
    let result = text;
    for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) {
      const at = Math.floor(next() * result.length);
      const kind = next();
      if (kind < 0.4) result = result.slice(0, at) + result.slice(at + 1 + Math.floor(next() * 8));
      else if (kind < 0.7) result = result.slice(0, at) + pick([...PUNCTUATION]) + result.slice(at);
      else result = result.slice(0, at) + result.slice(at, at + 20).repeat(2 + Math.floor(next() * 3)) + result.slice(at + 20);
    }
    return result;
  };
  const word = () => Array.from({ length: 3 + Math.floor(next() * 8) }, () => pick([...'abcdefghijklmnopqrstuvwxyz'])).join('');
  const makers: Array<() => Attack> = [
    () => json({ query: pick(queries) }),
    () => json({ query: mutate(pick(queries)) }),
    () => json({ query: mutate(pick(queries)) }),
    () => json({ query: mutate(pick(queries)) }),
    // Long search texts: many words, one huge word.
    () => json({ query: 'query($t: String!) { search(text: $t, limit: 5) { id } }', variables: { t: Array.from({ length: 200 + Math.floor(next() * 2000) }, word).join(' ') } }),
    () => json({ query: 'query($t: String!) { search(text: $t, limit: 5) { id } }', variables: { t: 'a'.repeat(60_000) } }),
    () => json({ query: `{ search(text: "${'OR '.repeat(300)}khrenin", limit: 5) { id } }` }),
    // Alias and depth bombs.
    () => json({ query: `{ ${Array.from({ length: 50 + Math.floor(next() * 300) }, (_, i) => `a${i}: search(text: "khrenin", limit: 200) { id }`).join(' ')} }` }),
    () => json({ query: `{ people(limit: 200) ${'{ exchangeSides(limit: 200) { exchange { sides(limit: 200) '.repeat(8)}{ role }${' } } }'.repeat(8)} }` }),
    // Variables of the wrong kind or size.
    () => json({ query: 'query($n: Int) { countries(limit: $n) { name } }', variables: { n: pick([-1, 0, 1e9, 'abc', null, 2 ** 40, 3.5]) } }),
    () => json({ query: pick(queries), variables: pick([[], 'x', 42, { limit: -5 }]) }),
    // Broken and odd bodies.
    () => ({ body: JSON.stringify({ query: pick(queries) }).slice(0, 10 + Math.floor(next() * 40)) }),
    () => ({ body: pick(['', 'null', '42', '"{}"', '{"query": 42}', '{"query": null}', '{"query": ["x"]}']) }),
    () => json([{ query: pick(queries) }, { query: pick(queries) }]),
    () => ({ headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: pick(queries) }) }),
    () => json({ query: `mutation { createPeople(input: [{ id: "x", name: "y" }]) { info { nodesCreated } } }` }),
    () => json({ query: `{ countries { name } } ${'#'.repeat(70_000)}` }),
    () => json({ query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }' }),
    () => ({ method: 'GET', headers: {}, body: undefined }),
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

/** A folder of good articles (the invented wires of test/fixtures/conflicts) and three that must be refused. */
export function badFiles(scratch: string): { folder: string; good: number } {
  const folder = path.join(scratch, 'articles');
  fs.mkdirSync(folder, { recursive: true });
  const fixtures = path.join(PROJECT_ROOT, 'test', 'fixtures', 'conflicts');
  const good = fs.readdirSync(fixtures).filter((name) => name.endsWith('.yaml'));
  for (const name of good) fs.copyFileSync(path.join(fixtures, name), path.join(folder, name));

  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  fs.writeFileSync(path.join(folder, 'x-alias-bomb.yaml'), `${levels.join('\n')}\nsource: *i\n`);

  const text = 'The ministers met. '.repeat(300_000);
  fs.writeFileSync(path.join(folder, 'x-oversized.yaml'), `source:\n  id: oversized\n  name: Oversized\n  publishedOn: 2025-01-01\n  text: "${text}"\n`);

  fs.writeFileSync(
    path.join(folder, 'x-outside.yaml'),
    'source:\n  id: outside\n  name: Outside\n  publishedOn: 2025-01-01\n  textFile: ../../../../../../etc/passwd\ncountries: []\n',
  );
  return { folder, good: good.length };
}
