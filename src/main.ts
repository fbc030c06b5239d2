/** `npm start`: the database (managed or NEO4J_URI), then the GraphQL API on PORT (4000). */
import http from 'node:http';
import { createApi } from './api/server';
import { loadConfig } from './config';
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
  const db = await openDatabase(config, log);
  onShutdown(db.close);
  log(`Connected to Neo4j ${db.info.version} ${db.info.edition} (${config.neo4j.uri}, database ${config.neo4j.database}).`);

  const api = await createApi({ driver: db.driver, config });
  onShutdown(api.stop);
  const server = http.createServer(api.handler);
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
  log(`GraphQL API ready at http://localhost:${port}/graphql`);
}
