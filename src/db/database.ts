/**
 * The database the main job uses: the managed local Neo4j when NEO4J_URI is unset (started here or already
 * running from `npm run db:start`), otherwise the server NEO4J_URI names, which is never started or stopped here.
 */
import type { Driver } from 'neo4j-driver';
import type { Config, Neo4jConnectionConfig } from '../config';
import { createDriver, verifyConnection, type DriverOptions, type ServerInfo } from './connect';
import type { Log } from './install';
import { withInstanceLock } from './instance-lock';
import { ManagedNeo4j } from './managed-neo4j';

export interface Database {
  driver: Driver;
  info: ServerInfo;
  /** The credentials in use: for the managed server, its generated password (or NEO4J_PASSWORD). */
  connection: Neo4jConnectionConfig;
  /** Closes the driver, then stops the managed server if this process started it. */
  close(): Promise<void>;
}

/**
 * `setUp` (constraints, the seed...) runs before the database is handed over; for the managed server it runs
 * holding the data folder's lock, so that another process starting on the same folder waits until it is done
 * instead of setting up the same database at the same time.
 */
export async function openDatabase(
  config: Readonly<Config>,
  log: Log,
  driverOptions: DriverOptions = {},
  setUp?: (db: Database) => Promise<void>,
): Promise<Database> {
  if (!config.managed) return connectAndSetUp(config, log, driverOptions, setUp);
  return withInstanceLock(config.managedNeo4j.dataDir, { what: 'starting Neo4j', log }, () =>
    connectAndSetUp(config, log, driverOptions, setUp),
  );
}

async function connectAndSetUp(
  config: Readonly<Config>,
  log: Log,
  driverOptions: DriverOptions,
  setUp: ((db: Database) => Promise<void>) | undefined,
): Promise<Database> {
  let managed: ManagedNeo4j | undefined;
  let connection = config.neo4j;
  if (config.managed) {
    const { server, startedHere } = await ManagedNeo4j.start({
      server: config.managedNeo4j,
      connection: config.neo4j,
      log,
    });
    connection = server.connection;
    if (startedHere) managed = server;
    else log(`Using the Neo4j already running on ${server.boltUri} (npm run db:stop stops it).`);
  }
  const driver = createDriver(connection, driverOptions);
  const close = async () => {
    await driver.close();
    await managed?.stop();
  };
  try {
    const db = { driver, info: await verifyConnection(driver, connection), connection, close };
    await setUp?.(db);
    return db;
  } catch (error) {
    await close();
    throw error;
  }
}
