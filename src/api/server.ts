/**
 * Builds the API: Apollo Server over the schema @neo4j/graphql generates from schema.graphql, read-only and
 * bounded (page sizes, depth, aliases, cost, transaction time), with the offline IDE, /health, the write path
 * (POST /articles, for curators' tokens), drafting from raw text (POST /extract, curators too), and the Neo4j
 * Browser guide and style. It keeps no state between requests (but the queue of texts to draft), so any number of
 * replicas can serve one database. It never listens: main.ts does, and the tests use the same factory.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import type { IncomingMessage } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { createAuthenticator } from '../auth/tokens';
import type { Config } from '../config';
import { watchAvailability } from '../db/availability';
import { UserError } from '../errors';
import { guideHtml } from '../browser/guide';
import { readStyle } from '../browser/grass';
import { articlesRoute, authorize } from './articles';
import { requestBookmarks } from './bookmarks';
import { errorFormatter } from './errors';
import { extractRoute } from './extract';
import { createExtractionService, type ExtractionService } from '../extract/service';
import { FanOut, nodeTypes } from './fan-out';
import { createHttpHandler, sendJson, type Route } from './http';
import { ideAssets, sendAsset } from './ide';
import { armor, costLimitPlugin, MAX_TOKENS, readOnly } from './limits';
import { explainUnresolvedNames } from './names';
import { readExecutor, type ReadExecutor } from './read-executor';
import { createNeo4jGraphQL, SCHEMA_PATH } from './schema';
import { sdlAsset } from './sdl';
import { withExplorer } from '../explore/routes';
import { warmUpPlans, type WarmUpResult } from './warm-up';

export interface ApiDeps {
  driver: Driver;
  config: Readonly<Config>;
  log?: (line: string) => void;
}

export interface Api {
  handler: ReturnType<typeof createHttpHandler<Neo4jGraphQLContext>>;
  apollo: ApolloServer<Neo4jGraphQLContext>;
  /** A request's context, as the HTTP handler builds it (with no request: an open read, for executeOperation). */
  context: (req?: IncomingMessage) => Promise<Neo4jGraphQLContext>;
  /** Drafting behind POST /extract (its queue, for tests and probes). */
  extraction: ExtractionService;
  /** Runs the Explorer's and the examples' questions once, so their Cypher plans are compiled (src/api/warm-up.ts). */
  warmUp(): Promise<WarmUpResult>;
  stop(): Promise<void>;
}

/** Neo4j Browser fetches the guide and the style from this server: it needs CORS. */
const BROWSER_CORS = { 'access-control-allow-origin': '*' };
/** How often the graph's fan-out (for the cost estimate) is measured again. */
const FAN_OUT_REFRESH_MS = 10 * 60_000;

export async function createApi({ driver, config, log = (line) => process.stderr.write(`${line}\n`) }: ApiDeps): Promise<Api> {
  // While Neo4j is down, requests fail at once (DATABASE_UNAVAILABLE) instead of waiting out the driver's retries.
  const availability = watchAvailability(driver, config.neo4j);
  const neoSchema = createNeo4jGraphQL(availability.driver);
  try {
    await neoSchema.checkNeo4jCompat({ sessionConfig: { database: config.neo4j.database } });
  } catch (error) {
    throw new UserError(`The Neo4j at ${config.neo4j.uri} cannot serve the API: ${(error as Error).message}`);
  }
  const schema = explainUnresolvedNames(await neoSchema.getSchema(), availability.driver, config.neo4j.database);
  const fanOut = new FanOut(driver, nodeTypes(SCHEMA_PATH), { database: config.neo4j.database, log });
  await fanOut.measure();
  fanOut.refreshEvery(FAN_OUT_REFRESH_MS);
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
    plugins: [
      ...protection.plugins,
      costLimitPlugin(fanOut),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are not used (no CDN, no response cache), and the plugin wraps every resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: errorFormatter({ production: config.api.production, queryTimeoutMs: config.api.queryTimeoutMs, log }),
  });
  await apollo.start();

  const executorOptions = {
    database: config.neo4j.database,
    timeoutMs: config.api.queryTimeoutMs,
    retryTimeMs: config.api.retryTimeMs,
    metadata: { app: 'diplomatic-graph-api' },
  };
  const reads = readExecutor(driver, executorOptions);
  // Every read goes through the availability gate: while Neo4j is down, queries fail fast.
  const guarded = (executor: ReadExecutor): ReadExecutor => ({ run: (query, parameters) => availability.guard(() => executor.run(query, parameters)) });
  const executionContext = guarded(reads);
  const authenticator = createAuthenticator(config.auth);
  // CoreNLP starts at the first text posted to /extract (never for an API nobody asks to draft), and stops with the API.
  const extraction = createExtractionService(config, log);
  // Reading needs a token only with AUTH_READ=token; a request carrying bookmarks reads after them.
  const context = async (req?: IncomingMessage): Promise<Neo4jGraphQLContext> => {
    if (req && config.auth.read === 'token') await authorize(authenticator, req, 'reader');
    const bookmarks = req ? requestBookmarks(req) : [];
    const executor = bookmarks.length ? guarded(readExecutor(driver, { ...executorOptions, sessionConfig: { bookmarks } })) : executionContext;
    return { executionContext: executor as Neo4jGraphQLContext['executionContext'] };
  };

  const assets = ideAssets();
  const routes: Record<string, Route> = {
    // Within a second: a probe bounded by PROBE_TIMEOUT_MS, without the driver's retries.
    '/health': async (_req, res) => {
      const health = await availability.check();
      if (health.ok) sendJson(res, 200, { status: 'ok', neo4j: { version: health.version, edition: health.edition } });
      else sendJson(res, 503, { status: 'unavailable', neo4j: { error: health.reason } });
    },
    '/articles': articlesRoute({ driver, database: config.neo4j.database, authenticator, log }),
    '/extract': extractRoute({ service: extraction, authenticator, log }),
    // A browser asking for /graphql gets the IDE; GraphQL clients get GraphQL.
    '/graphql': (req, res) => sendAsset(req, res, assets['/']),
    ...(config.api.introspection ? { '/schema.graphql': sdlAsset(schema) } : {}),
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
  return {
    handler,
    apollo,
    context,
    extraction,
    warmUp: () => warmUpPlans(apollo, () => context(), schema),
    stop: async () => {
      fanOut.stop();
      await Promise.all([apollo.stop(), extraction.stop()]);
    },
  };
}
