import { html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';
import { numberEntry, numberText } from './number-entry.js';

/**
 * A whole number of things, within the element's `minimum` and `maximum` when it has them.
 *
 * @event docsy-change - `{value}`: the number, or undefined when emptied
 * @csspart control - the input
 * @csspart error - the error text
 */
@customElement('docsy-count-input')
export class DocsyCountInput extends DocsyField<number | string> {
  @property({ type: Number }) minimum: number | undefined = undefined;
  @property({ type: Number }) maximum: number | undefined = undefined;

  @state() private text = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.valueSetFromOutside(changed)) this.text = numberText(this.value);
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.changeValue(numberEntry(this.text));
  }

  private rangeInWords(): string {
    if (this.minimum !== undefined && this.maximum !== undefined) return `${this.minimum} to ${this.maximum}`;
    if (this.minimum !== undefined) return `${this.minimum} or more`;
    if (this.maximum !== undefined) return `at most ${this.maximum}`;
    return '';
  }

  override render() {
    const range = this.rangeInWords();
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      <input
        id="control"
        part="control"
        inputmode="numeric"
        size="8"
        .value=${this.text}
        ?disabled=${this.disabled}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy(...(range ? ['range'] : []))}
        @input=${this.onInput}
      />
      ${range ? html`<span id="range" class="note">Whole number, ${range}</span>` : html`<span class="note">Whole number</span>`}
      ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-count-input': DocsyCountInput;
  }
}
