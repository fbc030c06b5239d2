/**
 * The Explorer's routes: GET /explore and every /explore/... URL (an entity, its network or timeline, a path)
 * answer the same HTML shell, so a link can be shared and reloaded; /explore/assets/... are the bundled script
 * and style (and the script's chunks), named by their content hash so browsers may keep them. The page reads the graph only through
 * /graphql, as any API consumer would.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { explorerBundle, type BundledAsset } from './bundle';
import { explorerHtml, explorerSettings } from './page';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Everything the page loads comes from this server: scripts, styles, data. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Hashed {
  html: Buffer;
  assets: Map<string, BundledAsset>;
}

function send(req: IncomingMessage, res: ServerResponse, asset: BundledAsset, headers: Record<string, string>): void {
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': asset.type,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
    ...headers,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : gzip ? asset.gzipped : asset.body);
}

function notFound(res: ServerResponse, message: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}

/** Serves /explore and below, and hands every other request to `next` (the API's own handler). */
export function withExplorer(next: Handler, { schema }: { schema: GraphQLSchema }): Handler {
  const settings = explorerSettings(schema);
  let hashed: Promise<Hashed> | undefined;
  const prepare = async (): Promise<Hashed> => {
    const { assets, script, style } = await explorerBundle();
    return { html: Buffer.from(explorerHtml(settings, { script, style })), assets };
  };

  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== '/explore' && !pathname.startsWith('/explore/')) return next(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The Explorer answers GET only (got ${req.method}). The GraphQL endpoint is /graphql.`);
      return;
    }
    try {
      hashed ??= prepare().catch((error: unknown) => {
        hashed = undefined;
        throw error;
      });
      const { html, assets } = await hashed;
      if (pathname.startsWith('/explore/assets/')) {
        const asset = assets.get(pathname);
        if (!asset) return notFound(res, `No such asset: ${pathname}.`);
        return send(req, res, asset, { 'cache-control': 'public, max-age=31536000, immutable' });
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      });
      res.end(req.method === 'HEAD' ? undefined : html);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The Explorer's page could not be built: ${(error as Error).message}`);
    }
  };
}
