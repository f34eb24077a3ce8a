import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { hasRole } from './auth-user.js';
import { practitionerRoles } from './roles.js';

/**
 * Checks that an id names an active practitioner (doctor, nurse, lab technician or
 * pharmacist); 404 otherwise.
 *
 * @example
 * await requirePractitioner(db, request.params.practitionerId);
 */
export async function requirePractitioner(db: Kysely<Database>, id: string): Promise<void> {
  const account = await db.selectFrom('account').select(['roles', 'status']).where('id', '=', id).executeTakeFirst();
  if (!account || account.status !== 'active' || !hasRole(account, ...practitionerRoles)) {
    throw new ApiError('NOT_FOUND', `No active practitioner ${id}`);
  }
}
