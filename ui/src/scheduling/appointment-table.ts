import { html, type TemplateResult } from 'lit';
import type { Appointment } from '../record-types.js';
import { periodInWords } from './slot-times.js';

/**
 * Appointments as a table: when, with whom (the other party, a cell the caller renders), where,
 * why, and the caller's actions per row; or a sentence when there are none.
 *
 * @example
 * appointmentTable({ caption: 'Upcoming', items, empty: 'None', who: (a) => a.practitionerName, actions: () => '' });
 */
export function appointmentTable(options: {
  caption: string;
  items: readonly Appointment[];
  empty: string;
  whoLabel: string;
  who: (appointment: Appointment) => unknown;
  actions?: (appointment: Appointment) => unknown;
}): TemplateResult {
  const { caption, items, empty, whoLabel, who, actions } = options;
  if (items.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">When</th>
        <th scope="col">${whoLabel}</th>
        <th scope="col">Where</th>
        <th scope="col">Reason</th>
        ${actions ? html`<th scope="col">Change</th>` : ''}
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (appointment) =>
          html`<tr>
            <td>${periodInWords(appointment)}</td>
            <td>${who(appointment)}</td>
            <td>${appointment.location}</td>
            <td>${appointment.reason ?? ''}</td>
            ${actions ? html`<td>${actions(appointment)}</td>` : ''}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
