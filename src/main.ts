/**
 * `npm start`: the database (the managed Neo4j, or the server NEO4J_URI names), its constraints and indexes, the
 * seed when the database is empty, then the GraphQL API on PORT (4000). Ctrl-C stops the API, then the database.
 */
import http from 'node:http';
import { createApi } from './api/server';
import { loadConfig } from './config';
import { createDriver } from './db/connect';
import { applySchema, isEmpty } from './db/cypher-scripts';
import { openDatabase } from './db/database';
import { runCli } from './errors';
import { assertPortFree, portBusyError } from './java/ports';
import { seedGraph } from './ingest/seed';
import { exitOnSignals, onShutdown, shutdown } from './shutdown';

const log = (line: string) => process.stdout.write(`${line}\n`);

void runCli(async () => {
  exitOnSignals(log);
  try {
    await serve();
  } catch (error) {
    await shutdown(); // whatever started before the failure (the managed Neo4j above all) stops with it
    throw error;
  }
});

async function serve(): Promise<void> {
  const config = loadConfig();
  // Before anything starts: a busy API port must not cost a Neo4j start-up first.
  await assertPortFree(config.api.port, 'GraphQL API', 'PORT', config.api.host);
  const db = await openDatabase(config, log, {}, async ({ driver, info }) => {
    log(`Connected to Neo4j ${info.version} ${info.edition} (${config.neo4j.uri}, database ${config.neo4j.database}).`);
    await applySchema(driver, config.neo4j.database);
    if (config.seedOnStart && (await isEmpty(driver, config.neo4j.database))) {
      log('The database is empty: loading the seed.');
      await seedGraph(driver, config.neo4j.database, log);
    }
  });
  onShutdown(db.close);

  // The API's own driver retries briefly (start-up work above rides out longer hiccups): a query fails within about a
  // second when the database goes down, and at once after that (src/db/availability.ts).
  const apiDriver = createDriver(db.connection, { maxTransactionRetryTimeMs: config.api.retryTimeMs });
  onShutdown(() => apiDriver.close());
  const api = await createApi({ driver: apiDriver, config });
  onShutdown(api.stop);
  const server = http.createServer({ requestTimeout: config.api.requestTimeoutMs }, api.handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? portBusyError(config.api.port, 'GraphQL API', 'PORT')
          : error,
      ),
    );
    server.listen(config.api.port, config.api.host, resolve);
  });
  onShutdown(() => new Promise((resolve) => server.close(() => resolve())));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.api.port;
  log(`GraphQL API ready at http://localhost:${port}/graphql (IDE: http://localhost:${port}/)`);
  log(`Explorer: http://localhost:${port}/explore`);
  // While it serves: the first users of the Explorer and the examples find their Cypher plans compiled.
  if (config.api.warmUp) void api.warmUp().then(({ questions, failed, ms }) =>
    log(`Query plans of ${questions - failed.length} of ${questions} Explorer and example questions compiled in ${(ms / 1000).toFixed(1)} s${failed.length ? ` (not: ${failed.join(', ')})` : ''}.`),
  );
  if (config.managed) {
    log(
      `Neo4j Browser: http://localhost:${config.managedNeo4j.httpPort}/browser/ (user neo4j, password: npm run db:password; ` +
        `ready questions: :play http://localhost:${port}/browser/guide.html)`,
    );
  }
}
