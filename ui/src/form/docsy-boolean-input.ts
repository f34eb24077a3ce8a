import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';
import { radioOptions } from './option-controls.js';

/**
 * Yes or no. As a checkbox (`widget="checkbox"`), ticked records yes; unticked records nothing,
 * or no when the element is mandatory. As buttons (`widget="buttons"`), Yes and No radios that
 * an optional field can clear, so that "no" and "not recorded" differ.
 *
 * @event docsy-change - `{value}`: true, false, or undefined
 * @csspart control - the checkbox
 * @csspart options - the radio buttons
 * @csspart error - the error text
 */
@customElement('docsy-boolean-input')
export class DocsyBooleanInput extends DocsyField<boolean> {
  @property() widget: 'checkbox' | 'buttons' = 'checkbox';

  override render() {
    if (this.widget === 'buttons') {
      const selected = this.value === undefined ? undefined : String(this.value);
      return html`<fieldset>
          ${this.renderLegend()} ${this.renderHelp()}
          ${radioOptions({
            options: [
              { code: 'true', text: 'Yes' },
              { code: 'false', text: 'No' },
            ],
            selected,
            name: 'options',
            label: this.label,
            required: this.required,
            disabled: this.disabled,
            invalid: this.invalid,
            describedBy: this.describedBy(),
            onPick: (code) => this.changeValue(code === undefined ? undefined : code === 'true'),
          })}
        </fieldset>
        ${this.renderError()}`;
    }
    return html`<div class="row">
        <input
          id="control"
          part="control"
          type="checkbox"
          .checked=${this.value === true}
          ?disabled=${this.disabled}
          aria-invalid=${this.invalid}
          aria-describedby=${this.describedBy()}
          @change=${(event: Event) => {
            const checked = (event.target as HTMLInputElement).checked;
            this.changeValue(checked ? true : this.required ? false : undefined);
          }}
        />${this.renderLabel()}
      </div>
      ${this.renderHelp()} ${this.renderError()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-boolean-input': DocsyBooleanInput;
  }
}
