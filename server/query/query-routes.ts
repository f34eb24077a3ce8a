import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../http/problem-schema.js';
import type { QueryRequest, QueryService } from './query-service.js';

export interface QueryRoutesOptions {
  queries: QueryService;
}

const queryBody = {
  type: 'object',
  required: ['q'],
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 10_000, description: 'The AQL query (docs/query.md).' },
    params: {
      type: 'object',
      default: {},
      maxProperties: 50,
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
      description: 'Values of the $parameters the query names.',
    },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
    fetch: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
} as const;

const queryResult = {
  type: 'object',
  required: ['columns', 'rows', 'offset', 'fetch', 'more'],
  properties: {
    columns: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, path: { type: 'string' } } },
    },
    rows: { type: 'array', items: { type: 'array', items: {} } },
    offset: { type: 'integer' },
    fetch: { type: 'integer' },
    more: { type: 'boolean' },
  },
} as const;

/**
 * `POST /api/query`: archetype-path queries over the compositions the caller may read.
 *
 * @example
 * await app.register(queryRoutes, { queries });
 */
export const queryRoutes: FastifyPluginAsync<QueryRoutesOptions> = async (app, { queries }) => {
  app.post<{ Body: QueryRequest }>(
    '/api/query',
    {
      schema: {
        tags: ['query'],
        summary: 'Run an archetype-path query (an AQL subset) over the records you may read',
        body: queryBody,
        response: { 200: queryResult, ...problemResponses('VALIDATION_FAILED', 'FORBIDDEN') },
      },
    },
    async (request) => queries.run(request.user, request.body, request.ip),
  );
};
