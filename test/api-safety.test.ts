/**
 * Bad input gets a clear GraphQL error with the right HTTP status and no stack trace, and the server keeps
 * serving; the API is read-only, bounded in size, depth, aliases, cost and time, and masks internals in production.
 */
import { GraphQLError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { errorFormatter } from '../src/api/errors';
import { MAX_BODY_BYTES } from '../src/api/http';
import { MAX_ALIASES, MAX_DEPTH, MAX_PAGE_SIZE } from '../src/api/limits';
import { createDriver } from '../src/db/connect';
import { postGraphQL, startTestApi, type GraphQLResponse, type TestApi } from './support/api';
import { seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const GOOD = '{ people(where: { name: { eq: "Viktor Khrenin" } }) { name } }';
const GOOD_ANSWER = { people: [{ name: 'Viktor Khrenin' }] };
/** What leaks when a database error reaches the client unmasked. */
const JAVA_INTERNALS = /java\.|org\.apache|org\.neo4j|Exception|apoc\./;

function expectClientError(response: GraphQLResponse, status: number, code: string, message: string | RegExp): void {
  expect(response.status).toBe(status);
  expect(response.body.errors?.length).toBeGreaterThan(0);
  const [error] = response.body.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(response.text).not.toMatch(/stacktrace|\s+at \S+ \(/);
}

describe('the API under bad input', () => {
  // A generous query bound: the deep queries here must not time out on a busy machine.
  const config = testConfig({ API_QUERY_TIMEOUT: '20s' });
  let driver: Driver;
  let api: TestApi;
  const post = (payload: unknown, options?: Parameters<typeof postGraphQL>[2]) => postGraphQL(api.url, payload, options);

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
  });
  afterEach(async () => {
    // Whatever came before, the server still answers a good question.
    const response = await post({ query: GOOD });
    expect({ status: response.status, data: response.body.data, errors: response.body.errors }).toEqual({ status: 200, data: GOOD_ANSWER, errors: undefined });
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  it('a syntax error: 400, with where', async () => {
    const response = await post({ query: '{ people { name }' });
    expectClientError(response, 400, 'GRAPHQL_PARSE_FAILED', 'Syntax Error: Expected Name, found <EOF>.');
    expect(response.body.errors![0]).toMatchObject({ locations: [{ line: 1, column: 18 }] });
  });

  it('an unknown field: 400, naming the field and the type', async () => {
    expectClientError(await post({ query: '{ people { nickname } }' }), 400, 'GRAPHQL_VALIDATION_FAILED', 'Cannot query field "nickname" on type "Person".');
  });

  it('a variable of the wrong type: 400, naming the variable', async () => {
    expectClientError(
      await post({ query: 'query($text: String!) { search(text: $text) { name } }', variables: { text: 42 } }),
      400,
      'BAD_USER_INPUT',
      'Variable "$text" got invalid value 42; String cannot represent a non string value: 42',
    );
    expectClientError(
      await post({ query: 'query($text: Int!) { search(text: $text) { name } }', variables: { text: 1 } }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      'Variable "$text" of type "Int!" used in position expecting type "String!".',
    );
  });

  it('a depth bomb: 400', async () => {
    const nested = (depth: number): string => (depth === 0 ? 'name' : `counterparts { ${nested(depth - 1)} }`);
    expectClientError(
      await post({ query: `{ people(limit: 1) { ${nested(MAX_DEPTH + 2)} } }` }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      `Query depth limit of ${MAX_DEPTH} exceeded`,
    );
  });

  it('an alias bomb: 400', async () => {
    const aliases = Array.from({ length: MAX_ALIASES + 5 }, (_, i) => `a${i}: people(limit: 1) { name }`).join(' ');
    expectClientError(await post({ query: `{ ${aliases} }` }), 400, 'GRAPHQL_VALIDATION_FAILED', `Aliases limit of ${MAX_ALIASES} exceeded`);
  });

  it('a page size over the maximum, or below one: 400, with the bounds', async () => {
    expectClientError(
      await post({ query: '{ people(limit: 1000) { name } }' }),
      400,
      'BAD_USER_INPUT',
      `Argument "limit" of field "people" must be between 1 and ${MAX_PAGE_SIZE}, got 1000.`,
    );
    expectClientError(
      await post({ query: 'query($n: Int) { agreements { parties(limit: $n) { name } } }', variables: { n: 0 } }),
      400,
      'BAD_USER_INPUT',
      `Argument "limit" of field "parties" must be between 1 and ${MAX_PAGE_SIZE}, got 0.`,
    );
  });

  it('a query too expensive to run even with small default pages: 400', async () => {
    // Every passage's source's passages' source's passages...: the seed's one source has every passage.
    const nested = (depth: number, limit: string): string =>
      depth === 0 ? 'quote' : `source${limit} { passages${limit} { ${nested(depth - 1, limit)} } }`;
    expectClientError(
      await post({ query: `{ passages(limit: ${MAX_PAGE_SIZE}) { ${nested(3, `(limit: ${MAX_PAGE_SIZE})`)} } }` }),
      400,
      'QUERY_TOO_COMPLEX',
      /^The query is too expensive: its estimated cost is \d+, above the limit of 100000\. Ask for smaller pages \(limit\) or fewer nested lists\.$/,
    );
    // The same lists without a limit are answered, cut to a smaller default page that the response states.
    const answered = await post({ query: `{ passages(limit: ${MAX_PAGE_SIZE}) { ${nested(3, '')} } }` });
    expect({ status: answered.status, errors: answered.body.errors }).toEqual({ status: 200, errors: undefined });
    const pageSize = (answered.body.extensions as { pageSize: Record<string, number> }).pageSize;
    expect(Object.keys(pageSize)).toEqual([
      'passages.source',
      'passages.source.passages',
      'passages.source.passages.source',
      'passages.source.passages.source.passages',
      'passages.source.passages.source.passages.source',
      'passages.source.passages.source.passages.source.passages',
    ]);
    const [size] = new Set(Object.values(pageSize));
    expect({ sizes: new Set(Object.values(pageSize)).size, smaller: [20, 10, 5].includes(size) }).toEqual({ sizes: 1, smaller: true });
    const firstPassage = (answered.body.data as { passages: Array<{ source: Array<{ passages: unknown[] }> }> }).passages[0];
    expect(firstPassage.source[0].passages).toHaveLength(size);
  });

  it('a search text too long or with too many words: 400, and no database internals', async () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    for (const [text, message] of [
      [words, `Argument "text" of field "search" is ${words.length} characters long; at most 200 are allowed.`],
      ['x'.repeat(60_000), 'Argument "text" of field "search" is 60000 characters long; at most 200 are allowed.'],
      ['one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen', 'Argument "text" of field "search" has 17 words; at most 16 are searched.'],
    ]) {
      const response = await post({ query: 'query($text: String!) { search(text: $text) { name } }', variables: { text } });
      expectClientError(response, 400, 'BAD_USER_INPUT', message);
      expect(response.text).not.toMatch(JAVA_INTERNALS);
    }
  });

  it('a name too long, blank, or too many names: 400', async () => {
    expectClientError(
      await post({ query: 'query($name: String!) { exchangesOf(person: $name) { name } }', variables: { name: 'n'.repeat(201) } }),
      400,
      'BAD_USER_INPUT',
      'Argument "person" of field "exchangesOf" is 201 characters long; at most 200 are allowed.',
    );
    expectClientError(
      await post({ query: '{ connection(from: "  ", to: "Belarus") { found } }' }),
      400,
      'BAD_USER_INPUT',
      'Argument "from" of field "connection" names nobody: give a name or an alias.',
    );
    expectClientError(
      await post({ query: 'query($names: [String!]!) { agreementsBetween(countries: $names) { title } }', variables: { names: Array(11).fill('Belarus') } }),
      400,
      'BAD_USER_INPUT',
      'Argument "countries" of field "agreementsBetween" takes 1 to 10 names, got 11.',
    );
  });

  it('an oversized body: 413', async () => {
    const query = `{ people { name } } # ${'x'.repeat(MAX_BODY_BYTES)}`;
    expectClientError(await post({ query }), 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${MAX_BODY_BYTES} bytes.`);
  });

  it('a body that is not JSON: 400', async () => {
    expectClientError(await post('{"query": ', { raw: true }), 400, 'BAD_REQUEST', /^Request body is not valid JSON: /);
  });

  it('a batch of operations: 400 (batching is off)', async () => {
    const response = await post([{ query: GOOD }, { query: GOOD }]);
    expect(response.status).toBe(400);
    expect(response.text).toContain('Operation batching disabled.');
  });

  it('a mutation: 400, the API is read-only', async () => {
    expectClientError(
      await post({ query: 'mutation { createPeople(input: [{ name: "X" }]) { people { name } } }' }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      'This API is read-only: it serves queries, not mutations.',
    );
    const { records } = await driver.executeQuery("MATCH (p:Person {name: 'X'}) RETURN count(p) AS n");
    expect(records[0].get('n')).toBe(0);
  });

  it('an unknown path: 404 in GraphQL shape', async () => {
    const response = await fetch(`${api.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'No such path: /nothing-here. The GraphQL endpoint is /graphql.', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('a GET request without the CSRF header: 400', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent(GOOD)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('potential Cross-Site Request Forgery');
  });
});

describe('the API bounds every query by the transaction timeout', () => {
  it('runs every query as one read bounded by API_QUERY_TIMEOUT', async () => {
    const config = testConfig({ API_QUERY_TIMEOUT: '1500ms' });
    const driver = createDriver(config.neo4j);
    // Record what the API asks the driver for (the server enforces it: see neo4j-server.test.ts).
    const seen: Array<{ accessMode: unknown; timeout: unknown } | string> = [];
    let started = false;
    const session = driver.session.bind(driver);
    driver.session = ((sessionConfig) => {
      const opened = session(sessionConfig);
      const run = opened.run.bind(opened);
      opened.run = ((query, parameters, txConfig) => {
        seen.push({ accessMode: sessionConfig?.defaultAccessMode, timeout: txConfig?.timeout });
        return run(query, parameters, txConfig);
      }) as typeof opened.run;
      const executeRead = opened.executeRead.bind(opened);
      opened.executeRead = ((work, txConfig) => {
        if (!started) return executeRead(work, txConfig); // start-up checks (checkNeo4jCompat)
        seen.push('executeRead');
        throw new Error('the API runs one auto-commit read per request');
      }) as typeof opened.executeRead;
      opened.executeWrite = (() => {
        seen.push('executeWrite');
        throw new Error('the API must not write');
      }) as typeof opened.executeWrite;
      return opened;
    }) as typeof driver.session;
    const api = await startTestApi(driver, config);
    started = true;
    seen.length = 0; // start-up checks (checkNeo4jCompat, the fan-out) are not requests
    try {
      for (const query of [GOOD, '{ search(text: "khrenin") { name } }', '{ connection(from: "Pakistan", to: "Belarus") { length } }']) {
        expect((await postGraphQL(api.url, { query })).status).toBe(200);
      }
      expect(seen).toEqual([
        { accessMode: 'READ', timeout: 1500 },
        { accessMode: 'READ', timeout: 1500 },
        { accessMode: 'READ', timeout: 1500 },
      ]);
    } finally {
      await api.close();
      await driver.close();
    }
  });

  it('answers a query the database stopped with a clear message and no internals', () => {
    const format = errorFormatter({ production: true, queryTimeoutMs: 1500, log: () => undefined });
    const timedOut = Object.assign(new Error('The transaction has been terminated...'), {
      code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    });
    const formatted = format(
      { message: timedOut.message, path: ['people'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      new GraphQLError(timedOut.message, { originalError: timedOut, path: ['people'] }),
    );
    expect(formatted).toEqual({
      message: 'The query ran longer than the limit of 1.5 s and was stopped. Ask for less (filters, smaller pages).',
      path: ['people'],
      locations: undefined,
      extensions: { code: 'QUERY_TIMEOUT' },
    });
  });
});

describe('the API in production', () => {
  const config = testConfig({ NODE_ENV: 'production' });
  let driver: Driver;
  let api: TestApi;
  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    api = await startTestApi(driver, config);
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  it('gives no "did you mean" schema hints', async () => {
    const development = await startTestApi(driver, testConfig());
    try {
      const hinted = await postGraphQL(development.url, { query: '{ people { nam } }' });
      expect(hinted.body.errors?.[0].message).toContain('Did you mean "name"');
    } finally {
      await development.close();
    }
    const masked = await postGraphQL(api.url, { query: '{ people { nam } }' });
    expect(masked.status).toBe(400);
    expect(masked.body.errors?.[0].message).toBe('Cannot query field "nam" on type "Person".');
  });

  it('refuses introspection unless GRAPHQL_INTROSPECTION allows it', async () => {
    const response = await postGraphQL(api.url, { query: '{ __schema { queryType { name } } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
    const allowed = await startTestApi(driver, testConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }));
    try {
      expect((await postGraphQL(allowed.url, { query: '{ __schema { queryType { name } } }' })).body.data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    } finally {
      await allowed.close();
    }
  });

  it('does not serve the schema SDL while introspection is off', async () => {
    const response = await fetch(`${api.url}/schema.graphql`);
    expect(response.status).toBe(404);
  });

  it('masks an unexpected failure as "Internal server error." and logs it', async () => {
    // A person without a name breaks the schema's promise (name: String!): the kind of bug masking is for.
    await driver.executeQuery("MERGE (p:Person:Fact {id: 'person:broken'})");
    try {
      const response = await postGraphQL(api.url, { query: '{ people(where: { id: { eq: "person:broken" } }) { name } }' });
      expect(response.body.errors?.[0]).toMatchObject({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(response.text).not.toMatch(/non-nullable|Person\.name|stacktrace/);
      expect(api.errors.join('\n')).toContain('Cannot return null for non-nullable field Person.name.');
    } finally {
      await driver.executeQuery("MATCH (p {id: 'person:broken'}) DETACH DELETE p");
    }
  });
});

describe('/health', () => {
  it('is 200 with the database version while it answers, 503 when it does not', async () => {
    const config = testConfig();
    const driver = createDriver(config.neo4j);
    const api = await startTestApi(driver, config);
    try {
      const healthy = await fetch(`${api.url}/health`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toEqual({ status: 'ok', neo4j: { version: expect.stringMatching(/^5\.26\./), edition: 'community' } });
      await driver.close();
      const unhealthy = await fetch(`${api.url}/health`);
      expect(unhealthy.status).toBe(503);
      expect(await unhealthy.json()).toMatchObject({ status: 'unavailable' });
    } finally {
      await api.close();
    }
  });
});
