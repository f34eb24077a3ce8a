import type { FastifyPluginAsync } from 'fastify';

/**
 * `GET /docs/openapi.json`: the OpenAPI 3.1 document generated from every route's schemas.
 *
 * @example
 * await app.register(openApiDocument);
 */
export const openApiDocument: FastifyPluginAsync = async (app) => {
  app.get('/docs/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
