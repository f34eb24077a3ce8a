import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError, type FieldError } from '../http/api-error.js';
import { hasRole } from './auth-user.js';
import type { Viewer } from './ehr-access.js';
import { practitionerRoles, type Role } from './roles.js';

/** A composition's restriction as its patient sees it. */
export interface RestrictionView {
  uid: string;
  restricted: boolean;
  /** Practitioners who still see it while it is restricted. */
  allowed: { id: string; name: string; roles: Role[] }[];
}

/**
 * The restriction state of a composition of the record; 404 when there is no such composition.
 *
 * @example
 * await compositionRestriction(db, ehrId, uid);
 */
export async function compositionRestriction(
  db: Kysely<Database>,
  ehrId: string,
  uid: string,
): Promise<RestrictionView> {
  const composition = await db
    .selectFrom('composition')
    .select('restricted')
    .where('ehr_id', '=', ehrId)
    .where('uid', '=', uid)
    .executeTakeFirst();
  if (!composition) throw new ApiError('NOT_FOUND', `No composition ${uid} in EHR ${ehrId}`);
  const allowed = await db
    .selectFrom('composition_allowance as w')
    .innerJoin('account as a', 'a.id', 'w.practitioner_id')
    .select(['a.id', 'a.name', 'a.roles'])
    .where('w.ehr_id', '=', ehrId)
    .where('w.uid', '=', uid)
    .orderBy('a.name')
    .execute();
  return { uid, restricted: composition.restricted, allowed };
}

/**
 * A patient restricts a composition of their record (optionally naming practitioners who still
 * see it) or frees it. Restricted compositions are absent for everyone else from reads, lists,
 * counts, histories, contributions and queries, except under break-glass. The caller has checked
 * that the viewer owns the record. Audited.
 *
 * @example
 * await restrictComposition(db, viewerOf(request), ehrId, uid, { restricted: true, allowed: [doctorId] });
 */
export async function restrictComposition(
  db: Kysely<Database>,
  viewer: Viewer,
  ehrId: string,
  uid: string,
  change: { restricted: boolean; allowed?: string[] },
): Promise<RestrictionView> {
  const allowed = [...new Set(change.allowed ?? [])];
  await requireAllowable(db, change.restricted, allowed);
  const found = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('composition')
      .set({ restricted: change.restricted })
      .where('ehr_id', '=', ehrId)
      .where('uid', '=', uid)
      .returning('uid')
      .executeTakeFirst();
    if (!updated) return false;
    await trx.deleteFrom('composition_allowance').where('ehr_id', '=', ehrId).where('uid', '=', uid).execute();
    if (allowed.length > 0) {
      await trx
        .insertInto('composition_allowance')
        .values(allowed.map((practitionerId) => ({ ehr_id: ehrId, uid, practitioner_id: practitionerId })))
        .execute();
    }
    await appendAuditEvent(trx, {
      action: change.restricted ? 'composition.restrict' : 'composition.free',
      outcome: 'success',
      actorId: viewer.user.id,
      actorRole: 'patient',
      ehrId,
      resource: `composition:${uid}`,
      details: { allowed: allowed.length },
      address: viewer.address,
    });
    return true;
  });
  if (!found) throw new ApiError('NOT_FOUND', `No composition ${uid} in EHR ${ehrId}`);
  return compositionRestriction(db, ehrId, uid);
}

async function requireAllowable(db: Kysely<Database>, restricted: boolean, allowed: string[]): Promise<void> {
  if (allowed.length === 0) return;
  const errors: FieldError[] = [];
  if (!restricted) errors.push({ path: '/allowed', message: 'is only for a restricted composition' });
  const accounts = await db
    .selectFrom('account')
    .select(['id', 'roles', 'status'])
    .where('id', 'in', allowed)
    .execute();
  allowed.forEach((id, index) => {
    const account = accounts.find((a) => a.id === id);
    if (!account || account.status !== 'active' || !hasRole(account, ...practitionerRoles)) {
      errors.push({ path: `/allowed/${index}`, message: 'is not an active practitioner' });
    }
  });
  if (errors.length > 0) throw new ApiError('VALIDATION_FAILED', 'The restriction cannot be applied', { errors });
}
