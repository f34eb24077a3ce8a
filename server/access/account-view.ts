import type { AccessContext } from './access-context.js';
import type { AccountRow } from './account-repository.js';
import { accountIdentity, type AccountIdentity } from './auth-user.js';

/** An account as `GET /api/me` and sign-in answers show it to its owner. */
export interface AccountView extends AccountIdentity {
  calendarUrl: string;
}

/**
 * The owner's view of an account, with its secret calendar feed URL.
 *
 * @example
 * return accountView(context, await findAccountById(db, id));
 */
export function accountView(context: Pick<AccessContext, 'calendar'>, row: AccountRow): AccountView {
  return { ...accountIdentity(row), calendarUrl: context.calendar.url(row.id, row.calendar_nonce) };
}
