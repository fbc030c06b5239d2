/** `npm run db:start` / `npm run db:stop`: the managed Neo4j alone, running in the background. */
import { loadConfig } from '../config';
import { runCli, UserError } from '../errors';
import { ManagedNeo4j, stopRunning } from '../db/managed-neo4j';

const log = (line: string) => process.stdout.write(`${line}\n`);

void runCli(async () => {
  const command = process.argv[2];
  const config = loadConfig();
  if (!config.managed) {
    throw new UserError(`NEO4J_URI is set (${config.neo4j.uri}): that server is yours to start and stop.`);
  }
  if (command === 'start') {
    const { server, startedHere } = await ManagedNeo4j.start(
      { server: config.managedNeo4j, connection: config.neo4j, log },
      { detached: true },
    );
    if (!startedHere) log(`Neo4j is already running on ${server.boltUri}; Neo4j Browser: ${server.browserUrl}`);
    log(`Stop it with: npm run db:stop`);
  } else if (command === 'stop') {
    const stopped = await stopRunning(config.managedNeo4j, log);
    log(stopped ? 'Neo4j stopped.' : `No managed Neo4j is running for ${config.managedNeo4j.dataDir}.`);
  } else {
    throw new UserError(`Unknown command '${command ?? ''}': use start or stop.`);
  }
});
