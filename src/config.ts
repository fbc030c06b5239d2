/**
 * The only module that reads the environment. `loadConfig()` validates every variable once and returns a frozen,
 * typed object; a bad value is reported by name, with what was expected.
 */
import path from 'node:path';
import { UserError } from './errors';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

export interface ManagedNeo4jConfig {
  /** Where Maven puts the server jars (shared by every instance). */
  distDir: string;
  /** The instance: conf/, data/, logs/, run/ (pid file). */
  dataDir: string;
  /** JAVA_HOME, when set: the JDK to run Neo4j with (else `java` on PATH). */
  javaHome: string | undefined;
  boltPort: number;
  httpPort: number;
  heapSize: string;
  pageCacheSize: string;
  /** db.transaction.timeout: bounds every transaction (Neo4j's default is unbounded). */
  transactionTimeout: string;
  /** db.memory.transaction.max: bounds the memory of one transaction (Neo4j's default is unbounded). */
  transactionMemory: string;
  /** How long to wait for Bolt to answer after launching Java. */
  startTimeoutMs: number;
  /**
   * True when NEO4J_PASSWORD is unset: the server's password is generated at random with its data folder and kept
   * there (src/db/password.ts); `neo4j.password` is then empty until the server is started or attached to.
   */
  generatedPassword: boolean;
}

export interface Neo4jConnectionConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface ManagedCoreNLPConfig {
  /** Where Maven puts CoreNLP's jars and models (shared by every instance). */
  distDir: string;
  /** JAVA_HOME, when set: the JDK to run CoreNLP with (else `java` on PATH). */
  javaHome: string | undefined;
  /** 0: a free port, chosen at each start. */
  port: number;
  /** The JVM's heap (-Xmx). */
  memory: string;
  /** How long to wait for the server to load its models and answer. */
  startTimeoutMs: number;
}

export interface CoreNLPConfig {
  /** CORENLP_URL: a CoreNLP server already running; nothing is installed or started. */
  url: string | undefined;
  managed: ManagedCoreNLPConfig;
  /** Bound of one annotation request. */
  requestTimeoutMs: number;
  /** Bound of one text, in characters (code points). */
  maxChars: number;
}

/** Bearer tokens (JWT) for the write path, and for reading when AUTH_READ=token. */
export interface AuthConfig {
  /** AUTH_JWT_SECRET: the shared secret of HS256 tokens. */
  jwtSecret: string | undefined;
  /** AUTH_JWKS_URL: where the public keys of an identity provider's tokens are published (RS256, ES256...). */
  jwksUrl: string | undefined;
  /** AUTH_ISSUER, AUTH_AUDIENCE: when set, a token must carry this `iss` and this `aud`. */
  issuer: string | undefined;
  audience: string | undefined;
  /** AUTH_ROLES_CLAIM: the claim that lists a token's roles (a list, or one string of roles separated by spaces). */
  rolesClaim: string;
  /** AUTH_READ: `open` (GraphQL needs no token) or `token` (GraphQL needs the role reader or curator). */
  read: 'open' | 'token';
  /** Tokens are accepted at all: a secret or a JWKS URL is set. Without, writing over HTTP is refused. */
  configured: boolean;
}

