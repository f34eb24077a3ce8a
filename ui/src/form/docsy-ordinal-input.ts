import { customElement, property } from 'lit/decorators.js';
import type { OrdinalOption } from './form-definition.js';
import type { OptionItem } from './option-controls.js';
import { OptionField } from './option-field.js';

/** An ordinal value: its rank with its code and text. */
export interface OrdinalValue {
  ordinal: number;
  code: string;
  terminology: string;
  value: string;
  [key: string]: string | number;
}

/**
 * A ranked value (a score item), as radio buttons or a select; each option shows its rank.
 *
 * @event docsy-change - `{value}`: `{ordinal, code, terminology, value}`, or undefined when cleared
 * @csspart control - the select
 * @csspart options - the radio buttons
 * @csspart error - the error text
 */
@customElement('docsy-ordinal-input')
export class DocsyOrdinalInput extends OptionField<OrdinalValue> {
  @property({ attribute: false }) ordinals: readonly OrdinalOption[] = [];

  protected optionItems(): OptionItem[] {
    return this.ordinals.map((option) => ({
      code: option.code,
      text: `${option.ordinal}: ${option.value}`,
      description: option.description,
    }));
  }

  protected optionValue(code: string | undefined): OrdinalValue | undefined {
    const option = this.ordinals.find((candidate) => candidate.code === code);
    return option && { ordinal: option.ordinal, code: option.code, terminology: 'local', value: option.value };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-ordinal-input': DocsyOrdinalInput;
  }
}
