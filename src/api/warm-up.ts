/**
 * Compiles the Cypher plans of the questions users ask first, before they ask them. Neo4j plans each distinct Cypher
 * statement the first time it runs (about a second for the statements @neo4j/graphql generates for a page of the
 * Explorer, several under load) and caches the plan by its text; the text depends on the GraphQL document and its
 * selection, not on the variables' values. So asking each document once, with values that match nothing, leaves
 * every plan compiled: the Explorer's queries (the documents its pages send, built from the running schema as the
 * page builds them) and the example questions of examples/ (the contract's, in the IDE and the README).
 *
 * Each question goes through Apollo as a request would (validation, limits, the read executor), one at a time; a
 * failure is counted, never thrown: warming is an optimisation, and the API serves meanwhile.
 */
import type { ApolloServer } from '@apollo/server';
import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import { Kind, parse, type GraphQLSchema, type TypeNode } from 'graphql';
import { queries } from '../explore/client/queries';
import { schemaOf } from '../explore/client/settings';
import { explorerSettings } from '../explore/page';
import { loadExamples } from './examples';

export interface WarmUpQuestion {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** A value of the variable's type that matches no fact: ids and names no fact has, page offsets of 0. */
function placeholder(type: TypeNode): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) return placeholder(type.type);
  if (type.kind === Kind.LIST_TYPE) return [placeholder(type.type)];
  switch (type.name.value) {
    case 'Int':
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    default:
      return 'warm-up: no such fact';
  }
}

/** The questions to warm: every Explorer query of the running schema, then the example questions. */
export function warmUpQuestions(schema: GraphQLSchema): WarmUpQuestion[] {
  const explorer = Object.entries(queries(schemaOf(explorerSettings(schema)))).map(([name, query]) => ({ name: `explore:${name}`, query }));
  const examples = loadExamples().map(({ name, query }) => ({ name: `example:${name}`, query }));
  return [...explorer, ...examples].map(({ name, query }) => {
    const variables: Record<string, unknown> = {};
    for (const definition of parse(query).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const variable of definition.variableDefinitions ?? []) variables[variable.variable.name.value] = placeholder(variable.type);
    }
    return { name, query, variables };
  });
}

export interface WarmUpResult {
  questions: number;
  /** The questions answered with errors (an unknown name, a timeout...): their plans may not be compiled. */
  failed: string[];
  ms: number;
}

export async function warmUpPlans(
  apollo: ApolloServer<Neo4jGraphQLContext>,
  context: () => Promise<Neo4jGraphQLContext>,
  schema: GraphQLSchema,
): Promise<WarmUpResult> {
  const started = performance.now();
  const questions = warmUpQuestions(schema);
  const failed: string[] = [];
  for (const question of questions) {
    try {
      const response = await apollo.executeOperation({ query: question.query, variables: question.variables }, { contextValue: await context() });
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      // An unresolved placeholder name is an answer (BAD_USER_INPUT) after the statement ran: its plan is compiled.
      if (errors?.some((error) => error.extensions?.code !== 'BAD_USER_INPUT')) failed.push(question.name);
    } catch {
      failed.push(question.name);
    }
  }
  return { questions: questions.length, failed, ms: performance.now() - started };
}
