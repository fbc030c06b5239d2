/**
 * The database the main job uses: the managed local Neo4j when NEO4J_URI is unset (started here or already
 * running from `npm run db:start`), otherwise the server NEO4J_URI names, which is never started or stopped here.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { createDriver, verifyConnection, type DriverOptions, type ServerInfo } from './connect';
import type { Log } from './install';
import { ManagedNeo4j } from './managed-neo4j';

export interface Database {
  driver: Driver;
  info: ServerInfo;
  /** Closes the driver, then stops the managed server if this process started it. */
  close(): Promise<void>;
}

export async function openDatabase(config: Readonly<Config>, log: Log, driverOptions: DriverOptions = {}): Promise<Database> {
  let managed: ManagedNeo4j | undefined;
  if (config.managed) {
    const { server, startedHere } = await ManagedNeo4j.start({
      server: config.managedNeo4j,
      connection: config.neo4j,
      log,
    });
    if (startedHere) managed = server;
    else log(`Using the Neo4j already running on ${server.boltUri} (npm run db:stop stops it).`);
  }
  const driver = createDriver(config.neo4j, driverOptions);
  const close = async () => {
    await driver.close();
    await managed?.stop();
  };
  try {
    const info = await verifyConnection(driver, config.neo4j);
    return { driver, info, close };
  } catch (error) {
    await close();
    throw error;
  }
}
