import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../api.js';
import { Loader } from '../app/loader.js';
import { pageStyles } from '../app/page.styles.js';
import type { Slot } from '../record-types.js';
import { byDay, dayInWords, localTime } from './slot-times.js';

const weekMs = 7 * 24 * 60 * 60 * 1000;

/**
 * A practitioner's free slots one week at a time (`GET /api/practitioners/{id}/slots`), grouped
 * by day as radio buttons; Previous and Next week move the window. Fires `docsy-slot-change`
 * `{slot}` when one is chosen.
 *
 * @fires docsy-slot-change - a slot was chosen
 */
@customElement('docsy-slot-picker')
export class DocsySlotPicker extends LitElement {
  static override styles = [
    pageStyles,
    css`
      fieldset {
        border: 1px solid var(--docsy-border-light, #c9d2dc);
        border-radius: 6px;
        margin: 0 0 0.75rem;
      }
      .slots {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
    `,
  ];

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  @property({ attribute: 'practitioner-id' }) practitionerId = '';
  /** The chosen slot's start. */
  @property() value = '';

  @state() private week = 0;

  /** Loads the week shown again (after a booking took a slot). */
  reload(): Promise<void> {
    return this.slots.reload();
  }

  private slots = new Loader<Slot[]>(
    this,
    () => {
      const from = new Date(Date.now() + this.week * weekMs);
      return this.api!.slots(this.practitionerId, from, new Date(from.getTime() + weekMs));
    },
    () => (this.api && this.practitionerId ? [this.practitionerId, this.week] : undefined),
  );

  private choose(slot: Slot): void {
    this.value = slot.start;
    this.dispatchEvent(new CustomEvent('docsy-slot-change', { detail: { slot }, bubbles: true, composed: true }));
  }

  private renderSlots(slots: Slot[]) {
    if (slots.length === 0) return html`<p class="empty">No free time this week.</p>`;
    return byDay(slots).map(
      ([day, daySlots]) =>
        html`<fieldset>
          <legend>${dayInWords(day)}, ${[...new Set(daySlots.map((slot) => slot.location))].join(', ')}</legend>
          <div class="slots">
            ${daySlots.map(
              (slot) =>
                html`<label
                  ><input
                    type="radio"
                    name="slot"
                    .checked=${slot.start === this.value}
                    @change=${() => this.choose(slot)}
                  />
                  ${localTime(slot.start)}</label
                >`,
            )}
          </div>
        </fieldset>`,
    );
  }

  override render() {
    const from = new Date(Date.now() + this.week * weekMs);
    return html`<div class="actions">
        <button type="button" ?disabled=${this.week === 0} @click=${() => this.week--}>Previous week</button>
        <span class="meta" role="status">Week from ${dayInWords(from.toISOString().slice(0, 10))}</span>
        <button type="button" @click=${() => this.week++}>Next week</button>
      </div>
      ${this.slots.render((slots) => this.renderSlots(slots), 'Loading free time…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-slot-picker': DocsySlotPicker;
  }
  interface HTMLElementEventMap {
    'docsy-slot-change': CustomEvent<{ slot: Slot }>;
  }
}
