/** Token settings, verification and roles, without a server: HS256 tokens signed here. */
import { SignJWT } from 'jose';
import { mintToken } from '../../src/auth/mint';
import { AuthError, createAuthenticator, rolesOf } from '../../src/auth/tokens';
import { parseArguments } from '../../src/cli/token';
import { loadConfig } from '../../src/config';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';

describe('auth settings', () => {
  it('are off by default: no token can be verified, reading is open', () => {
    expect(loadConfig({}).auth).toEqual({
      jwtSecret: undefined,
      jwksUrl: undefined,
      issuer: undefined,
      audience: undefined,
      rolesClaim: 'roles',
      read: 'open',
      configured: false,
    });
  });

  it('take a secret, a JWKS URL, issuer, audience, the roles claim and AUTH_READ', () => {
    expect(
      loadConfig({
        AUTH_JWT_SECRET: SECRET,
        AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
        AUTH_ISSUER: 'https://idp.example.com/',
        AUTH_AUDIENCE: 'diplomatic-graph',
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_READ: 'token',
      }).auth,
    ).toEqual({
      jwtSecret: SECRET,
      jwksUrl: 'https://idp.example.com/.well-known/jwks.json',
      issuer: 'https://idp.example.com/',
      audience: 'diplomatic-graph',
      rolesClaim: 'realm_access.roles',
      read: 'token',
      configured: true,
    });
  });

  it('refuse a short secret, a bad JWKS URL, an unknown AUTH_READ, and AUTH_READ=token with nothing to verify tokens', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow('AUTH_JWT_SECRET must be at least 32 bytes (HS256 needs a 256-bit key), got 5.');
    expect(() => loadConfig({ AUTH_JWKS_URL: 'ftp://idp/keys' })).toThrow("AUTH_JWKS_URL must look like https://idp.example.com/.well-known/jwks.json (http or https, optionally a path), got 'ftp://idp/keys'.");
    expect(() => loadConfig({ AUTH_READ: 'maybe' })).toThrow("AUTH_READ must be open or token, got 'maybe'.");
    expect(() => loadConfig({ AUTH_READ: 'token' })).toThrow('AUTH_READ=token needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
  });
});

describe('NEO4J_URI', () => {
  it('accepts routing URIs (a cluster, Aura) and direct ones', () => {
    for (const uri of ['neo4j://db.internal:7687', 'neo4j+s://abcd1234.databases.neo4j.io', 'neo4j+ssc://10.0.0.5', 'bolt://127.0.0.1:7687', 'bolt+s://db:7687']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' }).neo4j.uri).toBe(uri);
    }
    expect(() => loadConfig({ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'x' })).toThrow(/NEO4J_URI must look like neo4j:\/\/host:7687/);
  });
});

describe('roles of a token', () => {
  it('come from a list, a string of roles, or a nested claim; unknown roles are ignored', () => {
    expect(rolesOf({ roles: ['curator', 'admin'] }, 'roles')).toEqual(['curator']);
    expect(rolesOf({ scope: 'reader openid curator' }, 'scope')).toEqual(['reader', 'curator']);
    expect(rolesOf({ realm_access: { roles: ['reader'] } }, 'realm_access.roles')).toEqual(['reader']);
    expect(rolesOf({ 'https://news.example/roles': ['curator'] }, 'https://news.example/roles')).toEqual(['curator']);
    expect(rolesOf({}, 'roles')).toEqual([]);
  });
});

describe('verifying HS256 tokens', () => {
  const auth = loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'desk', AUTH_AUDIENCE: 'graph' }).auth;
  const authenticator = createAuthenticator(auth);
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    const { status, code, message, challenge } = error as AuthError;
    return { status, code, message, challenge };
  };

  it('accepts a minted token: a curator is a reader too', async () => {
    const token = await mintToken(auth, { subject: 'alice', roles: ['curator'], expiresIn: '5m' });
    await expect(authenticator.authorize(`Bearer ${token}`, 'curator')).resolves.toEqual({ subject: 'alice', roles: ['curator'] });
    await expect(authenticator.authorize(`bearer ${token}`, 'reader')).resolves.toEqual({ subject: 'alice', roles: ['curator'] });
  });

  it('refuses a token without a subject, without an expiry, or from another issuer', async () => {
    const key = new TextEncoder().encode(SECRET);
    const exp = Math.floor(Date.now() / 1000) + 600;
    const noSubject = await new SignJWT({ roles: ['curator'], exp }).setProtectedHeader({ alg: 'HS256' }).setIssuer('desk').setAudience('graph').sign(key);
    expect(await refusal(authenticator.authorize(`Bearer ${noSubject}`, 'curator'))).toMatchObject({ status: 401, message: 'The token is not valid: claim sub is missing.' });
    const noExpiry = await new SignJWT({ roles: ['curator'], sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('desk').setAudience('graph').sign(key);
    expect(await refusal(authenticator.authorize(`Bearer ${noExpiry}`, 'curator'))).toMatchObject({ status: 401, message: 'The token is not valid: claim exp is missing.' });
    const otherIssuer = await new SignJWT({ roles: ['curator'], sub: 'a', exp }).setProtectedHeader({ alg: 'HS256' }).setIssuer('elsewhere').setAudience('graph').sign(key);
    expect(await refusal(authenticator.authorize(`Bearer ${otherIssuer}`, 'curator'))).toMatchObject({
      status: 401,
      message: 'The token is not valid: claim iss is not accepted.',
      challenge: 'Bearer realm="diplomatic-graph", error="invalid_token", error_description="claim iss check_failed"',
    });
  });

  it('refuses everything when nothing is configured, with how to configure it', async () => {
    const off = createAuthenticator(loadConfig({}).auth);
    expect(off.configured).toBe(false);
    expect(await refusal(off.authorize(undefined, 'curator'))).toMatchObject({ status: 403, code: 'FORBIDDEN', message: expect.stringContaining('Set AUTH_JWT_SECRET') });
  });
});

describe('npm run token', () => {
  it('reads a subject, roles and an expiry', () => {
    expect(parseArguments(['alice'])).toEqual({ subject: 'alice', roles: ['curator'], expiresIn: '1h' });
    expect(parseArguments(['bob', '--role', 'reader', '--expires', '7d'])).toEqual({ subject: 'bob', roles: ['reader'], expiresIn: '7d' });
    expect(() => parseArguments(['bob', '--role', 'admin'])).toThrow("--role must be reader or curator, got 'admin'");
    expect(() => parseArguments([])).toThrow('no subject given');
  });
});