export interface Config {
  /** True when NEO4J_URI is unset: the project installs, starts and stops its own Neo4j. */
  managed: boolean;
  neo4j: Neo4jConnectionConfig;
  managedNeo4j: ManagedNeo4jConfig;
  api: {
    host: string;
    port: number;
    /** NODE_ENV=production: masked errors, no schema hints. */
    production: boolean;
    introspection: boolean;
    /** Bound of every database transaction an API request runs (below the HTTP request timeout). */
    queryTimeoutMs: number;
    /**
     * How long the driver keeps retrying a failed transaction (after a leader switch, a dropped connection). Its
     * first retry comes about 1 s after a failure, its next about 2 s later: 500 ms allows exactly one, so a query
     * fails within about a second when the database is down (and src/db/availability.ts fails the next ones at once).
     */
    retryTimeMs: number;
    /** Bound of a whole HTTP request: above the query bound plus the retries, so the database gives up first. */
    requestTimeoutMs: number;
    /** `npm start` compiles the Explorer's and the examples' query plans once it listens (API_WARM_UP, default true). */
    warmUp: boolean;
  };
  /** Seed an empty database on start (SEED_ON_START, default true). */
  seedOnStart: boolean;
  /** Stanford CoreNLP, for extraction from raw text. */
  corenlp: CoreNLPConfig;
  auth: AuthConfig;
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number, allowZero = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const min = allowZero ? 0 : 1;
  if (!/^\d+$/.test(raw.trim()) || value < min || value > 65535) {
    throw new UserError(`${name} must be a port number (${min}-65535), got '${raw}'.`);
  }
  return value;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) {
    throw new UserError(`${name} must be a positive whole number, got '${raw}'.`);
  }
  return Number(raw);
}

function matching(env: Env, name: string, fallback: string, pattern: RegExp, expected: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!pattern.test(raw.trim())) throw new UserError(`${name} must be ${expected}, got '${raw}'.`);
  return raw.trim();
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new UserError(`${name} must be true or false, got '${raw}'.`);
}

function dir(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return path.resolve(PROJECT_ROOT, raw === undefined || raw === '' ? fallback : raw);
}

const SIZE = /^\d+[kmg]$/i;

function durationMs(duration: string): number {
  const [, amount, unit] = /^(\d+)(ms|s|m|h)$/.exec(duration)!;
  return Number(amount) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms'];
}
const DURATION = /^\d+(ms|s|m|h)$/;

/** An http(s) server address with an optional path, no query: http://host:9000 or https://host/corenlp. */
function serverUrl(env: Env, name: string, example = 'http://host:9000'): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new UserError(`${name} must look like ${example} (http or https, optionally a path), got '${raw}'.`);
  }
  return raw.replace(/\/+$/, '');
}

/** The shortest HS256 secret accepted: 256 bits, the size of the hash (RFC 7518, section 3.2). */
export const MIN_JWT_SECRET_BYTES = 32;

