import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TerminologyConcept } from '../api.js';
import { DocsyField } from './docsy-field.js';
import type { UnitOption } from './form-definition.js';
import { formServicesContext, type FormServices } from './form-services.js';
import { numberEntry, numberText } from './number-entry.js';
import { unitLabel, unitRangeInWords } from './unit-range.js';

/** A quantity: `{magnitude, unit}` (UCUM). */
export interface QuantityValue {
  magnitude: number | string;
  unit?: string;
  [key: string]: number | string | undefined;
}

/**
 * A measured amount with its unit. With `units`, a unit picker (the first unit chosen at first)
 * whose choice sets the range that applies, shown under the field; without, any UCUM unit, with
 * suggestions from the `ucum-units` value set.
 *
 * @event docsy-change - `{value}`: `{magnitude, unit}`, or undefined when the amount is emptied
 * @csspart control - the amount input
 * @csspart unit - the unit select or input
 * @csspart error - the error text
 */
@customElement('docsy-quantity-input')
export class DocsyQuantityInput extends DocsyField<QuantityValue> {
  /** The units allowed, each with its range; absent: any UCUM unit. */
  @property({ attribute: false }) units: readonly UnitOption[] | undefined = undefined;

  @consume({ context: formServicesContext, subscribe: true })
  @state()
  private services: FormServices | undefined;

  @state() private amount = '';
  @state() private unit = '';
  @state() private suggestions: TerminologyConcept[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.valueSetFromOutside(changed) || changed.has('units')) {
      this.amount = numberText(this.value?.magnitude);
      this.unit = this.value?.unit ?? this.units?.[0]?.unit ?? '';
    }
  }

  private get currentUnit(): UnitOption | undefined {
    return this.units?.find((unit) => unit.unit === this.unit);
  }

  private emit(): void {
    const magnitude = numberEntry(this.amount);
    this.changeValue(magnitude === undefined ? undefined : { magnitude, ...(this.unit ? { unit: this.unit } : {}) });
  }

  private onAmount(event: Event): void {
    this.amount = (event.target as HTMLInputElement).value;
    this.emit();
  }

  private onUnit(event: Event): void {
    this.unit = (event.target as HTMLInputElement | HTMLSelectElement).value.trim();
    this.emit();
    if (!this.units) void this.suggestUnits();
  }

  private async suggestUnits(): Promise<void> {
    if (!this.services || this.unit === '') return;
    try {
      this.suggestions = await this.services.searchTerminology('ucum-units', this.unit);
    } catch {
      this.suggestions = [];
    }
  }

  private renderUnit() {
    const units = this.units;
    if (units?.length === 1) return html`<span class="note" part="unit">${unitLabel(units[0]!)}</span>`;
    if (units) {
      return html`<select
        part="unit"
        aria-label=${`${this.label} unit`}
        ?disabled=${this.disabled}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy('range')}
        @change=${this.onUnit}
      >
        ${units.map((unit) => html`<option value=${unit.unit} ?selected=${unit.unit === this.unit}>${unitLabel(unit)}</option>`)}
      </select>`;
    }
    return html`<input
        part="unit"
        size="10"
        aria-label=${`${this.label} unit (UCUM)`}
        list="unit-suggestions"
        .value=${this.unit}
        ?disabled=${this.disabled}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy()}
        @input=${this.onUnit}
      />
      <datalist id="unit-suggestions">
        ${this.suggestions.map((concept) => html`<option value=${concept.code}>${concept.display}</option>`)}
      </datalist>`;
  }

  override render() {
    const unit = this.currentUnit;
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      <div class="row">
        <input
          id="control"
          part="control"
          inputmode="decimal"
          size="8"
          .value=${this.amount}
          ?disabled=${this.disabled}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.invalid}
          aria-describedby=${this.describedBy(...(unit ? ['range'] : []))}
          @input=${this.onAmount}
        />
        ${this.renderUnit()}
      </div>
      ${unit ? html`<p id="range" class="note">Allowed: ${unitRangeInWords(unit)}</p>` : nothing} ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-quantity-input': DocsyQuantityInput;
  }
}
