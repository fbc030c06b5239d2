/**
 * Builds the API: Apollo Server over the schema @neo4j/graphql generates from schema.graphql, read-only and
 * bounded (page sizes, depth, aliases, cost, transaction time), with the offline IDE, /health, and the Neo4j
 * Browser guide and style. It never listens: main.ts does, and the tests use the same factory.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { verifyConnection } from '../db/connect';
import { UserError } from '../errors';
import { guideHtml } from '../browser/guide';
import { readStyle } from '../browser/grass';
import { errorFormatter } from './errors';
import { createHttpHandler, sendJson, type Route } from './http';
import { ideAssets, sendAsset } from './ide';
import { armor, costLimitPlugin, MAX_TOKENS, readOnly } from './limits';
import { createNeo4jGraphQL } from './schema';
import { withExplorer } from '../explore/routes';

export interface ApiDeps {
  driver: Driver;
  config: Readonly<Config>;
  log?: (line: string) => void;
}

export interface Api {
  handler: ReturnType<typeof createHttpHandler<Neo4jGraphQLContext>>;
  apollo: ApolloServer<Neo4jGraphQLContext>;
  /** A fresh request context, as the HTTP handler builds it (for executeOperation in tests). */
  context: () => Promise<Neo4jGraphQLContext>;
  stop(): Promise<void>;
}

/** Neo4j Browser fetches the guide and the style from this server: it needs CORS. */
const BROWSER_CORS = { 'access-control-allow-origin': '*' };

export async function createApi({ driver, config, log = (line) => process.stderr.write(`${line}\n`) }: ApiDeps): Promise<Api> {
  const neoSchema = createNeo4jGraphQL(driver);
  try {
    await neoSchema.checkNeo4jCompat({ sessionConfig: { database: config.neo4j.database } });
  } catch (error) {
    throw new UserError(`The Neo4j at ${config.neo4j.uri} cannot serve the API: ${(error as Error).message}`);
  }
  const schema = await neoSchema.getSchema();
  const protection = armor();
  const apollo = new ApolloServer<Neo4jGraphQLContext>({
    schema,
    introspection: config.api.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.api.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // main.ts owns the signals: it stops the API before the database.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [readOnly, ...protection.validationRules],
    plugins: [...protection.plugins, costLimitPlugin(), ApolloServerPluginLandingPageDisabled()],
    formatError: errorFormatter({ production: config.api.production, queryTimeoutMs: config.api.queryTimeoutMs, log }),
  });
  await apollo.start();

  const context = async (): Promise<Neo4jGraphQLContext> => ({
    sessionConfig: { database: config.neo4j.database },
    transaction: { timeout: config.api.queryTimeoutMs, metadata: { app: 'diplomatic-graph-api' } },
  });

  const assets = ideAssets();
  const routes: Record<string, Route> = {
    '/health': async (_req, res) => {
      try {
        const info = await verifyConnection(driver, config.neo4j);
        sendJson(res, 200, { status: 'ok', neo4j: { version: info.version, edition: info.edition } });
      } catch (error) {
        sendJson(res, 503, { status: 'unavailable', neo4j: { error: (error as Error).message } });
      }
    },
    // A browser asking for /graphql gets the IDE; GraphQL clients get GraphQL.
    '/graphql': (req, res) => sendAsset(req, res, assets['/']),
    '/browser/guide.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...BROWSER_CORS });
      res.end(guideHtml());
    },
    '/browser/style.grass': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...BROWSER_CORS });
      res.end(readStyle());
    },
  };
  for (const [route, asset] of Object.entries(assets)) routes[route] ??= (req, res) => sendAsset(req, res, asset);

  // The Explorer (/explore and below) is a page over this API: it reads the graph through /graphql only.
  const handler = withExplorer(createHttpHandler<Neo4jGraphQLContext>({ apollo, context, routes }), { schema });
  return { handler, apollo, context, stop: () => apollo.stop() };
}
