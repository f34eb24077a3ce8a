import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';

/**
 * Free text: one line, or several (`multiline`, the `textarea` widget).
 *
 * @event docsy-change - `{value}`: the text, or undefined when emptied
 * @csspart control - the input or textarea
 * @csspart error - the error text
 */
@customElement('docsy-text-input')
export class DocsyTextInput extends DocsyField<string> {
  /** Several lines (a textarea). */
  @property({ type: Boolean, reflect: true }) multiline = false;
  /** An input type for one line: `text` (default) or `url`. */
  @property({ attribute: 'input-type' }) inputType: 'text' | 'url' = 'text';

  private onInput(event: Event): void {
    const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.changeValue(text === '' ? undefined : text);
  }

  override render() {
    const described = this.describedBy();
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      ${
        this.multiline
          ? html`<textarea
              id="control"
              part="control"
              .value=${this.value ?? ''}
              ?disabled=${this.disabled}
              aria-required=${this.required ? 'true' : 'false'}
              aria-invalid=${this.invalid}
              aria-describedby=${described}
              @input=${this.onInput}
            ></textarea>`
          : html`<input
              id="control"
              part="control"
              type=${this.inputType}
              size="40"
              .value=${this.value ?? ''}
              ?disabled=${this.disabled}
              aria-required=${this.required ? 'true' : 'false'}
              aria-invalid=${this.invalid}
              aria-describedby=${described}
              @input=${this.onInput}
            />`
      }
      ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-text-input': DocsyTextInput;
  }
}
