/**
 * The write path: POST /articles over real HTTP on the real Neo4j. Tokens are checked (none, a bad signature, an
 * expired one, the wrong role, the right role; HS256 with the secret and RS256 against a JWKS served here), the
 * article is checked as the CLI checks a file (an invalid one is a 400 with every problem and writes nothing), and
 * the source records who loaded it, which GraphQL shows.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import type { Driver } from 'neo4j-driver';
import { parse as parseYaml } from 'yaml';
import { mintToken } from '../src/auth/mint';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { MAX_ARTICLE_FILE_BYTES } from '../src/ingest/validate';
import { dataQualityReport, formatReport } from '../src/report/data-quality';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { graphSnapshot, seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const ARTICLE_FILE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles', '103-working-group.yaml');
const ARTICLE_YAML = fs.readFileSync(ARTICLE_FILE, 'utf8');
const SOURCE_ID = 'source:fixture-103-working-group';
const CHALLENGE = 'Bearer realm="diplomatic-graph"';

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

async function postArticle(url: string, body: string, headers: Record<string, string> = {}, query = ''): Promise<Answer> {
  const response = await fetch(`${url}/articles${query}`, { method: 'POST', headers: { 'content-type': 'application/yaml', ...headers }, body });
  return { status: response.status, headers: response.headers, body: JSON.parse(await response.text()) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const hs256 = (claims: JWTPayload, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

async function sourceOf(url: string, id: string, headers: Record<string, string> = {}) {
  const response = await postGraphQL(url, { query: `{ sources(where: { id: { eq: "${id}" } }) { id name loadedBy loadedAt } }` }, { headers });
  return response;
}

describe('POST /articles with HS256 tokens', () => {
  const config = testConfig({ AUTH_JWT_SECRET: SECRET });
  let driver: Driver;
  let api: TestApi;
  const curator = () => mintToken(config.auth, { subject: 'alice@desk', roles: ['curator'], expiresIn: '10m' });

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    api = await startTestApi(driver, config);
  });
  beforeEach(() => seededGraph(driver));
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  /** Every refusal leaves the graph as it was. */
  async function expectRefused(answer: Promise<Answer>, status: number, code: string, message: RegExp): Promise<Answer> {
    const before = await graphSnapshot(driver);
    const result = await answer;
    expect({ status: result.status, code: result.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(result.body.errors[0].message).toMatch(message);
    expect(await graphSnapshot(driver)).toEqual(before);
    return result;
  }

  it('without a token: 401 with a Bearer challenge', async () => {
    const answer = await expectRefused(postArticle(api.url, ARTICLE_YAML), 401, 'UNAUTHENTICATED', /A bearer token is required/);
    expect(answer.headers.get('www-authenticate')).toBe(CHALLENGE);
  });

  it('with a token signed by another secret: 401, invalid_token', async () => {
    const forged = await hs256({ sub: 'mallory', roles: ['curator'], exp: inAnHour() }, 'another-secret-of-at-least-thirty-two-bytes');
    const answer = await expectRefused(postArticle(api.url, ARTICLE_YAML, bearer(forged)), 401, 'UNAUTHENTICATED', /signature is not valid/);
    expect(answer.headers.get('www-authenticate')).toBe(`${CHALLENGE}, error="invalid_token", error_description="bad signature"`);
  });

  it('with an expired token: 401, expired', async () => {
    const expired = await hs256({ sub: 'alice@desk', roles: ['curator'], exp: Math.floor(Date.now() / 1000) - 3600 });
    const answer = await expectRefused(postArticle(api.url, ARTICLE_YAML, bearer(expired)), 401, 'UNAUTHENTICATED', /The token has expired/);
    expect(answer.headers.get('www-authenticate')).toMatch(/error="invalid_token", error_description="the token has expired"/);
  });

  it('with a token that is not a JWT, or not a bearer token: 401', async () => {
    await expectRefused(postArticle(api.url, ARTICLE_YAML, bearer('not-a-token')), 401, 'UNAUTHENTICATED', /not a JWT/);
    await expectRefused(postArticle(api.url, ARTICLE_YAML, { authorization: 'Basic YWxpY2U6c2VjcmV0' }), 401, 'UNAUTHENTICATED', /must be "Bearer <token>"/);
  });

  it('with a reader token: 403, naming the role needed', async () => {
    const reader = await mintToken(config.auth, { subject: 'bob', roles: ['reader'], expiresIn: '10m' });
    const answer = await expectRefused(postArticle(api.url, ARTICLE_YAML, bearer(reader)), 403, 'FORBIDDEN', /needs the role curator; the token of bob has reader/);
    expect(answer.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
    const none = await hs256({ sub: 'carol', exp: inAnHour() });
    await expectRefused(postArticle(api.url, ARTICLE_YAML, bearer(none)), 403, 'FORBIDDEN', /the token of carol has no role/);
  });

  it('with a curator token: writes the article, answers the summary and bookmarks, and GraphQL shows who loaded it', async () => {
    const answer = await postArticle(api.url, ARTICLE_YAML, bearer(await curator()));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      source: SOURCE_ID,
      loadedBy: 'alice@desk',
      summary: { dryRun: false, files: 1, articles: { new: 1, corrected: 0, unchanged: 0, failed: 0 }, failures: [] },
    });
    // The body resolves to the seed's State Authority for Military Industry, the country by its ISO code.
    expect(answer.body.summary.merges).toBeGreaterThan(0);
    expect(answer.body.summary.nodes.created).toBeGreaterThan(0);
    expect(answer.body.bookmarks).toEqual([expect.any(String)]);
    expect(answer.headers.get('x-neo4j-bookmarks')).toBe(answer.body.bookmarks[0]);

    const read = await sourceOf(api.url, SOURCE_ID, { 'x-neo4j-bookmarks': answer.headers.get('x-neo4j-bookmarks')! });
    expect(read.status).toBe(200);
    const [source] = read.body.data!.sources as Array<Record<string, string>>;
    expect(source).toEqual({
      id: SOURCE_ID,
      name: 'Working group on military-technical cooperation meets in Minsk',
      loadedBy: 'alice@desk',
      loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
    });
    expect(Math.abs(Date.parse(source.loadedAt) - Date.now())).toBeLessThan(10 * 60_000);

    // npm run report says who loaded what.
    const report = await dataQualityReport(driver, config.neo4j.database);
    expect(report.loaders).toEqual([
      { loadedBy: 'alice@desk', sources: 1, lastLoadedAt: source.loadedAt },
      { loadedBy: expect.stringMatching(/^cli:/), sources: 1, lastLoadedAt: expect.any(String) },
    ]);
    expect(formatReport(report)).toContain(`Who loaded the sources (2)\n  - alice@desk: 1 source(s), last at ${source.loadedAt}`);

    // The same article again: nothing changes.
    const again = await postArticle(api.url, ARTICLE_YAML, bearer(await curator()));
    expect(again.status).toBe(200);
    expect(again.body.summary.articles).toEqual({ new: 0, corrected: 0, unchanged: 1, failed: 0 });
  });

  it('takes JSON as well as YAML, and a dry run writes nothing', async () => {
    const json = JSON.stringify(parseYaml(ARTICLE_YAML));
    const before = await graphSnapshot(driver);
    const dry = await postArticle(api.url, json, { ...bearer(await curator()), 'content-type': 'application/json' }, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.summary).toMatchObject({ dryRun: true, articles: { new: 1 } });
    expect(await graphSnapshot(driver)).toEqual(before);
    const written = await postArticle(api.url, json, { ...bearer(await curator()), 'content-type': 'application/json; charset=utf-8' });
    expect(written.status).toBe(201);
  });

  it('an invalid article: 400 with every problem and where, nothing written', async () => {
    const broken = ARTICLE_YAML.replace('{quote: in Minsk}', '{quote: in Vitebsk}').replace('kind: MEETING', 'kind: PICNIC');
    const answer = await expectRefused(postArticle(api.url, broken, bearer(await curator())), 400, 'INVALID_ARTICLE', /2 problem\(s\); nothing was written/);
    expect(answer.body.problems).toEqual([
      { path: 'events[0].kind', reason: expect.stringMatching(/MEETING/) },
      { path: 'places[0].evidence[0]', reason: 'quote not found in the text: "in Vitebsk"' },
    ]);
    const malformed = await expectRefused(postArticle(api.url, 'source: [', bearer(await curator())), 400, 'INVALID_ARTICLE', /problem/);
    expect(malformed.body.problems).toEqual([{ path: '', reason: expect.stringMatching(/^malformed YAML at line/) }]);
  });

  it('refuses a text file: the text of an uploaded article must be inline', async () => {
    const withFile = ARTICLE_YAML.replace(/ {2}text: >-\n(?: {4}.*\n)+/, '  textFile: ../../../.neo4j/instance/data/dbms/auth.ini\n');
    expect(withFile).toContain('textFile');
    const answer = await expectRefused(postArticle(api.url, withFile, bearer(await curator())), 400, 'INVALID_ARTICLE', /problem/);
    expect(answer.body.problems).toContainEqual({
      path: 'source.textFile',
      reason: 'a text file cannot be named in an uploaded article: give the article text inline, in source.text',
    });
    // Nothing of the file named reached the answer (auth.ini holds the password hash).
    expect(JSON.stringify(answer.body)).not.toMatch(/SHA-256/);
  });

  it('refuses raw text (415), other methods (405), and bodies over the article size limit (413)', async () => {
    const token = await curator();
    await expectRefused(postArticle(api.url, 'Pakistan and Belarus signed...', { ...bearer(token), 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /Raw text is not accepted here: draft the article first \(npm run extract/);
    await expectRefused(postArticle(api.url, '<article/>', { ...bearer(token), 'content-type': 'application/xml' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /application\/xml is not accepted/);
    const get = await fetch(`${api.url}/articles`, { headers: bearer(token) });
    expect({ status: get.status, allow: get.headers.get('allow') }).toEqual({ status: 405, allow: 'POST' });
    const huge = `# ${'x'.repeat(MAX_ARTICLE_FILE_BYTES)}\n${ARTICLE_YAML}`;
    await expectRefused(postArticle(api.url, huge, bearer(token)), 413, 'PAYLOAD_TOO_LARGE', /larger than the limit of 4194304 bytes/);
  });

  it('keeps reading open by default', async () => {
    const response = await sourceOf(api.url, 'source:000_1cdabd96cc36ddc2');
    expect(response.status).toBe(200);
    expect(response.body.data!.sources).toEqual([expect.objectContaining({ loadedBy: expect.stringMatching(/^cli:/) })]);
  });
});

describe('POST /articles with no token settings', () => {
  const config = testConfig();
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

  it('is refused (403), saying how to turn it on, whatever the token', async () => {
    const token = await hs256({ sub: 'alice', roles: ['curator'], exp: inAnHour() });
    for (const headers of [{}, bearer(token)]) {
      const answer = await postArticle(api.url, ARTICLE_YAML, headers);
      expect(answer.status).toBe(403);
      expect(answer.body.errors[0].message).toMatch(/Writing over HTTP is off.*Set AUTH_JWT_SECRET .* or AUTH_JWKS_URL/);
    }
  });
});

describe('reading with AUTH_READ=token', () => {
  const config = testConfig({ AUTH_JWT_SECRET: SECRET, AUTH_READ: 'token' });
  let driver: Driver;
  let api: TestApi;
  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  it('needs a reader or curator token for GraphQL', async () => {
    const none = await sourceOf(api.url, 'source:000_1cdabd96cc36ddc2');
    expect({ status: none.status, code: none.body.errors?.[0].extensions?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const nobody = await sourceOf(api.url, 'source:000_1cdabd96cc36ddc2', bearer(await hs256({ sub: 'eve', roles: ['guest'], exp: inAnHour() })));
    expect(nobody.status).toBe(403);
    for (const role of ['reader', 'curator'] as const) {
      const token = await mintToken(config.auth, { subject: 'bob', roles: [role], expiresIn: '10m' });
      const answer = await sourceOf(api.url, 'source:000_1cdabd96cc36ddc2', bearer(token));
      expect({ status: answer.status, count: (answer.body.data?.sources as unknown[])?.length }).toEqual({ status: 200, count: 1 });
    }
  });
});

describe('POST /articles with tokens verified against a JWKS', () => {
  let driver: Driver;
  let api: TestApi;
  let jwks: http.Server;
  let privateKey: KeyLike;
  let otherKey: KeyLike;
  const sign = (key: KeyLike, claims: JWTPayload, kid = 'key-1') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setIssuer('https://idp.test').setAudience('diplomatic-graph').sign(key);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const keys = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' }] };
    jwks = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(keys));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const config = testConfig({
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`,
      AUTH_ISSUER: 'https://idp.test',
      AUTH_AUDIENCE: 'diplomatic-graph',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
    });
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  it('accepts a token signed by the published key, with the roles in a nested claim', async () => {
    const token = await sign(privateKey, { sub: 'curator-7', realm_access: { roles: ['curator'] }, exp: inAnHour() });
    const answer = await postArticle(api.url, ARTICLE_YAML, bearer(token));
    expect({ status: answer.status, loadedBy: answer.body.loadedBy }).toEqual({ status: 201, loadedBy: 'curator-7' });
    const read = await sourceOf(api.url, SOURCE_ID, { 'x-neo4j-bookmarks': answer.headers.get('x-neo4j-bookmarks')! });
    expect((read.body.data!.sources as Array<{ loadedBy: string }>)[0].loadedBy).toBe('curator-7');
  });

  it('refuses a token signed by another key, for another audience, or an HS256 token', async () => {
    const claims = { sub: 'curator-7', realm_access: { roles: ['curator'] }, exp: inAnHour() };
    const cases: Array<[string, string, RegExp]> = [
      ['another key', await sign(otherKey, claims), /signature is not valid/],
      ['an unknown key id', await sign(otherKey, claims, 'key-2'), /No published key matches/],
      ['another audience', await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'key-1' }).setIssuer('https://idp.test').setAudience('someone-else').sign(privateKey), /claim aud/],
      ['HS256', await hs256(claims), /Tokens signed with HS256 are not accepted/],
    ];
    for (const [what, token, message] of cases) {
      const answer = await postArticle(api.url, ARTICLE_YAML, bearer(token));
      expect({ what, status: answer.status, message: answer.body.errors[0].message }).toEqual({ what, status: 401, message: expect.stringMatching(message) });
    }
  });
});
