import type { FastifyPluginAsync } from 'fastify';
import { viewerOf } from '../access/ehr-access.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import * as schemas from './composition-schemas.js';
import { summarizeEhr } from './ehr-summary.js';

export interface EhrRoutesOptions {
  db: Kysely<Database>;
}

/**
 * `GET /api/ehr/{ehr_id}`: the EHR's status and a count of its current compositions per template.
 *
 * @example
 * await app.register(ehrRoutes, { db });
 */
export const ehrRoutes: FastifyPluginAsync<EhrRoutesOptions> = async (app, { db }) => {
  app.get<{ Params: { ehrId: string } }>(
    '/api/ehr/:ehrId',
    {
      schema: {
        tags: ['ehr'],
        summary: 'An EHR summary: status and current compositions per template',
        params: schemas.ehrParams,
        response: { 200: schemas.ehrSummary, ...problemResponses('NOT_FOUND') },
      },
    },
    async (request) => {
      const access = await app.ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const summary = await summarizeEhr(db, access.ehrId, { visibility: access.visibility });
      await app.ehrAccess.recordRead(access, { action: 'ehr.summary' });
      return summary;
    },
  );
};
