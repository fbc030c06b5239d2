/**
 * Builds the API (Apollo Server over the schema in schema.graphql) and its HTTP handler. It never listens:
 * main.ts does, and tests use the same factory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT, type Config } from '../config';
import { verifyConnection } from '../db/connect';
import { createHttpHandler, sendJson } from './http';

export interface ApiDeps {
  driver: Driver;
  config: Readonly<Config>;
}

interface Context {
  driver: Driver;
}

export interface Api {
  handler: ReturnType<typeof createHttpHandler<Context>>;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

export const SCHEMA_PATH = path.join(PROJECT_ROOT, 'schema.graphql');

export async function createApi({ driver, config }: ApiDeps): Promise<Api> {
  const apollo = new ApolloServer<Context>({
    typeDefs: fs.readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers: {
      Query: {
        serverInfo: (_parent: unknown, _args: unknown, { driver }: Context) => verifyConnection(driver, config.neo4j),
      },
    },
    introspection: config.api.introspection,
    includeStacktraceInErrorResponses: !config.api.production,
    // main.ts owns the signals: it stops the API before the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const handler = createHttpHandler<Context>({
    apollo,
    context: async () => ({ driver }),
    routes: {
      '/health': async (_req, res) => {
        try {
          const info = await verifyConnection(driver, config.neo4j);
          sendJson(res, 200, { status: 'ok', neo4j: { version: info.version, edition: info.edition } });
        } catch (error) {
          sendJson(res, 503, { status: 'unavailable', neo4j: { error: (error as Error).message } });
        }
      },
    },
  });
  return { handler, apollo, stop: () => apollo.stop() };
}
