/**
 * Limits on what one request may ask, checked before anything reaches the database: page sizes within bounds
 * (@neo4j/graphql clamps a size above @limit's max silently, and takes 0 as "no limit"), and a cost estimate.
 *
 * The estimate follows the graph's real fan-out (fan-out.ts): a list field costs, per parent row, as many rows as
 * the field's page or as one node of that type leads to at the 99th percentile, whichever is smaller. A list asked
 * without a `limit` gets a default page: 50 (the schema's @limit default) when the query fits within MAX_COST so,
 * else the nested lists are cut to 20, 10 or 5 items, whichever first brings the estimate within the limit. The
 * response says which lists got which default page (`extensions.pageSize`) and the estimate (`extensions.cost`).
 * A query still above MAX_COST with nested lists of 5 is refused. The estimate is computed once per document (and
 * page-size variables), not per request. Depth, aliases and directives are bounded by graphql-armor.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { getArgumentValues, getDirectiveValues, getVariableValues } from 'graphql/execution/values';
import type { FanOut } from './fan-out';

/** The largest page any list field serves (the max of every @limit in schema.graphql). */
export const MAX_PAGE_SIZE = 200;
export const MAX_OFFSET = 10_000;
/** The page a list without `limit` gets from @limit's default in schema.graphql. */
export const DEFAULT_PAGE_SIZE = 50;
/** Smaller default pages for nested lists, tried in turn when a query would cost too much with the default. */
export const NESTED_PAGE_SIZES = [DEFAULT_PAGE_SIZE, 20, 10, 5];
export const MAX_COST = 100_000;
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
export const MAX_TOKENS = 2_000;
/** Bounds of text arguments of the root fields: search text, and the names of actors (Lucene has a clause limit). */
export const MAX_TEXT_LENGTH = 200;
export const MAX_SEARCH_WORDS = 16;
export const MAX_NAMES = 10;

export function badRequest(message: string, code = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export interface QueryPlan {
  cost: number;
  /** Lists asked without a page size, by response path, with the page they get. */
  pageSize: Record<string, number>;
  /** The document to execute: the one asked, or a copy with the smaller default pages written in. */
  document: DocumentNode;
}

interface Walk {
  schema: GraphQLSchema;
  fanOut: FanOut | undefined;
  variables: Record<string, unknown>;
  fragments: Record<string, FragmentDefinitionNode>;
  nestedPage: number;
  pageSize: Record<string, number>;
  /** Nested lists without a page size: where a smaller default has to be written. */
  unpaged: Set<FieldNode>;
}

function checkPageArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): void {
  for (const name of ['limit', 'first'] as const) {
    const value = args[name];
    if (typeof value === 'number' && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw badRequest(`Argument "${name}" of field "${field.name}" must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`);
    }
  }
  if (typeof args.offset === 'number' && (args.offset < 0 || args.offset > MAX_OFFSET)) {
    throw badRequest(`Argument "offset" of field "${field.name}" must be between 0 and ${MAX_OFFSET}, got ${args.offset}.`);
  }
}

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');

/** Search text and actor names: bounded in length (and search text in words), names not blank. */
function checkTextArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    const list = Array.isArray(value) && value.every((item) => typeof item === 'string');
    const texts = typeof value === 'string' ? [value] : list ? (value as string[]) : [];
    const where = `Argument "${name}" of field "${field.name}"`;
    if (list && (texts.length < 1 || texts.length > MAX_NAMES)) {
      throw badRequest(`${where} takes 1 to ${MAX_NAMES} names, got ${texts.length}.`);
    }
    for (const text of texts) {
      if (text.length > MAX_TEXT_LENGTH) {
        throw badRequest(`${where} is ${text.length} characters long; at most ${MAX_TEXT_LENGTH} are allowed.`);
      }
      if (field.name === 'search') {
        const count = words(text).length;
        if (count > MAX_SEARCH_WORDS) throw badRequest(`${where} has ${count} words; at most ${MAX_SEARCH_WORDS} are searched.`);
      } else if (words(text).length === 0) {
        throw badRequest(`${where} names nobody: give a name or an alias.`);
      }
    }
  }
}

