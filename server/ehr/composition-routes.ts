import type { FastifyPluginAsync } from 'fastify';
import { templateOf, viewerOf } from '../access/ehr-access.js';
import { problemResponses } from '../http/problem-schema.js';
import type { CompositionCommits } from './composition-commits.js';
import type { CompositionReads } from './composition-reads.js';
import { sendComposition, versionHeaders } from './composition-reply.js';
import * as schemas from './composition-schemas.js';
import { committerOf } from './committer-of.js';
import { precedingVersion } from './version-uid.js';

export interface CompositionRoutesOptions {
  commits: CompositionCommits;
  reads: CompositionReads;
}

interface ListQuery {
  template?: string;
  archetype?: string;
  category?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** Where a composition (bare uuid) or one of its versions (version id) is read. */
export function compositionUrl(ehrId: string, uid: string): string {
  return `/api/ehr/${ehrId}/compositions/${uid}`;
}

/**
 * Compositions of an EHR (SPEC §3): commit, list current versions, read the latest or an exact
 * version, amend with `If-Match`, delete with `If-Match`. Stored compositions are sent as stored.
 *
 * @example
 * await app.register(compositionRoutes, { commits, reads });
 */
export const compositionRoutes: FastifyPluginAsync<CompositionRoutesOptions> = async (app, { commits, reads }) => {
  app.post<{ Params: { ehrId: string }; Querystring: { reason?: string }; Body: unknown }>(
    '/api/ehr/:ehrId/compositions',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Commit a new composition (version 1)',
        params: schemas.ehrParams,
        querystring: schemas.commitQuery,
        body: schemas.compositionBody,
        response: {
          201: schemas.compositionDocument,
          ...problemResponses('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED'),
        },
      },
    },
    async (request, reply) => {
      const { ehrId } = request.params;
      await app.ehrAccess.authorize(viewerOf(request), ehrId, 'create', templateOf(request.body));
      const committed = await commits.create(ehrId, request.body, committerOf(request), request.query);
      reply.code(201).header('location', compositionUrl(ehrId, committed.versionUid));
      return sendComposition(reply, { ...committed, document: committed.document! });
    },
  );

  app.get<{ Params: { ehrId: string }; Querystring: ListQuery }>(
    '/api/ehr/:ehrId/compositions',
    {
      schema: {
        tags: ['ehr'],
        summary: "The EHR's current compositions, newest start time first",
        params: schemas.ehrParams,
        querystring: schemas.listQuery,
        response: { 200: schemas.compositionList, ...problemResponses('INVALID_REQUEST', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const access = await app.ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const list = await reads.list(access.ehrId, request.query, { visibility: access.visibility });
      await app.ehrAccess.recordRead(access, { action: 'composition.list', details: { count: list.items.length } });
      return list;
    },
  );

  app.get<{ Params: { ehrId: string; uid: string } }>(
    '/api/ehr/:ehrId/compositions/:uid',
    {
      schema: {
        tags: ['ehr'],
        summary: 'The latest version of a composition (bare uuid) or an exact version (version id)',
        params: schemas.compositionParams,
        response: { 200: schemas.compositionDocument, ...problemResponses('NOT_FOUND', 'GONE') },
      },
    },
    async (request, reply) => {
      const access = await app.ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const version = await reads.read(access.ehrId, request.params.uid, { visibility: access.visibility });
      await app.ehrAccess.recordRead(access, { action: 'composition.read', resource: version.versionUid });
      return sendComposition(reply, version);
    },
  );

  app.put<{
    Params: { ehrId: string; uuid: string };
    Querystring: { reason?: string; changeType: 'amendment' | 'modification' };
    Body: unknown;
  }>(
    '/api/ehr/:ehrId/compositions/:uuid',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Amend a composition: a new version, if If-Match names the current one',
        params: schemas.uuidParams,
        querystring: schemas.amendQuery,
        headers: schemas.ifMatchHeaders,
        body: schemas.compositionBody,
        response: {
          200: schemas.compositionDocument,
          ...problemResponses('NOT_FOUND', 'CONFLICT', 'GONE', 'PRECONDITION_FAILED', 'VALIDATION_FAILED'),
          ...problemResponses('PRECONDITION_REQUIRED'),
        },
      },
    },
    async (request, reply) => {
      const { ehrId, uuid } = request.params;
      await app.ehrAccess.authorizeChange(viewerOf(request), ehrId, 'amend', uuid, templateOf(request.body));
      const preceding = precedingVersion(request.headers['if-match']);
      const committed = await commits.amend(ehrId, uuid, preceding, request.body, committerOf(request), request.query);
      reply.header('location', compositionUrl(ehrId, committed.versionUid));
      return sendComposition(reply, { ...committed, document: committed.document! });
    },
  );

  app.delete<{ Params: { ehrId: string; uuid: string }; Querystring: { reason?: string } }>(
    '/api/ehr/:ehrId/compositions/:uuid',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Delete a composition (a tombstone version), if If-Match names the current version',
        params: schemas.uuidParams,
        querystring: schemas.commitQuery,
        headers: schemas.ifMatchHeaders,
        response: {
          204: { type: 'null', description: 'Deleted; ETag names the tombstone version' },
          ...problemResponses('NOT_FOUND', 'GONE', 'PRECONDITION_FAILED', 'PRECONDITION_REQUIRED'),
        },
      },
    },
    async (request, reply) => {
      const { ehrId, uuid } = request.params;
      await app.ehrAccess.authorizeChange(viewerOf(request), ehrId, 'delete', uuid);
      const preceding = precedingVersion(request.headers['if-match']);
      const deleted = await commits.delete(ehrId, uuid, preceding, committerOf(request), request.query);
      return versionHeaders(reply, deleted).code(204).send();
    },
  );
};
