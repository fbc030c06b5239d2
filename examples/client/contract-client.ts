/**
 * A small typed client of the API: one function per contract question, each sending an operation of
 * operations.graphql over HTTP and returning its answer with the type generated for it (generated.ts, by
 * `npm run client:types`). Only `fetch` and graphql-js's `print`: copy it into a project as it is.
 *
 *   const client = contractClient('http://localhost:4000/graphql');
 *   const exchanges = await client.exchangesOf('Ishaq Dar'); // ExchangesOfPersonQuery['exchangesOf']
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  AgreementsBetweenCountriesDocument,
  ConnectionBetweenDocument,
  ExchangesOfPersonDocument,
  PersonWithEvidenceDocument,
  SearchNamesDocument,
} from './generated';

/** A GraphQL error of the API: its message says what and where; `code` says which kind (BAD_USER_INPUT...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface Answer<T> {
  data: T;
  /** What the API says of the request: its estimated cost, and the page a list asked without `limit` got. */
  extensions: { cost?: { estimated: number; limit: number }; pageSize?: Record<string, number> };
}

export function contractClient(url: string, { headers = {} }: { headers?: Record<string, string> } = {}) {
  const printed = new WeakMap<object, string>();
  async function request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Answer<Result>> {
    let query = printed.get(document);
    if (!query) printed.set(document, (query = print(document)));
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: Result | null;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
      extensions?: Answer<Result>['extensions'];
    };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new ApiError(first.message, response.status, first.extensions?.code as string | undefined, first.extensions ?? {});
    }
    if (!response.ok || !body.data) throw new ApiError(`The API answered HTTP ${response.status} without data.`, response.status, undefined, {});
    return { data: body.data, extensions: body.extensions ?? {} };
  }

  return {
    request,
    /** The document exchanges a person took a side in, by name or alias. */
    exchangesOf: async (person: string) => (await request(ExchangesOfPersonDocument, { person })).data.exchangesOf,
    /** The agreements every one of these countries signed, by title. */
    agreementsBetween: async (countries: string[], limit?: number) =>
      (await request(AgreementsBetweenCountriesDocument, { countries, limit })).data.agreementsBetween,
    /** The shortest path over facts between two actors (found: false when there is none). */
    connection: async (from: string, to: string) => (await request(ConnectionBetweenDocument, { from, to })).data.connection,
    search: async (text: string, limit?: number) => (await request(SearchNamesDocument, { text, limit })).data.search,
    /** A person with positions and the passages that cite them; undefined when nobody has that exact name. */
    person: async (name: string) => (await request(PersonWithEvidenceDocument, { name })).data.people[0],
  };
}

export type ContractClient = ReturnType<typeof contractClient>;
