import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../http/problem-schema.js';
import type { AccessContext } from './access-context.js';
import { currentAccount, registerAccount, type Registration } from './account-service.js';
import * as schemas from './auth-schemas.js';
import { login, logout, refresh } from './session-service.js';

export interface AuthRoutesOptions {
  context: AccessContext;
}

/**
 * Accounts and tokens (SPEC §3): register, login, refresh, logout and `GET /api/me`.
 *
 * @example
 * await app.register(authRoutes, { context });
 */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, { context }) => {
  app.post<{ Body: Registration }>(
    '/api/auth/register',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Register: a patient is active at once and gets an EHR; practitioners wait for approval',
        body: schemas.registerBody,
        response: { 201: schemas.registeredResponse, ...problemResponses('CONFLICT', 'VALIDATION_FAILED') },
      },
    },
    async (request, reply) => {
      const user = await registerAccount(context, request.body, request.ip);
      reply.code(201).header('location', '/api/me');
      return { user };
    },
  );

  app.post<{ Body: { email: string; password: string } }>(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in: a 15-minute access token and a single-use refresh token',
        body: schemas.loginBody,
        response: {
          200: schemas.signInResponse,
          ...problemResponses('UNAUTHORIZED', 'FORBIDDEN', 'VALIDATION_FAILED', 'TOO_MANY_REQUESTS'),
        },
      },
    },
    async (request) => login(context, request.body, request.ip),
  );

  app.post<{ Body: { refreshToken: string } }>(
    '/api/auth/refresh',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Exchange a refresh token (once) for new tokens; a reused one ends its session',
        body: schemas.refreshBody,
        response: { 200: schemas.signInResponse, ...problemResponses('UNAUTHORIZED', 'VALIDATION_FAILED') },
      },
    },
    async (request) => refresh(context, request.body.refreshToken, request.ip),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: the session, its access and refresh tokens stop working at once',
        response: { 204: { type: 'null', description: 'Signed out' }, ...problemResponses('UNAUTHORIZED') },
      },
    },
    async (request, reply) => {
      await logout(context, request.user, request.ip);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user',
        response: { 200: schemas.accountSchema, ...problemResponses('UNAUTHORIZED') },
      },
    },
    async (request) => currentAccount(context, request.user.id),
  );
};
