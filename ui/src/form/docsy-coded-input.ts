import { customElement, property } from 'lit/decorators.js';
import type { CodeOption } from './form-definition.js';
import type { OptionItem } from './option-controls.js';
import { OptionField } from './option-field.js';

/** A coded value: `{code, terminology, value}`. */
export interface CodedValue {
  code: string;
  terminology: string;
  value: string;
  [key: string]: string;
}

/**
 * A value from a local value set, as radio buttons (`widget="buttons"`, for few options) or a
 * select (`widget="select"`).
 *
 * @event docsy-change - `{value}`: `{code, terminology, value}`, or undefined when cleared
 * @csspart control - the select
 * @csspart options - the radio buttons
 * @csspart error - the error text
 */
@customElement('docsy-coded-input')
export class DocsyCodedInput extends OptionField<CodedValue> {
  @property({ attribute: false }) codes: readonly CodeOption[] = [];
  /** The terminology recorded with the code: `local` for an archetype's value set. */
  @property() terminology = 'local';

  protected optionItems(): OptionItem[] {
    return this.codes.map((option) => ({ code: option.code, text: option.value, description: option.description }));
  }

  protected optionValue(code: string | undefined): CodedValue | undefined {
    const option = this.codes.find((candidate) => candidate.code === code);
    return option && { code: option.code, terminology: this.terminology, value: option.value };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-coded-input': DocsyCodedInput;
  }
}
