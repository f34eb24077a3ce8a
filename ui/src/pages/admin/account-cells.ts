import { html, type TemplateResult } from 'lit';
import { roleNames, type Role } from '../../app/account.js';
import type { AccountStatus } from './admin-client.js';

/**
 * An account's roles in words, for a table cell.
 *
 * @example
 * html`<td>${roleList(account.roles)}</td>`; // "Doctor, Nurse"
 */
export function roleList(roles: readonly Role[]): string {
  return roles.map((role) => roleNames[role]).join(', ');
}

/**
 * An account's status as a badge: active plain, pending and disabled marked.
 *
 * @example
 * html`<td>${statusBadge('pending')}</td>`
 */
export function statusBadge(status: AccountStatus) {
  const label = { active: 'Active', pending: 'Waiting for approval', disabled: 'Disabled' }[status];
  return html`<span class=${status === 'active' ? 'badge' : status === 'disabled' ? 'badge alert' : 'badge muted'}
    >${label}</span
  >`;
}

/**
 * When an account registered, as the admin's browser shows dates.
 *
 * @example
 * registeredOn('2026-11-26T10:00:00.000Z'); // "26/11/2026"
 */
export function registeredOn(createdAt: string): string {
  return new Date(createdAt).toLocaleDateString();
}

/**
 * A table of accounts: a hidden caption, the column headings (the last column, of buttons, named
 * for screen readers only), and the rows.
 *
 * @example
 * accountTable('Accounts', ['Name', 'Email'], 'Actions', items.map((a) => html`<tr>…</tr>`));
 */
export function accountTable(
  caption: string,
  columns: readonly string[],
  actions: string,
  rows: readonly TemplateResult[],
): TemplateResult {
  return html`<table>
    <caption class="visually-hidden">
      ${caption}
    </caption>
    <thead>
      <tr>
        ${columns.map((column) => html`<th scope="col">${column}</th>`)}
        <th scope="col"><span class="visually-hidden">${actions}</span></th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
