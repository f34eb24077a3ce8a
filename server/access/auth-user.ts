import type { AccountRow } from './account-repository.js';
import type { AccountStatus, Role } from './roles.js';

/** Who an account is: what `request.user`, sign-in answers and `GET /api/me` all show. */
export interface AccountIdentity {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: AccountStatus;
  /** The patient's own EHR; absent for other roles. */
  ehrId?: string;
}

/**
 * The signed-in user of a request (`request.user`), read from the database on every request so
 * that logout, disabling and role changes take effect at once.
 */
export interface AuthUser extends AccountIdentity {
  /** The session (one login and its refresh tokens) the access token belongs to. */
  sessionId: string;
}

/**
 * The identity part of an account row.
 *
 * @example
 * const user = { ...accountIdentity(row), sessionId };
 */
export function accountIdentity(
  row: Pick<AccountRow, 'id' | 'email' | 'name' | 'roles' | 'status' | 'ehr_id'>,
): AccountIdentity {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: row.status,
    ...(row.ehr_id ? { ehrId: row.ehr_id } : {}),
  };
}

/**
 * Whether the user holds at least one of `wanted`.
 *
 * @example
 * if (!hasRole(request.user, 'doctor', 'nurse')) throw new ApiError('FORBIDDEN');
 */
export function hasRole(user: Pick<AccountIdentity, 'roles'>, ...wanted: readonly Role[]): boolean {
  return user.roles.some((role) => wanted.includes(role));
}
