import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { AccessClaims } from './access-tokens.js';
import { CalendarTokens } from './calendar-token.js';

/** What the access services need from the running app: the database and the server's keys. */
export interface AccessContext {
  db: Kysely<Database>;
  /** This system's id, for new EHRs. */
  systemId: string;
  calendar: CalendarTokens;
  /** Signs an access token (HS256, issuer, audience and expiry from `accessTokenOptions`). */
  signAccessToken(claims: AccessClaims): string;
}

/**
 * The access context of an app on which `authentication` is registered (it signs with `app.jwt`).
 *
 * @example
 * const context = accessContext(app, database.db, config);
 */
export function accessContext(
  app: FastifyInstance,
  db: Kysely<Database>,
  config: Pick<Config, 'jwtSecret' | 'systemId'>,
): AccessContext {
  return {
    db,
    systemId: config.systemId,
    calendar: new CalendarTokens(config.jwtSecret),
    signAccessToken: (claims) => app.jwt.sign(claims),
  };
}
