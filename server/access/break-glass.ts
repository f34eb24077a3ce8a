import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { findEhr } from '../ehr/ehr-repository.js';
import { ApiError } from '../http/api-error.js';
import type { Viewer } from './ehr-access.js';

/** How long a break-glass access lasts. */
export const breakGlassMinutes = 60;

/** A break-glass access as the practitioner who started it sees it. */
export interface BreakGlassView {
  id: string;
  ehrId: string;
  reason: string;
  startedAt: string;
  expiresAt: string;
}

/**
 * Emergency access (SPEC §4): a practitioner without a care relationship opens a record for
 * {@link breakGlassMinutes} minutes, restricted compositions included, giving a reason. The
 * access is stored (append-only), audited on the record's chain, and every read under it is
 * marked in the patient's access log with the reason.
 *
 * @example
 * const access = await breakGlass(db, viewerOf(request), ehrId, 'Unconscious in the emergency room');
 */
export async function breakGlass(
  db: Kysely<Database>,
  viewer: Viewer,
  ehrId: string,
  reason: string,
): Promise<BreakGlassView> {
  if (!(await findEhr(db, ehrId))) throw new ApiError('NOT_FOUND', `No EHR ${ehrId}`);
  const id = randomUUID();
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('break_glass')
      .values({
        id,
        ehr_id: ehrId,
        practitioner_id: viewer.user.id,
        reason: reason.trim(),
        expires_at: sql<Date>`now() + make_interval(mins => ${breakGlassMinutes})`,
      })
      .returning(['started_at', 'expires_at'])
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      action: 'break-glass',
      outcome: 'success',
      actorId: viewer.user.id,
      actorRole: viewer.user.roles.join(','),
      ehrId,
      resource: `break-glass:${id}`,
      details: { breakGlass: id },
      address: viewer.address,
    });
    return inserted;
  });
  return {
    id,
    ehrId,
    reason: reason.trim(),
    startedAt: row.started_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}
