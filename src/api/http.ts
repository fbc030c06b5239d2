/**
 * The HTTP layer: a plain Node request handler that routes /graphql to Apollo Server (through its integration
 * API, so body size, JSON parsing and status codes are ours to control), /health to a database probe, /articles to
 * the write path, and the rest to static pages. It never listens: main.ts does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export const MAX_BODY_BYTES = 64 * 1024;

export interface Route {
  (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

export interface HttpHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** The context of a GraphQL request, from its headers; an HttpError refuses the request (401, 400...). */
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Extra routes by exact path (GET /health, the IDE...). */
  routes?: Record<string, Route>;
  maxBodyBytes?: number;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/**
 * A GraphQL-shaped error for failures before Apollo runs (oversized or malformed body, unknown path, no token),
 * with what else the client needs (`problems` of an article, for instance).
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  { headers = {}, extra = {} }: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }], ...extra }, headers);
}

/** A request refused before it runs: its status, code, message, and any headers (WWW-Authenticate, Allow). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendHttpError(res: ServerResponse, error: HttpError): void {
  sendError(res, error.status, error.code, error.message, { headers: error.headers });
}

/** The whole body, refused (413) beyond `limit` bytes, whatever Content-Length claims. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${limit} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${limit} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  if (!/^application\/(graphql-response\+)?json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', `Request body is not valid JSON: ${(error as Error).message}`);
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
      const contextValue = await context(req);
      const body = parseBody((await readBody(req, maxBodyBytes)).toString('utf8'), headers.get('content-type') ?? '');
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: async () => contextValue,
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
      if (error instanceof HttpError) {
        // A refusal before the body was read (no token): the body is not wanted.
        req.resume();
        return sendHttpError(res, error);
      }
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
      else res.end();
    }
  };
}

export function acceptsHtml(req: IncomingMessage): boolean {
  return /text\/html/.test(req.headers.accept ?? '');
}
