/**
 * The Explorer's HTML shell: one page for every /explore URL (the browser code reads the URL and asks the GraphQL
 * API for what to show), with the settings the browser code cannot learn from the graph: which fields the
 * schema has (so it asks only for fields that exist, and uses the newer ones as soon as the schema has them) and
 * the colours of the Neo4j Browser style.
 */
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { parseGrass, readStyle } from '../browser/grass';
import type { ExplorerSettings } from './client/settings';

/** The types whose fields the Explorer reads. */
const READ_TYPES = [
  'Person', 'Country', 'Body', 'Position', 'Occupancy', 'Agreement', 'Event', 'DocumentExchange', 'ExchangeSide',
  'Place', 'Claim', 'Source', 'Passage', 'UnnamedOfficial',
];
const KINDS = ['Person', 'Country', 'Body', 'Position', 'Occupancy', 'Agreement', 'Event', 'DocumentExchange', 'ExchangeSide', 'Place', 'Claim', 'Source'];

export function explorerSettings(schema: GraphQLSchema): ExplorerSettings {
  const fields: Record<string, string[]> = {};
  for (const name of READ_TYPES) {
    const type = schema.getType(name);
    if (isObjectType(type) || isInterfaceType(type)) fields[name] = Object.keys(type.getFields()).sort();
  }
  const rules = parseGrass(readStyle());
  const colours: ExplorerSettings['colours'] = {};
  for (const kind of KINDS) {
    const rule = rules[`node.${kind}`];
    if (rule?.color) colours[kind] = { fill: rule.color, border: rule['border-color'] ?? rule.color, text: rule['text-color-internal'] ?? '#FFFFFF' };
  }
  return { fields, colours };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function explorerHtml(settings: ExplorerSettings, assets: { script: string; style: string }): string {
  // JSON inside <script>: no "</script>" can close it early.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Explorer: diplomatic graph</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Who did what with whom, on a timeline, with the source's words one click away.">
<link rel="stylesheet" href="${escapeHtml(assets.style)}">
</head>
<body>
<div id="app"><p class="loading">Loading the Explorer...</p><noscript>The Explorer needs JavaScript. The same answers are at /graphql.</noscript></div>
<script type="application/json" id="explorer-settings">${json}</script>
<script type="module" src="${escapeHtml(assets.script)}"></script>
</body>
</html>
`;
}
