import fastifyJwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { problemResponses } from '../http/problem-schema.js';
import type { ProblemCode } from '../http/problems.js';
import { accessTokenOptions, type AccessClaims } from './access-tokens.js';
import { hasRole, type AuthUser } from './auth-user.js';
import type { Role } from './roles.js';
import { findSessionUser } from './session-repository.js';
import { unauthorized } from './unauthorized.js';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AuthUser;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sets `request.user` from the bearer access token, or answers 401. Every `/api` route runs it unless public. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Every `/api` route as registered (HEAD included), with how it is protected: for tests and documentation. */
    apiRoutes: ApiRoute[];
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, login, register, refresh, the calendar feed). */
    public?: boolean;
    /** Only users holding one of these roles; anyone else gets 403. */
    roles?: readonly Role[];
  }
}

/** One `/api` route and how it is protected. */
export interface ApiRoute {
  method: string;
  url: string;
  public: boolean;
  roles?: readonly Role[];
}

export interface AuthenticationOptions {
  db: Kysely<Database>;
  jwtSecret: string;
  systemId: string;
}

/**
 * Authentication for the whole app: `@fastify/jwt` (HS256, issuer, audience, 15 minutes), the
 * `app.authenticate` hook, and an `onRoute` hook that puts every `/api` route behind it unless
 * the route declares `config: { public: true }`. `config: { roles: [...] }` also requires one of
 * those roles. Register it before any route.
 *
 * @example
 * await app.register(authentication, { db, jwtSecret: config.jwtSecret, systemId: config.systemId });
 * app.post('/api/things', { config: { roles: ['doctor'] } }, async (request) => request.user.id);
 * app.get('/api/ping', { config: { public: true } }, async () => 'pong');
 */
export const authentication = fastifyPlugin<AuthenticationOptions>(
  async (app, { db, jwtSecret, systemId }) => {
    await app.register(fastifyJwt, accessTokenOptions(jwtSecret, systemId));
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const claims = verifiedClaims(request.headers.authorization, (token) => app.jwt.verify<AccessClaims>(token));
      const user = await findSessionUser(db, claims.sid, claims.sub);
      if (!user) {
        throw unauthorized(
          'This session has ended (signed out, or the account is no longer active); sign in again',
          'invalid_token',
        );
      }
      request.user = user;
    });
    app.decorate('apiRoutes', [] as ApiRoute[]);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      for (const method of [route.method].flat()) {
        app.apiRoutes.push({
          method,
          url: route.url,
          public: route.config?.public === true,
          roles: route.config?.roles,
        });
      }
      protectRoute(route, app.authenticate, db);
    });
  },
  { name: 'docsy-authentication' },
);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function verifiedClaims(header: string | undefined, verify: (token: string) => AccessClaims): AccessClaims {
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header ?? '');
  if (!match) throw unauthorized('Sign in first: send the access token as Authorization: Bearer <token>');
  let claims: AccessClaims;
  try {
    claims = verify(match[1]!);
  } catch (error) {
    const expired = (error as { code?: string }).code === 'FAST_JWT_EXPIRED';
    throw unauthorized(
      expired ? 'The access token has expired; refresh it' : 'The access token is not valid',
      'invalid_token',
    );
  }
  if (
    typeof claims.sid !== 'string' ||
    !uuid.test(claims.sid) ||
    typeof claims.sub !== 'string' ||
    !uuid.test(claims.sub)
  ) {
    throw unauthorized('The access token is not valid', 'invalid_token');
  }
  return claims;
}

function protectRoute(route: RouteOptions, authenticate: onRequestAsyncHookHandler, db: Kysely<Database>): void {
  if (route.config?.public) return;
  const wanted = route.config?.roles;
  const hooks: onRequestAsyncHookHandler[] = [authenticate];
  if (wanted) hooks.push(requireRoles(wanted, db));
  const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
  route.onRequest = [...hooks, ...existing] as RouteOptions['onRequest'];
  documentProblems(route, wanted ? ['UNAUTHORIZED', 'FORBIDDEN'] : ['UNAUTHORIZED']);
}

/** Adds the 401 (and 403) problems to a route's documented responses. */
function documentProblems(route: RouteOptions, codes: ProblemCode[]): void {
  const schema = route.schema as { response?: Record<string, unknown> } | undefined;
  if (!schema?.response) return;
  route.schema = { ...schema, response: { ...problemResponses(...codes), ...schema.response } };
}

/** A hook answering 403 (audited on the system chain) unless the user holds one of `wanted`. */
function requireRoles(wanted: readonly Role[], db: Kysely<Database>): onRequestAsyncHookHandler {
  return async (request) => {
    if (hasRole(request.user, ...wanted)) return;
    await appendAuditEvent(db, {
      action: 'access.denied',
      outcome: 'denied',
      actorId: request.user.id,
      actorRole: request.user.roles.join(','),
      resource: `${request.method} ${request.routeOptions.url}`,
      details: { reason: 'role', needs: wanted },
      address: request.ip,
    });
    throw new ApiError('FORBIDDEN', `Only a user with the role ${wanted.join(' or ')} may do this`);
  };
}
