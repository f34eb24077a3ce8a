import type { FastifyPluginAsync } from 'fastify';
import type { DatabaseHandle } from '../db/create-database.js';
import { ApiError } from '../http/api-error.js';
import { problemResponses } from '../http/problem-schema.js';
import { databaseAnswers } from './database-check.js';

export interface HealthRoutesOptions {
  database: DatabaseHandle;
  version: string;
}

const healthSchema = {
  type: 'object',
  required: ['status', 'database', 'engine', 'version'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ok'] },
    database: { type: 'string', enum: ['ok'] },
    engine: { type: 'string', enum: ['pglite', 'postgres'] },
    version: { type: 'string' },
  },
} as const;

/**
 * `GET /api/health`: liveness plus a real database round trip; 503 problem when the database
 * does not answer (load balancers take the instance out of rotation).
 *
 * @example
 * await app.register(healthRoutes, { database, version: '0.1.0' });
 */
export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { database, version }) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: { 200: healthSchema, ...problemResponses('SERVICE_UNAVAILABLE') },
      },
    },
    async () => {
      if (!(await databaseAnswers(database.db))) {
        throw new ApiError('SERVICE_UNAVAILABLE', 'The database does not answer');
      }
      return { status: 'ok', database: 'ok', engine: database.engine, version } as const;
    },
  );
};
