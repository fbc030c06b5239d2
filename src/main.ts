/**
 * `npm start`: the database (the managed Neo4j, or the server NEO4J_URI names), its constraints and indexes, the
 * seed when the database is empty, then the GraphQL API on PORT (4000). Ctrl-C stops the API, then the database.
 */
import http from 'node:http';
import { createApi } from './api/server';
import { loadConfig } from './config';
import { applySchema, isEmpty } from './db/cypher-scripts';
import { seedGraph } from './ingest/seed';
import { openDatabase } from './db/database';
import { runCli, UserError } from './errors';
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
  const db = await openDatabase(config, log, { maxTransactionRetryTimeMs: config.api.retryTimeMs });
  onShutdown(db.close);
  log(`Connected to Neo4j ${db.info.version} ${db.info.edition} (${config.neo4j.uri}, database ${config.neo4j.database}).`);

  await applySchema(db.driver, config.neo4j.database);
  if (config.seedOnStart && (await isEmpty(db.driver, config.neo4j.database))) {
    log('The database is empty: loading the seed.');
    await seedGraph(db.driver, config.neo4j.database, log);
  }

  const api = await createApi({ driver: db.driver, config });
  onShutdown(api.stop);
  const server = http.createServer({ requestTimeout: config.api.requestTimeoutMs }, api.handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new UserError(`Port ${config.api.port} (GraphQL API) is already in use by another program. Stop it, or set PORT.`)
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
  if (config.managed) {
    log(
      `Neo4j Browser: http://localhost:${config.managedNeo4j.httpPort}/browser/ ` +
        `(ready questions: :play http://localhost:${port}/browser/guide.html)`,
    );
  }
}
