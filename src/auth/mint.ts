/**
 * Minting HS256 tokens with the configured secret: for development and tests (`npm run token`). In production an
 * identity provider issues the tokens (AUTH_JWKS_URL), or whoever holds AUTH_JWT_SECRET mints them like this.
 */
import { SignJWT } from 'jose';
import type { AuthConfig } from '../config';
import { UserError } from '../errors';
import type { Role } from './tokens';

export interface TokenRequest {
  subject: string;
  roles: Role[];
  /** How long the token is valid, as jose reads it: 1h, 30m, 7d. */
  expiresIn: string;
}

export async function mintToken(auth: AuthConfig, { subject, roles, expiresIn }: TokenRequest): Promise<string> {
  if (auth.jwtSecret === undefined) throw new UserError('AUTH_JWT_SECRET is not set: tokens are minted with it (generate one with: openssl rand -base64 48).');
  let jwt = new SignJWT({ [auth.rolesClaim]: roles }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(subject).setIssuedAt().setExpirationTime(expiresIn);
  if (auth.issuer) jwt = jwt.setIssuer(auth.issuer);
  if (auth.audience) jwt = jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.jwtSecret));
}
