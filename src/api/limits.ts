/**
 * Limits on what one request may ask, checked before anything reaches the database: page sizes within bounds
 * (@neo4j/graphql clamps a size above @limit's max silently, and takes 0 as "no limit"), and a cost estimate
 * that multiplies list fields by their page size. Depth, aliases and directives are bounded by graphql-armor.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, getNullableType, isListType, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** The largest page any list field serves (the max of every @limit in schema.graphql). */
export const MAX_PAGE_SIZE = 200;
export const MAX_OFFSET = 10_000;
/** Fan-out assumed for a nested list without an explicit size (root lists default to their @limit, 50). */
const ASSUMED_NESTED_PAGE = 10;
const ROOT_DEFAULT_PAGE = 50;
export const MAX_COST = 100_000;
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
export const MAX_TOKENS = 2_000;

export function badRequest(message: string, code = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

const pageArguments: ComplexityEstimator = ({ args, field }) => {
  for (const name of ['limit', 'first'] as const) {
    const value = args[name];
    if (typeof value === 'number' && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw badRequest(`Argument "${name}" of field "${field.name}" must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`);
    }
  }
  if (typeof args.offset === 'number' && (args.offset < 0 || args.offset > MAX_OFFSET)) {
    throw badRequest(`Argument "offset" of field "${field.name}" must be between 0 and ${MAX_OFFSET}, got ${args.offset}.`);
  }
  return undefined; // not an estimate: the next estimator prices the field
};

/** A list field costs its page size times its selection: the asked size, else the root default or assumed fan-out. */
const listCost: ComplexityEstimator = ({ args, field, type, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return 1 + childComplexity;
  const root = type.name === 'Query';
  const page = args.limit ?? args.first ?? (root ? ROOT_DEFAULT_PAGE : ASSUMED_NESTED_PAGE);
  return 1 + childComplexity * Math.max(1, Number(page));
};

/** Rejects a request whose page sizes are out of bounds or whose estimated cost is above MAX_COST (HTTP 400). */
export function costLimitPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [pageArguments, listCost],
            });
          } catch (error) {
            if (error instanceof GraphQLError && error.extensions.http) throw error;
            throw badRequest((error as Error).message);
          }
          if (cost > MAX_COST) {
            throw badRequest(
              `The query is too expensive: its estimated cost is ${cost}, above the limit of ${MAX_COST}. ` +
                'Ask for smaller pages (limit) or fewer nested lists.',
              'QUERY_TOO_COMPLEX',
            );
          }
        },
      };
    },
  };
}

/** The public API is read-only: a mutation or subscription is a client error (HTTP 400), not a server fault. */
export const readOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'query') {
      context.reportError(
        new GraphQLError(`This API is read-only: it serves queries, not ${node.operation}s.`, { nodes: node }),
      );
    }
  },
});

/** Depth, alias and directive limits (their errors are GraphQL validation errors: HTTP 400). */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: MAX_DEPTH },
    maxAliases: { n: MAX_ALIASES },
    maxDirectives: { n: 20 },
    // graphql-armor's token limit turns every syntax error into HTTP 500: Apollo's parseOptions.maxTokens instead.
    maxTokens: { enabled: false },
    // Ours (costLimitPlugin) prices list fields by page size, which this one ignores.
    costLimit: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors hides suggestions cleanly in production.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
