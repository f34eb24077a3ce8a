import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import { accessLog } from './access-log.js';
import * as schemas from './access-schemas.js';
import { viewerOf, type EhrAccessControl } from './ehr-access.js';

export interface AccessLogRoutesOptions {
  db: Kysely<Database>;
  ehrAccess: EhrAccessControl;
}

/**
 * `GET /api/ehr/{ehr_id}/access-log`: for the patient, who read or changed their record, when,
 * with which role, and the reason of any break-glass.
 *
 * @example
 * await app.register(accessLogRoutes, { db, ehrAccess });
 */
export const accessLogRoutes: FastifyPluginAsync<AccessLogRoutesOptions> = async (app, { db, ehrAccess }) => {
  app.get<{ Params: { ehrId: string }; Querystring: { limit: number; cursor?: string } }>(
    '/api/ehr/:ehrId/access-log',
    {
      schema: {
        tags: ['access'],
        summary: 'Who read or changed this record, newest first (the patient only)',
        params: schemas.ehrParams,
        querystring: schemas.listQuery,
        response: { 200: schemas.accessLogList, ...problemResponses('FORBIDDEN', 'NOT_FOUND', 'INVALID_REQUEST') },
      },
    },
    async (request) => {
      await ehrAccess.requireOwner(viewerOf(request), request.params.ehrId, 'access-log.read');
      return accessLog(db, request.params.ehrId, request.query);
    },
  );
};
