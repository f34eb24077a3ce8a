import type { FastifyPluginAsync } from 'fastify';
import { viewerOf } from '../access/ehr-access.js';
import { problemResponses } from '../http/problem-schema.js';
import type { CompositionReads } from './composition-reads.js';
import * as schemas from './composition-schemas.js';
import { versionHeaders } from './composition-reply.js';

export interface VersionRoutesOptions {
  reads: CompositionReads;
}

/**
 * A composition's revision history with audit details (SPEC §3): every version, deletions
 * included, and one version with its composition exactly as stored.
 *
 * @example
 * await app.register(versionRoutes, { reads });
 */
export const versionRoutes: FastifyPluginAsync<VersionRoutesOptions> = async (app, { reads }) => {
  app.get<{ Params: { ehrId: string; uuid: string }; Querystring: { limit: number; cursor?: string } }>(
    '/api/ehr/:ehrId/compositions/:uuid/versions',
    {
      schema: {
        tags: ['ehr'],
        summary: "A composition's versions, oldest first, with committer, time, change type and reason",
        params: schemas.uuidParams,
        querystring: schemas.pageQuery,
        response: { 200: schemas.versionList, ...problemResponses('INVALID_REQUEST', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const access = await app.ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const { uuid } = request.params;
      const history = await reads.history(access.ehrId, uuid, request.query, { visibility: access.visibility });
      await app.ehrAccess.recordRead(access, { action: 'composition.history', resource: uuid });
      return history;
    },
  );

  app.get<{ Params: { ehrId: string; uuid: string; version: number } }>(
    '/api/ehr/:ehrId/compositions/:uuid/versions/:version',
    {
      schema: {
        tags: ['ehr'],
        summary: 'One version: its audit details and its composition as committed (null for a deletion)',
        params: schemas.versionParams,
        response: { 200: schemas.versionEntry, ...problemResponses('NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const { ehrId, uuid, version } = request.params;
      const access = await app.ehrAccess.authorize(viewerOf(request), ehrId, 'read');
      const { entry, document } = await reads.versionEntry(ehrId, uuid, version, { visibility: access.visibility });
      await app.ehrAccess.recordRead(access, { action: 'composition.read', resource: entry.versionUid });
      // The stored text goes out as is, so this answer keeps the composition byte for byte too.
      const details = JSON.stringify(entry);
      return versionHeaders(reply, entry)
        .type('application/json; charset=utf-8')
        .send(`${details.slice(0, -1)},"composition":${document ?? 'null'}}`);
    },
  );
};
