import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../api.js';
import '../app/docsy-problem.js';
import { Loader } from '../app/loader.js';
import { pageStyles } from '../app/page.styles.js';
import type { Appointment, Slot } from '../record-types.js';
import './docsy-slot-picker.js';
import type { DocsySlotPicker } from './docsy-slot-picker.js';
import { periodInWords } from './slot-times.js';

/**
 * A patient books an appointment: choose a practitioner, one of their free slots, say why, and
 * book (`POST /api/appointments`). A slot taken meanwhile (409) is said so and the slots load
 * again. Fires `docsy-booked` `{appointment}`.
 *
 * @fires docsy-booked - an appointment was booked
 */
@customElement('docsy-booking-form')
export class DocsyBookingForm extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;

  @state() private practitionerId = '';
  @state() private chosen: Slot | undefined;
  @state() private problem: unknown;
  @state() private busy = false;

  private practitioners = new Loader(
    this,
    () => this.api!.practitioners(),
    () => (this.api ? [] : undefined),
  );

  private async book(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.chosen) return;
    const form = event.target as HTMLFormElement; // the DOM clears a shadow tree's event target after dispatch
    const reason = new FormData(form).get('reason')?.toString().trim();
    this.busy = true;
    this.problem = undefined;
    try {
      const appointment = await this.api!.book({
        practitionerId: this.practitionerId,
        start: this.chosen.start,
        ...(reason ? { reason } : {}),
      });
      form.reset();
      this.chosen = undefined;
      void this.renderRoot.querySelector<DocsySlotPicker>('docsy-slot-picker')?.reload();
      this.dispatchEvent(
        new CustomEvent<{ appointment: Appointment }>('docsy-booked', {
          detail: { appointment },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.problem = error;
      await this.renderRoot.querySelector<DocsySlotPicker>('docsy-slot-picker')?.reload();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`${this.practitioners.render(
      (practitioners) =>
        practitioners.length === 0
          ? html`<p class="empty">No practitioner is taking appointments at the moment.</p>`
          : html`<form class="stacked" @submit=${this.book}>
              <div class="field">
                <label for="practitioner">Practitioner</label>
                <select
                  id="practitioner"
                  @change=${(event: Event) => {
                    this.practitionerId = (event.target as HTMLSelectElement).value;
                    this.chosen = undefined;
                  }}
                >
                  <option value="" ?selected=${!this.practitionerId}>Choose a practitioner</option>
                  ${practitioners.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
                </select>
              </div>
              ${
                this.practitionerId
                  ? html`<docsy-slot-picker
                      .api=${this.api}
                      practitioner-id=${this.practitionerId}
                      .value=${this.chosen?.start ?? ''}
                      @docsy-slot-change=${(event: CustomEvent<{ slot: Slot }>) => (this.chosen = event.detail.slot)}
                    ></docsy-slot-picker>`
                  : nothing
              }
              <div class="field">
                <label for="reason">Reason for the appointment (optional)</label>
                <textarea id="reason" name="reason" rows="2" maxlength="1000"></textarea>
              </div>
              <docsy-problem .problem=${this.problem}></docsy-problem>
              <div class="actions">
                <button class="primary" type="submit" ?disabled=${!this.chosen || this.busy}>
                  ${this.chosen ? `Book ${periodInWords(this.chosen)}` : 'Book'}
                </button>
              </div>
            </form>`,
      'Loading practitioners…',
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-booking-form': DocsyBookingForm;
  }
  interface HTMLElementEventMap {
    'docsy-booked': CustomEvent<{ appointment: Appointment }>;
  }
}
