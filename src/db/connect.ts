/** Opens the driver to the configured Neo4j and proves it answers, turning driver failures into clear messages. */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConnectionConfig } from '../config';
import { UserError } from '../errors';

export interface DriverOptions {
  /** Upper bound of the driver's own retries of a failed transaction: keep it below the HTTP timeout. */
  maxTransactionRetryTimeMs?: number;
  maxConnectionPoolSize?: number;
}

export function createDriver(connection: Neo4jConnectionConfig, options: DriverOptions = {}): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 5_000,
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => undefined },
  });
}

export interface ServerInfo {
  version: string;
  edition: string;
  address: string;
}

/** Connects, checks credentials and the database, and returns what the server says of itself. */
export async function verifyConnection(driver: Driver, connection: Neo4jConnectionConfig): Promise<ServerInfo> {
  try {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition WHERE name = "Neo4j Kernel" RETURN versions[0] AS version, edition',
      {},
      { database: connection.database, routing: neo4j.routing.READ },
    );
    const info = await driver.getServerInfo({ database: connection.database });
    return {
      version: String(records[0]?.get('version') ?? info.agent ?? 'unknown'),
      edition: String(records[0]?.get('edition') ?? 'unknown'),
      address: info.address ?? connection.uri,
    };
  } catch (error) {
    throw explainDriverError(error, connection);
  }
}

/** Maps a driver error met while connecting to a UserError saying what to check; other errors pass through. */
export function explainDriverError(error: unknown, connection: Neo4jConnectionConfig): unknown {
  const code = (error as { code?: string })?.code ?? '';
  const reason = (error as Error)?.message ?? String(error);
  const where = `Neo4j at ${connection.uri}`;
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new UserError(
      `${where} refused the credentials of user '${connection.username}'. Check NEO4J_USERNAME and NEO4J_PASSWORD.`,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new UserError(`${where} has no database '${connection.database}'. Check NEO4J_DATABASE.`);
  }
  if (/TransactionTimedOut|Transaction\.Terminated/.test(code)) {
    return new UserError(
      `${where} answered, but did not finish a one-line query within its transaction time limit: it is overloaded, ` +
        'or its db.transaction.timeout (NEO4J_TRANSACTION_TIMEOUT for the managed server) is too short.',
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|timed? ?out/i.test(reason)) {
    return new UserError(
      `Cannot reach ${where}: ${firstLine(reason)}. Is the server running? Check NEO4J_URI ` +
        '(unset it to let this project start its own Neo4j).',
    );
  }
  return error;
}

function firstLine(text: string): string {
  return text.split('\n')[0].replace(/\.$/, '');
}