/** The text arguments of the root fields, checked on every request (they are not part of a cached plan). */
export function checkRootTextArguments(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  const fields = schema.getQueryType()!.getFields();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !selection.arguments?.length) continue;
    const field = fields[selection.name.value];
    if (field) checkTextArguments(field, getArgumentValues(field, selection, variables));
  }
}

const included = (walk: Walk, node: FieldNode | { directives?: FieldNode['directives'] }) =>
  !getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if &&
  getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if !== false;

/** Rows per parent row of a paged list field: its page, or the graph's fan-out when that is smaller. */
function rowsPerParent(walk: Walk, parent: GraphQLNamedType, fieldName: string, target: GraphQLNamedType, page: number, root: boolean): number {
  const measured = root
    ? walk.fanOut?.count(target.name)
    : walk.fanOut?.of(parent.name, fieldName.replace(/Connection$/, ''));
  return Math.max(1, Math.min(page, measured ?? page));
}

/** The estimated rows a selection reads, for `rows` rows of `type`; records default pages on the way. */
function selectionCost(walk: Walk, type: GraphQLNamedType, selectionSet: SelectionSetNode, rows: number, path: string): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value)! : type;
      cost += selectionCost(walk, on, selection.selectionSet, rows, path);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      if (fragment) cost += selectionCost(walk, walk.schema.getType(fragment.typeCondition.name.value)!, fragment.selectionSet, rows, path);
      continue;
    }
    if (selection.name.value.startsWith('__')) continue;
    const fields = isObjectType(type) || isAbstractType(type) ? (type as GraphQLObjectType).getFields() : {};
    const field = fields[selection.name.value];
    if (!field) continue;
    const key = `${path}${path ? '.' : ''}${selection.alias?.value ?? selection.name.value}`;
    const args = getArgumentValues(field, selection, walk.variables);
    checkPageArguments(field, args);
    const root = path === '';
    cost += rows;
    const target = getNamedType(field.type);
    if (!selection.selectionSet) continue;
    let childRows = rows;
    const paged = field.args.find((arg) => arg.name === 'limit' || arg.name === 'first');
    if (paged) {
      let page = args[paged.name] as number | undefined;
      if (page === undefined) {
        page = root ? DEFAULT_PAGE_SIZE : walk.nestedPage;
        walk.pageSize[key] = page;
        if (!root) walk.unpaged.add(selection);
      }
      childRows = rows * rowsPerParent(walk, type, field.name, target, page, root);
    } else if (isListType(getNullableType(field.type)) && field.name !== 'edges') {
      // An unpaged list of objects (a path's steps); a connection's edges were counted at the connection.
      childRows = rows * DEFAULT_PAGE_SIZE;
    }
    cost += selectionCost(walk, target, selection.selectionSet, childRows, key);
  }
  return cost;
}

function planWith(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  fanOut: FanOut | undefined,
  nestedPage: number,
): { cost: number; pageSize: Record<string, number>; unpaged: Set<FieldNode> } {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const walk: Walk = { schema, fanOut, variables, fragments, nestedPage, pageSize: {}, unpaged: new Set() };
  const cost = selectionCost(walk, schema.getQueryType()!, operation.selectionSet, 1, '');
  return { cost, pageSize: walk.pageSize, unpaged: walk.unpaged };
}

/** Writes `limit: page` (or `first` on connections) into the given fields. */
function withPageSize(document: DocumentNode, fields: Set<FieldNode>, page: number): DocumentNode {
  return visit(document, {
    Field(node) {
      if (!fields.has(node)) return undefined;
      const name = node.name.value.endsWith('Connection') ? 'first' : 'limit';
      return {
        ...node,
        arguments: [...(node.arguments ?? []), { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value: { kind: Kind.INT, value: String(page) } }],
      };
    },
  });
}

