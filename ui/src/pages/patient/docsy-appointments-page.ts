import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import type { Appointment } from '../../record-types.js';
import { appointmentTable } from '../../scheduling/appointment-table.js';
import '../../scheduling/docsy-appointment-change.js';
import '../../scheduling/docsy-booking-form.js';
import '../../scheduling/docsy-calendar-feed.js';

/**
 * The patient's appointments (`/appointments`): the upcoming ones, each to move or cancel with a
 * reason; booking a free slot of a practitioner; and the calendar feed address to subscribe to.
 */
@customElement('docsy-appointments-page')
export class DocsyAppointmentsPage extends DocsyPage {
  @state() private changing: { appointment: Appointment; mode: 'cancel' | 'reschedule' } | undefined;

  private upcoming = new Loader(
    this,
    () => this.api.appointments({ from: new Date(), status: 'booked' }),
    () => (this.app?.account ? [this.app.account.id] : undefined),
  );

  private async changed(message: string): Promise<void> {
    this.changing = undefined;
    await this.upcoming.reload();
    this.app.announce(message);
  }

  private actions(appointment: Appointment) {
    return html`<div class="actions">
      <button type="button" @click=${() => (this.changing = { appointment, mode: 'reschedule' })}>
        Move<span class="visually-hidden"> the appointment with ${appointment.practitionerName}</span>
      </button>
      <button type="button" @click=${() => (this.changing = { appointment, mode: 'cancel' })}>
        Cancel<span class="visually-hidden"> the appointment with ${appointment.practitionerName}</span>
      </button>
    </div>`;
  }

  override render() {
    return html`<h1 tabindex="-1">Appointments</h1>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming appointments</h2>
        ${this.upcoming.render(
          (items) =>
            appointmentTable({
              caption: `${items.length} upcoming`,
              items,
              empty: 'You have no upcoming appointment.',
              whoLabel: 'With',
              who: (appointment) => appointment.practitionerName,
              actions: (appointment) => this.actions(appointment),
            }),
          'Loading your appointments…',
        )}
        ${
          this.changing
            ? html`<docsy-appointment-change
                .api=${this.api}
                .appointment=${this.changing.appointment}
                mode=${this.changing.mode}
                @docsy-appointment-changed=${(event: CustomEvent<{ message: string }>) => this.changed(event.detail.message)}
                @docsy-appointment-kept=${() => (this.changing = undefined)}
              ></docsy-appointment-change>`
            : nothing
        }
      </section>
      <section aria-labelledby="book">
        <h2 id="book">Book an appointment</h2>
        <docsy-booking-form
          .api=${this.api}
          @docsy-booked=${() => this.changed('Appointment booked')}
        ></docsy-booking-form>
      </section>
      <section aria-labelledby="calendar">
        <h2 id="calendar">Calendar feed</h2>
        <docsy-calendar-feed url=${this.account.calendarUrl}></docsy-calendar-feed>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-appointments-page': DocsyAppointmentsPage;
  }
}
