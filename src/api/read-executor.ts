/**
 * How the API's queries reach Neo4j. @neo4j/graphql runs each request's one Cypher statement in a managed
 * transaction (BEGIN, RUN and PULL, then COMMIT: two round trips and three socket writes). Every API request is a
 * single read, so it runs here as one auto-commit query in a READ session instead (RUN and PULL in one write, one
 * round trip), bounded by the same timeout and still refused any write by the server. What the managed transaction
 * gave besides, retries of transient failures, is kept: a retriable error is retried until `retryTimeMs` has passed.
 */
import { GraphQLError } from 'graphql';
import neo4j, { type Driver, type QueryResult, type SessionConfig } from 'neo4j-driver';

export interface ReadExecutorOptions {
  database: string;
  /** Bound of each query (the server stops it after this long). */
  timeoutMs: number;
  /** How long a retriable failure (a dropped connection, a leader switch) is retried. */
  retryTimeMs: number;
  metadata?: Record<string, unknown>;
  /** Extra session settings (bookmarks of a client's earlier write, for instance). */
  sessionConfig?: Omit<SessionConfig, 'database' | 'defaultAccessMode'>;
}

/**
 * What @neo4j/graphql accepts as `context.executionContext` besides a driver or a session: an object with `run`,
 * which it calls once per request with the translated Cypher.
 */
export interface ReadExecutor {
  run(query: string, parameters?: Record<string, unknown>): Promise<QueryResult>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A read that cannot start after the bookmarks a client sent: they are not this database's (400), or the server
 * did not catch up with them in time (503, worth a retry). Other failures are left to the error formatter.
 */
function bookmarkFailure(error: unknown): GraphQLError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (/^Neo\.ClientError\.Transaction\.InvalidBookmark/.test(code)) {
    return new GraphQLError('The bookmarks in x-neo4j-bookmarks are not bookmarks of this database: send them as POST /articles returned them.', {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
  if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
    return new GraphQLError('The database has not caught up with the write of these bookmarks yet. Try again shortly.', {
      extensions: { code: 'BOOKMARK_NOT_REACHED', http: { status: 503 } },
    });
  }
  return undefined;
}

export function readExecutor(driver: Driver, options: ReadExecutorOptions): ReadExecutor {
  const { database, timeoutMs, retryTimeMs, metadata, sessionConfig } = options;
  const runOnce = async (query: string, parameters: Record<string, unknown> | undefined): Promise<QueryResult> => {
    const session = driver.session({ ...sessionConfig, database, defaultAccessMode: neo4j.session.READ });
    try {
      // neo4j-driver captures a stack trace with every query, to decorate a failure that may come later. With
      // source maps on (tsx), formatting it was about 7% of the API's CPU per request. Without it, a failure's
      // stack starts in the driver; its message and code, which the error formatter reads, are unchanged.
      const stackTraceLimit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      let result: ReturnType<typeof session.run>;
      try {
        result = session.run(query, parameters, { timeout: timeoutMs, metadata });
      } finally {
        Error.stackTraceLimit = stackTraceLimit;
      }
      return await result;
    } finally {
      await session.close();
    }
  };
  return {
    async run(query, parameters) {
      const deadline = Date.now() + retryTimeMs;
      for (let attempt = 0; ; attempt++) {
        try {
          return await runOnce(query, parameters);
        } catch (error) {
          if (!neo4j.isRetryableError(error as Error) || Date.now() >= deadline) throw bookmarkFailure(error) ?? error;
          await sleep(Math.min(100 * 2 ** attempt, Math.max(0, deadline - Date.now())));
        }
      }
    },
  };
}
