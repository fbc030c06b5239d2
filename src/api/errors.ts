/**
 * What a client sees of an error. Client mistakes (syntax, validation, bad variables, limits) keep their
 * message. Database failures get a message saying what happened, never a driver trace. Anything else is a bug:
 * logged in full here, and in production answered with "Internal server error" alone. No response ever carries
 * a stack trace.
 */
import type { GraphQLFormattedError } from 'graphql';

const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  // A read waiting for the bookmarks of a write (see read-executor.ts): expected, not a bug.
  'BOOKMARK_NOT_REACHED',
]);

export interface ErrorFormatterOptions {
  production: boolean;
  queryTimeoutMs: number;
  log: (line: string) => void;
}

export function errorFormatter({ production, queryTimeoutMs, log }: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (CLIENT_CODES.has(code)) return { ...formatted, extensions };

    const cause = rootCause(error);
    const neo4jCode = typeof cause?.code === 'string' ? cause.code : '';
    const where = { locations: formatted.locations, path: formatted.path };
    if (/TransactionTimedOut|Transaction\.Terminated/.test(neo4jCode)) {
      return {
        message: `The query ran longer than the limit of ${queryTimeoutMs / 1000} s and was stopped. Ask for less (filters, smaller pages).`,
        ...where,
        extensions: { code: 'QUERY_TIMEOUT' },
      };
    }
    if (neo4jCode === 'ServiceUnavailable' || neo4jCode === 'SessionExpired') {
      return { message: 'The database is not reachable right now. Try again shortly.', ...where, extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    if (/MemoryLimitExceeded/.test(neo4jCode)) {
      return { message: 'The query needed more memory than one request may use. Ask for less.', ...where, extensions: { code: 'QUERY_TOO_LARGE' } };
    }
    log(`GraphQL error: ${cause?.stack ?? cause?.message ?? String(error)}`);
    if (production) return { message: 'Internal server error.', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    return { ...formatted, extensions };
  };
}

interface Cause {
  code?: unknown;
  message?: string;
  stack?: string;
  originalError?: unknown;
}

/** The error under GraphQL's wrappers (a resolver's error, a Neo4j error with its code). */
function rootCause(error: unknown): Cause | undefined {
  let current = error as Cause | undefined;
  while (current?.originalError && current.originalError !== current) current = current.originalError as Cause;
  return current;
}
