import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';
import { radioOptions, selectOptions, type OptionControlsInput, type OptionItem } from './option-controls.js';

/**
 * A field that offers a list of options, as radio buttons in a fieldset (`buttons`) or as a
 * select. Subclasses say what the options are and which value picking one gives.
 */
export abstract class OptionField<V extends { code: string }> extends DocsyField<V> {
  @property() widget: 'buttons' | 'select' = 'select';

  /** The options, in the order offered. */
  protected abstract optionItems(): OptionItem[];
  /** The value of the option with this code (undefined: nothing chosen). */
  protected abstract optionValue(code: string | undefined): V | undefined;

  override render() {
    const input: OptionControlsInput = {
      options: this.optionItems(),
      selected: this.value?.code,
      name: 'options',
      label: this.label,
      required: this.required,
      disabled: this.disabled,
      invalid: this.invalid,
      describedBy: this.describedBy(),
      onPick: (code: string | undefined) => this.changeValue(this.optionValue(code)),
    };
    if (this.widget === 'buttons') {
      return html`<fieldset>${this.renderLegend()} ${this.renderHelp()} ${radioOptions(input)}</fieldset>
        ${this.renderError()}`;
    }
    return html`${this.renderLabel()} ${this.renderHelp()} ${selectOptions(input)} ${this.renderError()}`;
  }
}
