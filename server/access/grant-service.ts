import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { Viewer } from './ehr-access.js';
import { endGrant, listGrants, upsertGrant, type GrantRow } from './grant-repository.js';
import { requirePractitioner } from './practitioner-lookup.js';

/**
 * A patient grants a practitioner access to their record (a care relationship of kind
 * `grant`), until a date or until revoked. The caller has checked that the viewer owns the record.
 *
 * @example
 * await grantAccess(db, viewerOf(request), ehrId, practitionerId, null);
 */
export async function grantAccess(
  db: Kysely<Database>,
  viewer: Viewer,
  ehrId: string,
  practitionerId: string,
  until: Date | null,
): Promise<GrantRow> {
  await requirePractitioner(db, practitionerId);
  if (until && until.getTime() <= Date.now()) {
    throw new ApiError('VALIDATION_FAILED', 'A grant must end in the future', {
      errors: [{ path: '/until', message: 'must be in the future' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    await upsertGrant(trx, { ehrId, practitionerId, until });
    await appendAuditEvent(trx, grantEvent('grant.create', viewer, ehrId, practitionerId));
  });
  const grants = await listGrants(db, ehrId);
  return grants.find((grant) => grant.practitionerId === practitionerId)!;
}

/**
 * Ends a grant at once; 404 when the practitioner has none on this record.
 *
 * @example
 * await revokeAccess(db, viewerOf(request), ehrId, practitionerId);
 */
export async function revokeAccess(
  db: Kysely<Database>,
  viewer: Viewer,
  ehrId: string,
  practitionerId: string,
): Promise<void> {
  const ended = await db.transaction().execute(async (trx) => {
    if (!(await endGrant(trx, ehrId, practitionerId))) return false;
    await appendAuditEvent(trx, grantEvent('grant.revoke', viewer, ehrId, practitionerId));
    return true;
  });
  if (!ended) throw new ApiError('NOT_FOUND', `Practitioner ${practitionerId} has no grant on this record`);
}

function grantEvent(action: string, viewer: Viewer, ehrId: string, practitionerId: string) {
  return {
    action,
    outcome: 'success' as const,
    actorId: viewer.user.id,
    actorRole: 'patient',
    ehrId,
    resource: `practitioner:${practitionerId}`,
    address: viewer.address,
  };
}
