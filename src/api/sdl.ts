/**
 * The API's schema as SDL (`GET /schema.graphql`): what clients query and generate types from, i.e. the schema
 * @neo4j/graphql generates from schema.graphql (filters, sort and page arguments included), not schema.graphql
 * itself. Served only where introspection is allowed: the same information.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { Route } from './http';

/** The SDL of the API's schema, types in alphabetical order so that it diffs well. */
export function apiSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export function sdlAsset(schema: GraphQLSchema): Route {
  const body = Buffer.from(apiSdl(schema));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag, 'cache-control': 'no-cache' });
    res.end(body);
  };
}
