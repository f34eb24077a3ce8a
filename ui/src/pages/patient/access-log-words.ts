import { roleNames, type Role } from '../../app/account.js';
import type { AccessLogEntry } from '../../record-types.js';

/** Audit actions as a patient reads them; an action not listed shows as recorded. */
const actionWords: Record<string, string> = {
  'composition.read': 'Read an entry',
  'composition.list': 'Listed entries',
  'composition.history': 'Read the history of an entry',
  'composition.create': 'Recorded an entry',
  'composition.amend': 'Amended an entry',
  'composition.modify': 'Corrected an entry',
  'composition.delete': 'Deleted an entry',
  'contribution.read': 'Read a set of changes',
  'ehr.summary': 'Opened the record',
  'query.read': 'Searched the record',
  'order.list': 'Read the orders',
  'access.denied': 'Was refused access',
  'break-glass': 'Used emergency access',
  'grant.create': 'Was given access',
  'grant.revoke': 'Had access withdrawn',
  'restriction.change': 'Changed who sees an entry',
};

/**
 * What an access-log entry says was done, in words.
 *
 * @example
 * actionInWords({ action: 'composition.read', … }); // 'Read an entry'
 */
export function actionInWords(entry: Pick<AccessLogEntry, 'action'>): string {
  return actionWords[entry.action] ?? entry.action;
}

/**
 * Who did it: the person's name and the role they acted in.
 *
 * @example
 * actorInWords(entry); // 'Dr Ada Example (Doctor)'
 */
export function actorInWords(entry: Pick<AccessLogEntry, 'actor'>): string {
  if (!entry.actor) return 'The system';
  const roles = (entry.actor.role ?? '')
    .split(',')
    .filter(Boolean)
    .map((role) => roleNames[role as Role] ?? role);
  return roles.length ? `${entry.actor.name} (${roles.join(', ')})` : entry.actor.name;
}
