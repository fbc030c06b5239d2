/**
 * `npm run docs:examples`: rewrites the "Example questions" section of README.md with each query of examples/
 * and the answer the API gives on the seed graph (the managed Neo4j, seeded when empty, or NEO4J_URI's server).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadExamples } from '../src/api/examples';
import { createApi } from '../src/api/server';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { applySchema, isEmpty, runSeedScripts } from '../src/db/cypher-scripts';
import { openDatabase } from '../src/db/database';
import { runCli, UserError } from '../src/errors';

const README = path.join(PROJECT_ROOT, 'README.md');
const START = '<!-- examples:start -->';
const END = '<!-- examples:end -->';

/** JSON indented by level, with any object or array that fits in 100 characters kept on one line. */
function compactJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 100 || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => inner + compactJson(item, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner)}`).join(',\n')}\n${indent}}`;
}

void runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config, (line) => process.stdout.write(`${line}\n`));
  try {
    await applySchema(db.driver, config.neo4j.database);
    if (await isEmpty(db.driver, config.neo4j.database)) await runSeedScripts(db.driver, config.neo4j.database, () => undefined);
    const api = await createApi({ driver: db.driver, config });
    const blocks: string[] = [];
    for (const example of loadExamples()) {
      const response = await api.apollo.executeOperation({ query: example.query }, { contextValue: await api.context() });
      if (response.body.kind !== 'single' || response.body.singleResult.errors) {
        throw new UserError(`examples/${example.name}.graphql failed: ${JSON.stringify(response.body)}`);
      }
      const query = example.query.replace(/^#.*\n/, '').trim();
      // A question about the response's extensions (the default pages, the cost) shows them with the data.
      const { data, extensions } = response.body.singleResult;
      const answer = /\bextensions\b/.test(example.question) ? { data, extensions } : data;
      blocks.push([`#### ${example.question}`, '', '```graphql', query, '```', '', '```json', compactJson(answer), '```'].join('\n'));
    }
    await api.stop();
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new UserError(`README.md has no ${START} ... ${END} section.`);
    fs.writeFileSync(README, `${readme.slice(0, start + START.length)}\n${blocks.join('\n\n')}\n${readme.slice(end)}`);
    process.stdout.write(`README.md: ${blocks.length} example questions with their answers.\n`);
  } finally {
    await db.close();
  }
});
