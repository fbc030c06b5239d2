/**
 * The offline GraphQL IDE: GraphiQL and React served from node_modules by this server (no CDN: users behind
 * firewalls), preloaded with one tab per example question.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadExamples } from './examples';

const requireFrom = createRequire(__filename);
const packageFile = (pkg: string, file: string) => path.join(path.dirname(requireFrom.resolve(`${pkg}/package.json`)), file);

interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

function asset(type: string, body: Buffer): Asset {
  return { type, body, gzipped: gzipSync(body) };
}

/** Serves a static asset, gzipped when the client accepts it, cached for a day. */
export function sendAsset(req: IncomingMessage, res: ServerResponse, { type, body, gzipped }: Asset): void {
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'public, max-age=86400',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(gzip ? gzipped : body);
}

function ideHtml(): string {
  const tabs = loadExamples().map((example) => ({ query: example.query }));
  // JSON inside <script>: no "</script>" can close it early.
  const json = JSON.stringify(tabs).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Diplomatic graph: GraphQL IDE</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/ide/graphiql.min.css">
<style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="ide">Loading the GraphQL IDE...</div>
<script src="/ide/react.production.min.js"></script>
<script src="/ide/react-dom.production.min.js"></script>
<script src="/ide/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const defaultTabs = ${json};
  ReactDOM.createRoot(document.getElementById('ide')).render(
    React.createElement(GraphiQL, { fetcher, defaultTabs, defaultEditorToolsVisibility: true }),
  );
</script>
</body>
</html>
`;
}

/** The IDE page and its assets, read once. */
export function ideAssets(): Record<string, Asset> {
  return {
    '/': asset('text/html; charset=utf-8', Buffer.from(ideHtml())),
    '/ide/graphiql.min.js': asset('text/javascript; charset=utf-8', fs.readFileSync(packageFile('graphiql', 'graphiql.min.js'))),
    '/ide/graphiql.min.css': asset('text/css; charset=utf-8', fs.readFileSync(packageFile('graphiql', 'graphiql.min.css'))),
    '/ide/react.production.min.js': asset('text/javascript; charset=utf-8', fs.readFileSync(packageFile('react', 'umd/react.production.min.js'))),
    '/ide/react-dom.production.min.js': asset(
      'text/javascript; charset=utf-8',
      fs.readFileSync(packageFile('react-dom', 'umd/react-dom.production.min.js')),
    ),
  };
}
