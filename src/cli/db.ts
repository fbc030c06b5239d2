/**
 * The managed Neo4j alone: `npm run db:start` (in the background), `db:stop`, `db:password` (prints its
 * password), `db:dump [-- file]` and `db:load -- file` (backup and restore with Neo4j's admin tool).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { runCli, UserError } from '../errors';
import { dumpDatabase, loadDatabase } from '../db/backup';
import { ManagedNeo4j, stopRunning } from '../db/managed-neo4j';
import { ensurePassword, passwordFile, readPassword } from '../db/password';

const log = (line: string) => process.stdout.write(`${line}\n`);
/** Progress of the commands whose stdout is their result. */
const note = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = 'use start, stop, password, dump [file] or load <file>';

void runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  if (!config.managed) {
    throw new UserError(`NEO4J_URI is set (${config.neo4j.uri}): that server is yours to start, stop and back up.`);
  }
  const server = config.managedNeo4j;
  const expected = { start: [0, 0], stop: [0, 0], password: [0, 0], dump: [0, 1], load: [1, 1] }[command as 'start'];
  if (!expected) throw new UserError(`Unknown command '${command ?? ''}': ${USAGE}.`);
  if (args.length < expected[0] || args.length > expected[1]) throw new UserError(`Wrong arguments for ${command}: ${USAGE}.`);

  if (command === 'start') {
    const { server: started, startedHere } = await ManagedNeo4j.start({ server, connection: config.neo4j, log }, { detached: true });
    if (!startedHere) log(`Neo4j is already running on ${started.boltUri}; Neo4j Browser: ${started.browserUrl}`);
    log(`User neo4j; its password: npm run db:password. Stop it with: npm run db:stop`);
  } else if (command === 'stop') {
    const stopped = await stopRunning(server, log);
    log(stopped ? 'Neo4j stopped.' : `No managed Neo4j is running for ${server.dataDir}.`);
  } else if (command === 'password') {
    if (!server.generatedPassword) {
      note('NEO4J_PASSWORD is set: the managed server uses it (and no generated password).');
      return;
    }
    // Without one yet, it is generated now: a new folder gets it at its first start, an old one (still on the
    // old default password) at its next start or attach.
    const when = readPassword(server.dataDir) !== undefined ? '' : fs.existsSync(path.join(server.dataDir, 'data')) ? ', in use from the next npm start or db:start' : ', set at the first start';
    process.stdout.write(`${ensurePassword(server.dataDir)}\n`);
    note(`(user neo4j, Neo4j Browser http://localhost:${server.httpPort}/browser/; kept in ${passwordFile(server.dataDir)}${when})`);
  } else if (command === 'dump') {
    await dumpDatabase(config, args[0], log);
  } else {
    await loadDatabase(config, args[0], log);
  }
});