/** The cost, default pages and document to run for one operation, or the error that refuses it. */
export function planQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  fanOut?: FanOut,
): QueryPlan {
  let last: ReturnType<typeof planWith> | undefined;
  for (const nestedPage of NESTED_PAGE_SIZES) {
    last = planWith(schema, document, operation, variables, fanOut, nestedPage);
    if (last.cost <= MAX_COST) {
      const rewrite = nestedPage !== DEFAULT_PAGE_SIZE && last.unpaged.size > 0;
      return { cost: last.cost, pageSize: last.pageSize, document: rewrite ? withPageSize(document, last.unpaged, nestedPage) : document };
    }
    if (last.unpaged.size === 0) break; // smaller default pages would change nothing
  }
  const smallest = last!.unpaged.size > 0 ? ` even with nested lists cut to ${NESTED_PAGE_SIZES.at(-1)} items` : '';
  throw badRequest(
    `The query is too expensive: its estimated cost is ${last!.cost}${smallest}, above the limit of ${MAX_COST}. ` +
      'Ask for smaller pages (limit) or fewer nested lists.',
    'QUERY_TOO_COMPLEX',
  );
}

/** Variables that can change an estimate: page sizes and @include/@skip conditions (Int and Boolean). */
function costVariables(operation: OperationDefinitionNode, variables: Record<string, unknown>): string {
  const names = (operation.variableDefinitions ?? [])
    .filter((definition) => {
      let type = definition.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      return type.name.value === 'Int' || type.name.value === 'Boolean';
    })
    .map((definition) => definition.variable.name.value);
  return JSON.stringify(names.map((name) => variables[name] ?? null));
}

const PLANS_PER_DOCUMENT = 64;

/**
 * Bounds every request by planQuery (HTTP 400 when refused), runs the planned document, and reports the estimate
 * and the default pages in the response's extensions. Plans are cached per document.
 */
export function costLimitPlugin<TContext extends BaseContext>(fanOut?: FanOut): ApolloServerPlugin<TContext> {
  const plans = new WeakMap<DocumentNode, Map<string, QueryPlan | GraphQLError>>();
  return {
    async requestDidStart() {
      let plan: QueryPlan | undefined;
      return {
        async didResolveOperation(requestContext) {
          const { document, operation, schema } = requestContext;
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], requestContext.request.variables ?? {});
          if (coerced.errors) return; // execution reports them, with HTTP 400
          const variables = coerced.coerced;
          checkRootTextArguments(schema, operation, variables);
          const key = `${operation.name?.value ?? ''}|${fanOut?.version ?? 0}|${costVariables(operation, variables)}`;
          let cached = plans.get(document);
          if (!cached) plans.set(document, (cached = new Map()));
          let found = cached.get(key);
          if (!found) {
            try {
              found = planQuery(schema, document, operation, variables, fanOut);
            } catch (error) {
              found = error instanceof GraphQLError && error.extensions.http ? error : badRequest((error as Error).message);
            }
            if (cached.size >= PLANS_PER_DOCUMENT) cached.clear();
            cached.set(key, found);
          }
          if (found instanceof GraphQLError) throw found;
          plan = found;
          // Apollo executes requestContext.document: the planned one, with the smaller default pages if any.
          (requestContext as { document: DocumentNode }).document = found.document;
        },
        async willSendResponse({ response }) {
          if (!plan || response.body.kind !== 'single') return;
          const pageSize = Object.keys(plan.pageSize).length > 0 ? { pageSize: plan.pageSize } : {};
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { estimated: plan.cost, limit: MAX_COST },
            ...pageSize,
          };
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
    // Ours (costLimitPlugin) prices list fields by the graph's fan-out, which this one cannot know.
    costLimit: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors hides suggestions cleanly in production.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
