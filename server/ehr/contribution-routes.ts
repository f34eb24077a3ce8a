import type { FastifyPluginAsync } from 'fastify';
import { templateOf, viewerOf } from '../access/ehr-access.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError, type FieldError } from '../http/api-error.js';
import { problemResponses } from '../http/problem-schema.js';
import type { CompositionCommits } from './composition-commits.js';
import * as schemas from './composition-schemas.js';
import { committerOf } from './committer-of.js';
import { readContribution } from './contribution-reads.js';
import type { ChangeType } from './ehr-tables.js';
import type { VersionRequest } from './prepare-version.js';

export interface ContributionRoutesOptions {
  commits: CompositionCommits;
  db: Kysely<Database>;
  systemId: string;
}

interface ContributionBody {
  reason?: string;
  versions: { changeType: ChangeType; uid?: string; precedingVersionUid?: string; composition?: unknown }[];
}

/**
 * Contributions (SPEC §3): several versions committed atomically, all or none, and reading one
 * back with its audit details.
 *
 * @example
 * await app.register(contributionRoutes, { commits, db, systemId: config.systemId });
 */
export const contributionRoutes: FastifyPluginAsync<ContributionRoutesOptions> = async (
  app,
  { commits, db, systemId },
) => {
  app.post<{ Params: { ehrId: string }; Body: ContributionBody }>(
    '/api/ehr/:ehrId/contributions',
    {
      schema: {
        tags: ['ehr'],
        summary: 'Commit several versions at once: all of them or none',
        params: schemas.ehrParams,
        body: schemas.contributionBody,
        response: {
          201: schemas.contributionResult,
          ...problemResponses('NOT_FOUND', 'CONFLICT', 'GONE', 'PRECONDITION_FAILED', 'VALIDATION_FAILED'),
        },
      },
    },
    async (request, reply) => {
      const { ehrId } = request.params;
      const requests = versionRequests(request.body);
      await app.ehrAccess.authorizeChanges(viewerOf(request), ehrId, requests.map(changeOf));
      const committed = await commits.contribute(ehrId, requests, committerOf(request), {
        reason: request.body.reason,
      });
      reply.code(201).header('location', `/api/ehr/${ehrId}/contributions/${committed.contributionId}`);
      return {
        contributionId: committed.contributionId,
        committedAt: committed.committedAt,
        versions: committed.versions.map(({ uid, versionUid, changeType }) => ({ uid, versionUid, changeType })),
      };
    },
  );

  app.get<{ Params: { ehrId: string; contributionId: string } }>(
    '/api/ehr/:ehrId/contributions/:contributionId',
    {
      schema: {
        tags: ['ehr'],
        summary: 'One contribution: committer, time, change types, reason and its versions',
        params: schemas.contributionParams,
        response: { 200: schemas.contributionRecord, ...problemResponses('NOT_FOUND') },
      },
    },
    async (request) => {
      const access = await app.ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const { contributionId } = request.params;
      const contribution = await readContribution(db, systemId, access.ehrId, contributionId, {
        visibility: access.visibility,
      });
      await app.ehrAccess.recordRead(access, { action: 'contribution.read', resource: contributionId });
      return contribution;
    },
  );
};

/** What a version request asks of the access rules. */
function changeOf(request: VersionRequest) {
  const action = request.changeType === 'creation' ? 'create' : request.changeType === 'deleted' ? 'delete' : 'amend';
  return { action, uid: request.uid, template: templateOf(request.body) } as const;
}

/** Each version's parts as its change type needs them: a creation has no uid, a deletion no composition. */
function versionRequests(body: ContributionBody): VersionRequest[] {
  const errors: FieldError[] = [];
  const requests = body.versions.map((version, i): VersionRequest => {
    const at = (field: string, message: string) => errors.push({ path: `/versions/${i}/${field}`, message });
    const creation = version.changeType === 'creation';
    if (creation && version.uid !== undefined) at('uid', 'is set by the server for a creation');
    if (creation && version.precedingVersionUid !== undefined) at('precedingVersionUid', 'is not sent for a creation');
    if (!creation && version.uid === undefined) at('uid', 'is required: the composition changed');
    if (!creation && version.precedingVersionUid === undefined) {
      at('precedingVersionUid', 'is required: the version being changed');
    }
    const deletion = version.changeType === 'deleted';
    if (deletion && version.composition !== undefined) at('composition', 'is not sent for a deletion');
    if (!deletion && version.composition === undefined) at('composition', 'is required');
    return {
      changeType: version.changeType,
      uid: version.uid,
      preceding: version.precedingVersionUid,
      body: version.composition,
    };
  });
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `The contribution has ${errors.length} error(s)`, { errors });
  }
  return requests;
}
