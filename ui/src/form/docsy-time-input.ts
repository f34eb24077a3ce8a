import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';

/**
 * A time of day, to the second (`08:30:00`).
 *
 * @event docsy-change - `{value}`: the time as text, or undefined when emptied
 * @csspart control - the input
 * @csspart error - the error text
 */
@customElement('docsy-time-input')
export class DocsyTimeInput extends DocsyField<string> {
  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.changeValue(input.validity.badInput ? 'incomplete' : input.value || undefined);
  }

  override render() {
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      <input
        id="control"
        part="control"
        type="time"
        step="1"
        .value=${this.value === 'incomplete' ? '' : (this.value ?? '')}
        ?disabled=${this.disabled}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy()}
        @input=${this.onInput}
      />
      ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-time-input': DocsyTimeInput;
  }
}
