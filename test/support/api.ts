/** The API from its factory, served over real HTTP on a free port, and a small client for it. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { createApi, type Api } from '../../src/api/server';
import type { Config } from '../../src/config';

export interface TestApi {
  url: string;
  api: Api;
  errors: string[];
  close(): Promise<void>;
}

export async function startTestApi(driver: Driver, config: Readonly<Config>): Promise<TestApi> {
  const errors: string[] = [];
  const api = await createApi({ driver, config, log: (line) => errors.push(line) });
  const server = http.createServer(api.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    api,
    errors,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stop();
    },
  };
}

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
  text: string;
}

export async function postGraphQL(
  url: string,
  payload: unknown,
  { raw = false, headers = {} }: { raw?: boolean; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw ? (payload as string) : JSON.stringify(payload),
  });
  const text = await response.text();
  let body: GraphQLResponse['body'] = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test looks at text
  }
  return { status: response.status, body, text };
}

/** The data of a GraphQL answer from the test API; the test fails if the answer has errors. */
export async function graphqlData(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const response = await postGraphQL(url, { query, variables });
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Record<string, any>;
}
