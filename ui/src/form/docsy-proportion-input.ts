import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';
import { numberEntry, numberText } from './number-entry.js';

/** A proportion: `{numerator, denominator}`. */
export interface ProportionValue {
  numerator: number | string;
  denominator: number | string;
  [key: string]: number | string;
}

/** The denominator a kind fixes: a percentage is out of 100, a unitary proportion out of 1. */
const fixedDenominator: Record<string, number> = { percent: 100, unitary: 1 };

/**
 * A proportion. A percentage (`kind="percent"`) or unitary proportion takes one number; a
 * ratio or fraction takes a numerator and a denominator.
 *
 * @event docsy-change - `{value}`: `{numerator, denominator}`, or undefined when emptied
 * @csspart control - the (numerator) input
 * @csspart denominator - the denominator input
 * @csspart error - the error text
 */
@customElement('docsy-proportion-input')
export class DocsyProportionInput extends DocsyField<ProportionValue> {
  @property() kind: 'percent' | 'unitary' | 'ratio' | 'fraction' | undefined = undefined;

  @state() private numerator = '';
  @state() private denominator = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.valueSetFromOutside(changed)) {
      this.numerator = numberText(this.value?.numerator);
      this.denominator = numberText(this.value?.denominator);
    }
  }

  private emit(): void {
    const fixed = fixedDenominator[this.kind ?? ''];
    const numerator = numberEntry(this.numerator);
    const denominator = fixed ?? numberEntry(this.denominator);
    if (numerator === undefined && (fixed !== undefined || denominator === undefined))
      return this.changeValue(undefined);
    this.changeValue({
      ...(numerator !== undefined ? { numerator } : {}),
      ...(denominator !== undefined ? { denominator } : {}),
    } as ProportionValue);
  }

  /** One number input; `label` names it when the field's own label does not (two inputs). */
  private input(part: 'numerator' | 'denominator', label?: string) {
    return html`<input
      id=${part === 'numerator' ? 'control' : 'denominator'}
      part=${part === 'numerator' ? 'control' : 'denominator'}
      inputmode="decimal"
      size="6"
      aria-label=${label ?? nothing}
      .value=${this[part]}
      ?disabled=${this.disabled}
      aria-required=${this.required ? 'true' : 'false'}
      aria-invalid=${this.invalid}
      aria-describedby=${this.describedBy()}
      @input=${(event: Event) => {
        this[part] = (event.target as HTMLInputElement).value;
        this.emit();
      }}
    />`;
  }

  override render() {
    if (fixedDenominator[this.kind ?? ''] !== undefined) {
      return html`${this.renderLabel()} ${this.renderHelp()}
        <div class="row">
          ${this.input('numerator')}<span class="note">${this.kind === 'percent' ? '%' : 'out of 1'}</span>
        </div>
        ${this.renderError()}`;
    }
    return html`<fieldset>
        ${this.renderLegend()} ${this.renderHelp()}
        <div class="row">
          ${this.input('numerator', `${this.label} numerator`)} <span aria-hidden="true">/</span>
          ${this.input('denominator', `${this.label} denominator`)}
        </div>
      </fieldset>
      ${this.renderError()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-proportion-input': DocsyProportionInput;
  }
}