function authConfig(env: Env): AuthConfig {
  const jwtSecret = env.AUTH_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < MIN_JWT_SECRET_BYTES) {
    throw new UserError(
      `AUTH_JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes (HS256 needs a 256-bit key), got ${Buffer.byteLength(jwtSecret)}. ` +
        'Generate one with: openssl rand -base64 48',
    );
  }
  const jwksUrl = serverUrl(env, 'AUTH_JWKS_URL', 'https://idp.example.com/.well-known/jwks.json');
  const read = matching(env, 'AUTH_READ', 'open', /^(open|token)$/, 'open or token');
  const configured = jwtSecret !== undefined || jwksUrl !== undefined;
  if (read === 'token' && !configured) {
    throw new UserError('AUTH_READ=token needs AUTH_JWT_SECRET or AUTH_JWKS_URL: without them no token can be verified.');
  }
  return {
    jwtSecret,
    jwksUrl,
    issuer: env.AUTH_ISSUER?.trim() || undefined,
    audience: env.AUTH_AUDIENCE?.trim() || undefined,
    rolesClaim: env.AUTH_ROLES_CLAIM?.trim() || 'roles',
    read: read as AuthConfig['read'],
    configured,
  };
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const uri = env.NEO4J_URI?.trim() || undefined;
  const managed = uri === undefined;
  if (uri !== undefined && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
    throw new UserError(
      `NEO4J_URI must look like neo4j://host:7687 or bolt://host:7687 (optionally +s or +ssc), got '${uri}'.`,
    );
  }
  if (!managed && !env.NEO4J_PASSWORD) {
    throw new UserError(`NEO4J_PASSWORD is required when NEO4J_URI is set (connecting to ${uri}).`);
  }
  const boltPort = port(env, 'NEO4J_BOLT_PORT', 7687);
  const httpPort = port(env, 'NEO4J_HTTP_PORT', 7474);
  if (managed && boltPort === httpPort) {
    throw new UserError(`NEO4J_BOLT_PORT and NEO4J_HTTP_PORT must differ (both are ${boltPort}).`);
  }
  const database = matching(env, 'NEO4J_DATABASE', 'neo4j', /^[a-z][a-z0-9.-]{2,62}$/, 'a database name such as neo4j');
  const production = env.NODE_ENV === 'production';

  const config: Config = {
    managed,
    neo4j: {
      uri: uri ?? `bolt://127.0.0.1:${boltPort}`,
      username: env.NEO4J_USERNAME || 'neo4j',
      password: env.NEO4J_PASSWORD || '',
      database,
    },
    managedNeo4j: {
      distDir: dir(env, 'NEO4J_DIST_DIR', '.neo4j/dist'),
      dataDir: dir(env, 'NEO4J_DATA_DIR', '.neo4j/instance'),
      javaHome: env.JAVA_HOME || undefined,
      boltPort,
      httpPort,
      heapSize: matching(env, 'NEO4J_HEAP_SIZE', '512m', SIZE, 'a size such as 512m or 2g'),
      pageCacheSize: matching(env, 'NEO4J_PAGECACHE_SIZE', '128m', SIZE, 'a size such as 128m or 1g'),
      transactionTimeout: matching(env, 'NEO4J_TRANSACTION_TIMEOUT', '10s', DURATION, 'a duration such as 10s or 500ms'),
      transactionMemory: matching(env, 'NEO4J_TRANSACTION_MEMORY', '256m', SIZE, 'a size such as 256m'),
      startTimeoutMs: positiveInt(env, 'NEO4J_START_TIMEOUT', 120) * 1000,
      generatedPassword: !env.NEO4J_PASSWORD,
    },
    api: {
      host: env.HOST || '127.0.0.1',
      port: port(env, 'PORT', 4000, true),
      production,
      introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
      queryTimeoutMs: durationMs(matching(env, 'API_QUERY_TIMEOUT', '5s', DURATION, 'a duration such as 5s or 800ms')),
      retryTimeMs: 500,
      requestTimeoutMs: durationMs(matching(env, 'API_REQUEST_TIMEOUT', '30s', DURATION, 'a duration such as 30s')),
      warmUp: bool(env, 'API_WARM_UP', true),
    },
    seedOnStart: bool(env, 'SEED_ON_START', true),
    corenlp: {
      url: serverUrl(env, 'CORENLP_URL'),
      managed: {
        distDir: dir(env, 'CORENLP_DIST_DIR', '.corenlp/dist'),
        javaHome: env.JAVA_HOME || undefined,
        port: port(env, 'CORENLP_PORT', 0, true),
        memory: matching(env, 'CORENLP_MEMORY', '3g', SIZE, 'a size such as 3g or 2500m'),
        startTimeoutMs: positiveInt(env, 'CORENLP_START_TIMEOUT', 300) * 1000,
      },
      requestTimeoutMs: durationMs(matching(env, 'CORENLP_TIMEOUT', '60s', DURATION, 'a duration such as 60s or 2m')),
      maxChars: positiveInt(env, 'CORENLP_MAX_CHARS', 100_000),
    },
    auth: authConfig(env),
  };
  const { queryTimeoutMs, retryTimeMs, requestTimeoutMs } = config.api;
  if (queryTimeoutMs + retryTimeMs >= requestTimeoutMs) {
    throw new UserError(
      `API_REQUEST_TIMEOUT (${requestTimeoutMs} ms) must be longer than API_QUERY_TIMEOUT (${queryTimeoutMs} ms) ` +
        `plus the driver's retries (${retryTimeMs} ms), so that a slow query fails before its HTTP request does.`,
    );
  }
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
