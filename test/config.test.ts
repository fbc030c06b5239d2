import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config';

describe('loadConfig', () => {
  it('uses the managed local server on the default ports when NEO4J_URI is unset', () => {
    const config = loadConfig({});
    expect(config.managed).toBe(true);
    expect(config.neo4j).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      username: 'neo4j',
      // No password in the code or the README: the managed server's is generated with its data folder.
      password: '',
      database: 'neo4j',
    });
    expect(config.managedNeo4j).toMatchObject({
      boltPort: 7687,
      httpPort: 7474,
      dataDir: path.join(PROJECT_ROOT, '.neo4j/instance'),
      distDir: path.join(PROJECT_ROOT, '.neo4j/dist'),
      transactionTimeout: '10s',
      transactionMemory: '256m',
      generatedPassword: true,
    });
    expect(config.api).toEqual({
      host: '127.0.0.1',
      port: 4000,
      production: false,
      introspection: true,
      queryTimeoutMs: 5000,
      retryTimeMs: 500,
      requestTimeoutMs: 30000,
      warmUp: true,
    });
    expect(loadConfig({ API_WARM_UP: 'false' }).api.warmUp).toBe(false);
  });

  it('uses the server NEO4J_URI names, and starts nothing', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://example.databases.neo4j.io',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'news',
      PORT: '8080',
    });
    expect(config.managed).toBe(false);
    expect(config.neo4j).toEqual({
      uri: 'neo4j+s://example.databases.neo4j.io',
      username: 'reader',
      password: 'secret',
      database: 'news',
    });
    expect(config.api.port).toBe(8080);
  });

  it('uses NEO4J_PASSWORD for the managed server when it is set, instead of a generated one', () => {
    const config = loadConfig({ NEO4J_PASSWORD: 'chosen' });
    expect(config.neo4j.password).toBe('chosen');
    expect(config.managedNeo4j.generatedPassword).toBe(false);
  });

  it('runs its own CoreNLP on a free port with 3g unless CORENLP_URL names a server', () => {
    expect(loadConfig({}).corenlp).toEqual({
      url: undefined,
      managed: {
        distDir: path.join(PROJECT_ROOT, '.corenlp/dist'),
        javaHome: undefined,
        port: 0,
        memory: '3g',
        startTimeoutMs: 300_000,
      },
      requestTimeoutMs: 60_000,
      maxChars: 100_000,
    });
    const external = loadConfig({ CORENLP_URL: 'http://nlp.internal:9000/', CORENLP_TIMEOUT: '2m', CORENLP_MAX_CHARS: '50000' });
    expect(external.corenlp).toMatchObject({ url: 'http://nlp.internal:9000', requestTimeoutMs: 120_000, maxChars: 50_000 });
    expect(loadConfig({ CORENLP_URL: 'https://example.org/corenlp' }).corenlp.url).toBe('https://example.org/corenlp');
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.neo4j)).toBe(true);
  });

  it('turns on masked errors and off introspection in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).api).toMatchObject({ production: true, introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).api.introspection).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, "PORT must be a port number (0-65535), got 'abc'."],
    [{ NEO4J_BOLT_PORT: '70000' }, "NEO4J_BOLT_PORT must be a port number (1-65535), got '70000'."],
    [{ NEO4J_BOLT_PORT: '7000', NEO4J_HTTP_PORT: '7000' }, 'NEO4J_BOLT_PORT and NEO4J_HTTP_PORT must differ (both are 7000).'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI must look like'],
    [{ NEO4J_URI: 'bolt://db:7687' }, 'NEO4J_PASSWORD is required when NEO4J_URI is set'],
    [{ NEO4J_TRANSACTION_TIMEOUT: 'forever' }, "NEO4J_TRANSACTION_TIMEOUT must be a duration such as 10s or 500ms, got 'forever'."],
    [{ NEO4J_HEAP_SIZE: '1 GB' }, "NEO4J_HEAP_SIZE must be a size such as 512m or 2g, got '1 GB'."],
    [{ SEED_ON_START: 'maybe' }, "SEED_ON_START must be true or false, got 'maybe'."],
    [{ NEO4J_DATABASE: 'My DB' }, "NEO4J_DATABASE must be a database name such as neo4j, got 'My DB'."],
    [{ API_QUERY_TIMEOUT: '60s' }, 'API_REQUEST_TIMEOUT (30000 ms) must be longer than API_QUERY_TIMEOUT (60000 ms) plus'],
    [{ CORENLP_URL: 'localhost:9000' }, "CORENLP_URL must look like http://host:9000 (http or https, optionally a path), got 'localhost:9000'."],
    [{ CORENLP_URL: 'http://host:9000/?properties=x' }, 'CORENLP_URL must look like http://host:9000'],
    [{ CORENLP_PORT: '99999' }, "CORENLP_PORT must be a port number (0-65535), got '99999'."],
    [{ CORENLP_MEMORY: '3 GB' }, "CORENLP_MEMORY must be a size such as 3g or 2500m, got '3 GB'."],
    [{ CORENLP_START_TIMEOUT: 'soon' }, "CORENLP_START_TIMEOUT must be a positive whole number, got 'soon'."],
    [{ CORENLP_TIMEOUT: '1 minute' }, "CORENLP_TIMEOUT must be a duration such as 60s or 2m, got '1 minute'."],
    [{ CORENLP_MAX_CHARS: '0' }, "CORENLP_MAX_CHARS must be a positive whole number, got '0'."],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
