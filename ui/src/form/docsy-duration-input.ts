import { html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';
import { durationParts, durationUnits, isoDuration, type DurationUnit } from './iso-durations.js';

/** The unit picker's entry for a duration written out in ISO 8601 (several parts, such as P1Y6M). */
const written = 'iso';

/**
 * A duration: an amount and a unit (minutes to years), stored as ISO 8601 (`PT30M`, `P7D`,
 * `P2W`). A duration of several parts is shown and edited as written (unit "ISO 8601").
 *
 * @event docsy-change - `{value}`: the ISO 8601 duration, or undefined when emptied
 * @csspart control - the amount input
 * @csspart unit - the unit picker
 * @csspart error - the error text
 */
@customElement('docsy-duration-input')
export class DocsyDurationInput extends DocsyField<string> {
  @state() private amount = '';
  @state() private unit: DurationUnit | typeof written = 'days';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.valueSetFromOutside(changed)) return;
    const parts = this.value ? durationParts(this.value) : undefined;
    this.amount = parts?.amount ?? this.value ?? '';
    if (parts) this.unit = parts.unit;
    else if (this.value) this.unit = written;
  }

  private emit(): void {
    const amount = this.amount.trim();
    if (amount === '') return this.changeValue(undefined);
    this.changeValue(this.unit === written ? amount : isoDuration(amount, this.unit));
  }

  override render() {
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      <div class="row">
        <input
          id="control"
          part="control"
          inputmode=${this.unit === written ? 'text' : 'numeric'}
          size=${this.unit === written ? 12 : 6}
          .value=${this.amount}
          ?disabled=${this.disabled}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.invalid}
          aria-describedby=${this.describedBy()}
          @input=${(event: Event) => {
            this.amount = (event.target as HTMLInputElement).value;
            this.emit();
          }}
        />
        <select
          part="unit"
          aria-label=${`${this.label} unit`}
          ?disabled=${this.disabled}
          @change=${(event: Event) => {
            this.unit = (event.target as HTMLSelectElement).value as DurationUnit | typeof written;
            this.emit();
          }}
        >
          ${durationUnits.map((unit) => html`<option value=${unit.unit} ?selected=${unit.unit === this.unit}>${unit.label}</option>`)}
          <option value=${written} ?selected=${this.unit === written}>ISO 8601 (such as P1Y6M)</option>
        </select>
      </div>
      ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-duration-input': DocsyDurationInput;
  }
}
