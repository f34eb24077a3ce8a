import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hasRole } from '../../app/account.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import type { Appointment, Order } from '../../record-types.js';
import { appointmentTable } from '../../scheduling/appointment-table.js';
import { dateInWords } from '../../views/format-value.js';
import { chartPath } from './chart-links.js';
import './docsy-patient-search.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The practitioner's start page (`/dashboard`): today's appointments and those of the next two
 * weeks, patient search, and for lab technicians the worklist of open lab and imaging orders;
 * each patient named opens their chart.
 */
@customElement('docsy-dashboard-page')
export class DocsyDashboardPage extends DocsyPage {
  private appointments = new Loader(
    this,
    () => {
      const today = new Date();
      today.setHours(0, 0, 0, 0);
      return this.api.appointments({ from: today, to: new Date(today.getTime() + 15 * dayMs), status: 'booked' });
    },
    () => (this.app?.account ? [this.app.account.id] : undefined),
  );

  private worklist = new Loader(
    this,
    () => this.api.json<{ items: Order[] }>('GET', '/api/orders', { query: { limit: 100 } }),
    () => (hasRole(this.app?.account, ['lab_technician']) ? [this.app.account!.id] : undefined),
  );

  private renderWorklist(orders: Order[]) {
    if (orders.length === 0) return html`<p class="empty">No open orders.</p>`;
    return html`<table>
      <caption>
        Open orders, oldest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Patient</th>
          <th scope="col">Order</th>
          <th scope="col">Ordered</th>
        </tr>
      </thead>
      <tbody>
        ${orders.map(
          (order) =>
            html`<tr>
              <td><a href=${chartPath(order.patient.id)}>${order.patient.name}</a></td>
              <td>${order.kind === 'lab' ? 'Lab' : 'Imaging'}: ${order.description}</td>
              <td>${dateInWords(order.orderedAt)} by ${order.orderedBy.name}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderAppointments(appointments: Appointment[]) {
    const today = new Date().toDateString();
    const isToday = (appointment: Appointment) => new Date(appointment.start).toDateString() === today;
    const table = (caption: string, items: Appointment[], empty: string) =>
      appointmentTable({
        caption,
        items,
        empty,
        whoLabel: 'Patient',
        who: (appointment) => html`<a href=${chartPath(appointment.patientId)}>${appointment.patientName}</a>`,
      });
    return html`${table('Today', appointments.filter(isToday), 'No appointment today.')}
    ${table(
      'Next two weeks',
      appointments.filter((appointment) => !isToday(appointment)),
      'No appointment in the next two weeks.',
    )}`;
  }

  override render() {
    return html`<h1 tabindex="-1">Dashboard</h1>
      <section aria-labelledby="appointments">
        <h2 id="appointments">Appointments</h2>
        ${this.appointments.render((items) => this.renderAppointments(items), 'Loading your appointments…')}
      </section>
      <section aria-labelledby="search">
        <h2 id="search">Patients</h2>
        <docsy-patient-search .api=${this.api}></docsy-patient-search>
      </section>
      ${
        hasRole(this.account, ['lab_technician'])
          ? html`<section aria-labelledby="worklist">
              <h2 id="worklist">Worklist</h2>
              ${this.worklist.render((page) => this.renderWorklist(page.items), 'Loading the worklist…')}
            </section>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-dashboard-page': DocsyDashboardPage;
  }
}
