import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../api.js';
import '../app/docsy-problem.js';
import { fieldErrors, focusFirstInvalid, formField, formValues } from '../app/form-field.js';
import { pageStyles } from '../app/page.styles.js';
import type { Appointment, Slot } from '../record-types.js';
import './docsy-slot-picker.js';
import { periodInWords } from './slot-times.js';

/**
 * Cancels an appointment or moves it to another free slot of the same practitioner, each with a
 * reason (`POST /api/appointments/{id}/cancel`, `…/reschedule`). Fires `docsy-appointment-changed`
 * `{appointment, message}` when done and `docsy-appointment-kept` when the user changes their mind.
 *
 * @fires docsy-appointment-changed - the appointment was cancelled or moved
 * @fires docsy-appointment-kept - the user closed the panel without a change
 */
@customElement('docsy-appointment-change')
export class DocsyAppointmentChange extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  @property({ attribute: false }) appointment: Appointment | undefined = undefined;
  @property() mode: 'cancel' | 'reschedule' = 'cancel';

  @state() private chosen: Slot | undefined;
  @state() private problem: unknown;
  @state() private busy = false;

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const { reason = '' } = formValues(event);
    const appointment = this.appointment!;
    this.busy = true;
    this.problem = undefined;
    try {
      const changed =
        this.mode === 'cancel'
          ? await this.api!.cancelAppointment(appointment.id, reason)
          : await this.api!.rescheduleAppointment(appointment.id, this.chosen?.start ?? '', reason);
      const message =
        this.mode === 'cancel' ? 'Appointment cancelled' : `Appointment moved to ${periodInWords(changed)}`;
      this.dispatchEvent(
        new CustomEvent('docsy-appointment-changed', {
          detail: { appointment: changed, message },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.problem = error;
      await focusFirstInvalid(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const appointment = this.appointment;
    if (!appointment) return html``;
    const errors = fieldErrors(this.problem);
    const cancelling = this.mode === 'cancel';
    const heading = cancelling ? 'Cancel the appointment' : 'Move the appointment';
    return html`<form class="stacked card" aria-label=${heading} @submit=${this.submit} novalidate>
      <h3>${heading}</h3>
      <p>${periodInWords(appointment)} with ${appointment.practitionerName}</p>
      ${
        cancelling
          ? ''
          : html`<docsy-slot-picker
              .api=${this.api}
              practitioner-id=${appointment.practitionerId}
              .value=${this.chosen?.start ?? ''}
              @docsy-slot-change=${(event: CustomEvent<{ slot: Slot }>) => (this.chosen = event.detail.slot)}
            ></docsy-slot-picker>`
      }
      ${formField({
        name: 'reason',
        label: cancelling ? 'Reason for cancelling' : 'Reason for moving',
        type: 'textarea',
        required: true,
        maxlength: 1000,
        error: errors['/reason'],
      })}
      <docsy-problem .problem=${this.problem} .labels=${{ '/reason': 'Reason', '/start': 'New time' }}></docsy-problem>
      <div class="actions">
        <button
          class=${cancelling ? 'danger' : 'primary'}
          type="submit"
          ?disabled=${this.busy || (!cancelling && !this.chosen)}
        >
          ${cancelling ? 'Cancel appointment' : this.chosen ? `Move to ${periodInWords(this.chosen)}` : 'Move'}
        </button>
        <button
          type="button"
          @click=${() => this.dispatchEvent(new CustomEvent('docsy-appointment-kept', { bubbles: true, composed: true }))}
        >
          Keep it as it is
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-appointment-change': DocsyAppointmentChange;
  }
  interface HTMLElementEventMap {
    'docsy-appointment-changed': CustomEvent<{ appointment: Appointment; message: string }>;
    'docsy-appointment-kept': CustomEvent<void>;
  }
}
