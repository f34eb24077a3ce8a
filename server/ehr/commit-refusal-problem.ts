import { ApiError } from '../http/api-error.js';
import type { CommitRefusal } from './commit-repository.js';
import { entityTag, formatVersionUid } from './version-uid.js';

/** Where a refused version sits in the request: nowhere for single-composition routes, `/versions/{i}` in a contribution. */
export type VersionPath = (item: number) => { precondition: string; composition: string } | undefined;

/**
 * The problem that answers a refused commit: 404 unknown EHR or composition, 409 EHR not
 * modifiable, 410 deleted, 412 stale (with the current version's `ETag`), 422 a template rule.
 *
 * @example
 * throw commitRefusalProblem(refusal, { ehrId, systemId, pathOf: () => undefined });
 */
export function commitRefusalProblem(
  refusal: CommitRefusal,
  context: { ehrId: string; systemId: string; pathOf: VersionPath },
): ApiError {
  const { ehrId, systemId } = context;
  if (refusal.outcome === 'no-ehr' || refusal.outcome === 'ehr-not-modifiable') {
    return refusal.outcome === 'no-ehr'
      ? new ApiError('NOT_FOUND', `No EHR ${ehrId}`)
      : new ApiError('CONFLICT', `EHR ${ehrId} is not modifiable; no composition can be committed to it`);
  }
  const paths = context.pathOf(refusal.item);
  const at = (path: string | undefined, message: string) => (path === undefined ? {} : { errors: [{ path, message }] });
  const current =
    refusal.currentVersion === null
      ? undefined
      : formatVersionUid({ uid: refusal.uid, systemId, version: refusal.currentVersion });
  switch (refusal.outcome) {
    case 'not-found':
      return new ApiError('NOT_FOUND', `No composition ${refusal.uid} in EHR ${ehrId}`, {
        ...at(paths?.precondition, 'names no composition of this EHR'),
      });
    case 'gone':
      return new ApiError(
        'GONE',
        `Composition ${refusal.uid} was deleted (version ${current}); its history stays readable`,
        {
          ...at(paths?.precondition, 'names a deleted composition'),
        },
      );
    case 'stale':
      return new ApiError(
        'PRECONDITION_FAILED',
        `The composition has changed: its current version is ${current}. Read it, apply your change again and send that version in If-Match`,
        { headers: { etag: entityTag(current!) }, ...at(paths?.precondition, `is not the current version ${current}`) },
      );
    case 'template-changed':
      return new ApiError('VALIDATION_FAILED', 'An amendment cannot change the template', {
        errors: [
          {
            path: `${paths?.composition ?? ''}/template/id`,
            message: `must stay ${refusal.current}: an amendment cannot change the template; create a new composition instead`,
          },
        ],
      });
    case 'template-not-published':
      return new ApiError('VALIDATION_FAILED', 'The template revision takes no new versions', {
        errors: [
          {
            path: `${paths?.composition ?? ''}/template/revision`,
            message: `is deprecated: an amendment keeps the composition's revision ${refusal.current} or moves to a published one`,
          },
        ],
      });
  }
}
