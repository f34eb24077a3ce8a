import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';
import { dataTypeNames } from './data-type-names.js';
import type { Json, ValueSpec } from './form-definition.js';
import { valueWidget } from './value-widget.js';

/** A choice's value: which data type, and the value of that type. */
export interface ChoiceValue {
  type: string;
  value?: Json;
  [key: string]: Json | undefined;
}

/**
 * A value that may be of several data types (openEHR's choice of `DV_*`, such as an onset that
 * is a date, a duration or text): pick the kind of value, then enter it with that type's
 * widget. With a single type, just that widget.
 *
 * @event docsy-change - `{value}`: `{type, value}` (value absent until entered)
 * @csspart kind - the kind-of-value picker
 * @csspart error - the error text
 */
@customElement('docsy-choice-input')
export class DocsyChoiceInput extends DocsyField<ChoiceValue> {
  /** The data types offered, each with its constraints. */
  @property({ attribute: false }) choices: readonly ValueSpec[] = [];

  private onInner(event: CustomEvent<{ value: Json | undefined }>): void {
    event.stopPropagation();
    const type = this.value?.type ?? this.choices[0]?.type;
    if (!type) return;
    const inner = event.detail.value;
    this.changeValue(inner === undefined ? { type } : { type, value: inner });
  }

  private onKind(event: Event): void {
    const type = (event.target as HTMLSelectElement).value;
    this.changeValue(type ? { type } : undefined);
  }

  private renderInner(spec: ValueSpec, label: string, help: string | undefined) {
    return html`<div @docsy-change=${this.onInner}>
      ${valueWidget(spec, { label, help, required: this.required, error: this.error, value: this.value?.value, path: '' })}
    </div>`;
  }

  override render() {
    const chosen = this.choices.find((choice) => choice.type === this.value?.type);
    if (this.choices.length === 1) return this.renderInner(this.choices[0]!, this.label, this.help || undefined);
    return html`<fieldset>
      ${this.renderLegend()} ${this.renderHelp()}
      <label class="option" for="kind">Kind of value</label>
      <select
        id="kind"
        part="kind"
        ?disabled=${this.disabled}
        aria-invalid=${chosen ? 'false' : this.invalid}
        aria-describedby=${chosen ? nothing : this.describedBy()}
        @change=${this.onKind}
      >
        <option value="" ?selected=${!chosen}>—</option>
        ${this.choices.map(
          (choice) =>
            html`<option value=${choice.type} ?selected=${choice === chosen}>${dataTypeNames[choice.type]}</option>`,
        )}
      </select>
      ${chosen ? this.renderInner(chosen, `${this.label}: ${dataTypeNames[chosen.type]}`, undefined) : this.renderError()}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-choice-input': DocsyChoiceInput;
  }
}
