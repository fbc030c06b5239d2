/**
 * Who is asking: the bearer token (a JWT) of a request, verified with the configured HS256 secret or against the
 * identity provider's published keys (JWKS), and the roles it carries. Two roles: `reader` may query the graph
 * (when reading needs a token at all, AUTH_READ=token) and `curator` may also post articles. Nothing here is open by
 * default: with no secret and no JWKS URL, no token is accepted and writing is refused.
 */
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { AuthConfig } from '../config';

export const ROLES = ['reader', 'curator'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The token's subject (`sub`): who loaded an article. */
  subject: string;
  roles: Role[];
}

/** The realm in WWW-Authenticate challenges. */
const REALM = 'diplomatic-graph';
/** Clock skew allowed between the token's issuer and this server. */
const CLOCK_TOLERANCE_S = 30;
/** Algorithms of keys from a JWKS; HS256 is for the shared secret only (never `none`). */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** A request that cannot go on: 401 (no usable token), 403 (not allowed), 503 (the keys cannot be fetched). */
export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 503,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'AUTH_UNAVAILABLE',
    message: string,
    /** The WWW-Authenticate header (RFC 6750) of a 401 or 403. */
    readonly challenge?: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** A quoted-string of a challenge: no quotes or backslashes inside. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, "'")}"`;

function challenge(error?: 'invalid_token' | 'insufficient_scope', description?: string): string {
  return [`Bearer realm=${quoted(REALM)}`, ...(error ? [`error=${quoted(error)}`] : []), ...(description ? [`error_description=${quoted(description)}`] : [])].join(', ');
}

const unauthenticated = (message: string, description?: string) =>
  new AuthError(401, 'UNAUTHENTICATED', message, challenge(description === undefined ? undefined : 'invalid_token', description));

export const NOT_CONFIGURED =
  'Writing over HTTP is off (POST /articles, and drafting with POST /extract): no token can be verified. Set AUTH_JWT_SECRET (HS256 tokens) or AUTH_JWKS_URL ' +
  "(an identity provider's keys), then post with a token whose roles include curator (README: Writing articles over HTTP).";

/** The roles a claim lists: a list of strings, or one string of roles separated by spaces or commas. */
export function rolesOf(payload: JWTPayload, claim: string): Role[] {
  const value = claimValue(payload, claim);
  const names = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return ROLES.filter((role) => names.includes(role));
}

/** A claim by its name, or by a dotted path into nested claims (realm_access.roles) when no claim has that name. */
function claimValue(payload: JWTPayload, claim: string): unknown {
  if (claim in payload) return payload[claim];
  let value: unknown = payload;
  for (const part of claim.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A curator may do what a reader may. */
export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role) || (role === 'reader' && principal.roles.includes('curator'));
}

export interface Authenticator {
  /** A secret or a JWKS URL is set: tokens can be verified. */
  readonly configured: boolean;
  /** The principal of an Authorization header, checked to hold `role`. Throws AuthError. */
  authorize(authorization: string | undefined, role: Role): Promise<Principal>;
}

export function createAuthenticator(config: AuthConfig): Authenticator {
  const secret = config.jwtSecret === undefined ? undefined : new TextEncoder().encode(config.jwtSecret);
  const jwks = config.jwksUrl === undefined ? undefined : createRemoteJWKSet(new URL(config.jwksUrl));
  const options: JWTVerifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: CLOCK_TOLERANCE_S,
    requiredClaims: ['sub', 'exp'],
  };

  const verify = async (token: string): Promise<JWTPayload> => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthenticated('The bearer token is not a JWT.', 'not a JWT');
    }
    if (alg === 'HS256' && secret) return (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
    if (alg !== undefined && ASYMMETRIC.includes(alg) && jwks) return (await jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC })).payload;
    throw unauthenticated(`Tokens signed with ${alg ?? 'no algorithm'} are not accepted here.`, `algorithm ${alg ?? 'none'} not accepted`);
  };

  const authenticate = async (authorization: string | undefined): Promise<Principal> => {
    if (!authorization) throw unauthenticated('A bearer token is required (Authorization: Bearer <token>).');
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".', 'malformed Authorization header');
    let payload: JWTPayload;
    try {
      payload = await verify(match[1]);
    } catch (error) {
      throw explain(error, config.jwksUrl);
    }
    return { subject: payload.sub!, roles: rolesOf(payload, config.rolesClaim) };
  };

  return {
    configured: secret !== undefined || jwks !== undefined,
    async authorize(authorization, role) {
      if (secret === undefined && jwks === undefined) throw new AuthError(403, 'FORBIDDEN', NOT_CONFIGURED);
      const principal = await authenticate(authorization);
      if (!hasRole(principal, role)) {
        throw new AuthError(
          403,
          'FORBIDDEN',
          `This needs the role ${role}; the token of ${principal.subject} has ${principal.roles.length ? principal.roles.join(', ') : 'no role'} (claim ${config.rolesClaim}).`,
          challenge('insufficient_scope', `needs role ${role}`),
        );
      }
      return principal;
    },
  };
}

/** What a verification failure tells the client: why its token was refused, or that the keys are out of reach. */
function explain(error: unknown, jwksUrl: string | undefined): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired.', 'the token has expired');
  if (error instanceof errors.JWSSignatureVerificationFailed) return unauthenticated('The token signature is not valid.', 'bad signature');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated(`The token is not valid: claim ${error.claim} ${error.reason === 'missing' ? 'is missing' : 'is not accepted'}.`, `claim ${error.claim} ${error.reason}`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) return unauthenticated('No published key matches the token.', 'no matching key');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError) || error.code === 'ERR_JOSE_GENERIC') {
    return new AuthError(503, 'AUTH_UNAVAILABLE', `Tokens cannot be verified now: the keys at ${jwksUrl ?? 'the JWKS URL'} could not be fetched.`);
  }
  return unauthenticated(`The token is not valid: ${error.message}`, 'invalid token');
}
