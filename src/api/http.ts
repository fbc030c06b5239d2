/**
 * The HTTP layer: a plain Node request handler that routes /graphql to Apollo Server (through its integration
 * API, so body size, JSON parsing and status codes are ours to control), /health to a database probe, and the rest
 * to static pages. It never listens: main.ts does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export const MAX_BODY_BYTES = 64 * 1024;

export interface Route {
  (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

export interface HttpHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: () => Promise<TContext>;
  /** Extra routes by exact path (GET /health, the IDE...). */
  routes?: Record<string, Route>;
  maxBodyBytes?: number;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** A GraphQL-shaped error for failures before Apollo runs (oversized or malformed body, unknown path). */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw new BodyError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${limit} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new BodyError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${limit} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  if (!/^application\/(graphql-response\+)?json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BodyError(400, 'BAD_REQUEST', `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

export function createHttpHandler<TContext extends BaseContext>(options: HttpHandlerOptions<TContext>) {
  const { apollo, context, routes = {}, maxBodyBytes = MAX_BODY_BYTES } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = routes[url.pathname];
      if (url.pathname !== '/graphql' || (route && req.method === 'GET' && acceptsHtml(req))) {
        if (route) return await route(req, res, url);
        return sendError(res, 404, 'NOT_FOUND', `No such path: ${url.pathname}. The GraphQL endpoint is /graphql.`);
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const body = parseBody(await readBody(req, maxBodyBytes), headers.get('content-type') ?? '');
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context,
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof BodyError) return sendError(res, error.status, error.code, error.message);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
      else res.end();
    }
  };
}

export function acceptsHtml(req: IncomingMessage): boolean {
  return /text\/html/.test(req.headers.accept ?? '');
}
