import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';
import { coarsened, dateTimeValue, localOffset, precisionOf, splitZone, type DatePrecision } from './partial-dates.js';

const precisionLabels: Record<DatePrecision, string> = {
  year: 'Year',
  month: 'Year and month',
  date: 'Full date',
  time: 'Date and time',
};

/** What a date input that the browser cannot read yet stands for: validation then asks for a date. */
const unreadable = 'incomplete';

/**
 * A date, possibly partial, as clinical dates often are: the precision picker offers a year
 * (`2019`), a year and month (`2019-06`) or a full date (`2019-06-14`). Going to a coarser
 * precision keeps what it can of the value.
 *
 * @event docsy-change - `{value}`: the date as text, or undefined when emptied
 * @csspart control - the date, month or year input
 * @csspart precision - the precision picker
 * @csspart error - the error text
 */
@customElement('docsy-date-input')
export class DocsyDateInput extends DocsyField<string> {
  @state() protected precision: DatePrecision = 'date';
  /** The zone of a loaded date-time, kept when it is edited; otherwise the browser's. */
  @state() protected zone: string | undefined;

  /** The precisions offered, coarsest first. */
  protected get precisions(): DatePrecision[] {
    return ['year', 'month', 'date'];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.valueSetFromOutside(changed) && this.value) {
      this.precision = precisionOf(this.value);
      this.zone = splitZone(this.value).zone;
    }
  }

  private onPrecision(event: Event): void {
    this.precision = (event.target as HTMLSelectElement).value as DatePrecision;
    if (this.value !== undefined) this.changeValue(coarsened(this.value, this.precision));
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.validity.badInput) return this.changeValue(unreadable);
    const text = input.value.trim();
    if (text === '') return this.changeValue(undefined);
    this.changeValue(this.precision === 'time' ? dateTimeValue(text, this.zone) : text);
  }

  private shown(): string {
    const value = this.value ?? '';
    if (value === unreadable) return '';
    return this.precision === 'time' ? splitZone(value).local : value;
  }

  protected renderPrecision() {
    if (this.precisions.length < 2) return nothing;
    return html`<select
      part="precision"
      aria-label=${`${this.label}: precision`}
      ?disabled=${this.disabled}
      @change=${this.onPrecision}
    >
      ${this.precisions.map(
        (precision) =>
          html`<option value=${precision} ?selected=${precision === this.precision}>
            ${precisionLabels[precision]}
          </option>`,
      )}
    </select>`;
  }

  override render() {
    const types: Record<DatePrecision, string> = { year: 'text', month: 'month', date: 'date', time: 'datetime-local' };
    const zone = this.precision === 'time' ? (this.zone ?? localOffset(this.shown())) : undefined;
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      <div class="row">
        <input
          id="control"
          part="control"
          type=${types[this.precision]}
          step=${this.precision === 'time' ? '1' : nothing}
          inputmode=${this.precision === 'year' ? 'numeric' : nothing}
          size=${this.precision === 'year' ? '4' : nothing}
          placeholder=${this.precision === 'year' ? 'YYYY' : nothing}
          .value=${this.shown()}
          ?disabled=${this.disabled}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.invalid}
          aria-describedby=${this.describedBy(...(zone ? ['zone'] : []))}
          @input=${this.onInput}
          @change=${this.onInput}
        />
        ${zone ? html`<span id="zone" class="note">UTC${zone === 'Z' ? '' : zone}</span>` : nothing}
        ${this.renderPrecision()}
      </div>
      ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-date-input': DocsyDateInput;
  }
}
