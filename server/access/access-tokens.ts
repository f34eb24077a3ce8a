import type { FastifyJWTOptions } from '@fastify/jwt';
import type { Role } from './roles.js';

/** Lifetimes of what a sign-in issues (docs/access.md). */
export const tokenLifetimes = {
  /** A JWT access token. */
  accessSeconds: 15 * 60,
  /** One refresh token, if not used before. */
  refreshSeconds: 14 * 24 * 3600,
  /** A session however often it is refreshed: sign in again after this. */
  sessionSeconds: 30 * 24 * 3600,
} as const;

/** The claims of an access token besides `iss`, `aud`, `iat` and `exp`. */
export interface AccessClaims {
  /** The account id. */
  sub: string;
  /** The session id: logout and disabling end it, and with it the token. */
  sid: string;
  roles: Role[];
}

/** Token issuer and audience, checked on every request. */
export function tokenIssuer(systemId: string): string {
  return `docsy:${systemId}`;
}

export const tokenAudience = 'docsy-api';

/**
 * Options of `@fastify/jwt`: HS256 only (so `alg: none` and every other algorithm are refused),
 * 15-minute expiry, issuer and audience set on signing and required on verifying.
 *
 * @example
 * await app.register(fastifyJwt, accessTokenOptions(config.jwtSecret, config.systemId));
 */
export function accessTokenOptions(secret: string, systemId: string): FastifyJWTOptions {
  const issuer = tokenIssuer(systemId);
  return {
    secret,
    sign: { algorithm: 'HS256', iss: issuer, aud: tokenAudience, expiresIn: `${tokenLifetimes.accessSeconds}s` },
    verify: {
      algorithms: ['HS256'],
      allowedIss: issuer,
      allowedAud: tokenAudience,
      requiredClaims: ['sub', 'sid', 'exp', 'iss', 'aud'],
      clockTolerance: 5_000,
    },
  };
}
