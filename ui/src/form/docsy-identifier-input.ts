import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DocsyField } from './docsy-field.js';

/** An identifier: the id, and who issued and assigned it, and its kind. */
export interface IdentifierValue {
  id?: string;
  issuer?: string;
  assigner?: string;
  type?: string;
  [key: string]: string | undefined;
}

const parts = [
  { key: 'id', label: 'ID' },
  { key: 'issuer', label: 'Issuer' },
  { key: 'assigner', label: 'Assigner' },
  { key: 'type', label: 'Type' },
] as const;

/**
 * An identifier issued by someone: ID (required when any part is given), issuer, assigner and type.
 *
 * @event docsy-change - `{value}`: `{id, issuer?, assigner?, type?}`, or undefined when all are empty
 * @csspart control - the ID input
 * @csspart error - the error text
 */
@customElement('docsy-identifier-input')
export class DocsyIdentifierInput extends DocsyField<IdentifierValue> {
  private onInput(key: string, text: string): void {
    const next: IdentifierValue = { ...this.value };
    if (text === '') delete next[key];
    else next[key] = text;
    this.changeValue(Object.keys(next).length > 0 ? next : undefined);
  }

  override render() {
    return html`<fieldset>
        ${this.renderLegend()} ${this.renderHelp()}
        <div class="row">
          ${parts.map(
            (part) =>
              html`<span>
                <label class="option" for=${part.key === 'id' ? 'control' : part.key}>${part.label}</label>
                <input
                  id=${part.key === 'id' ? 'control' : part.key}
                  part=${part.key === 'id' ? 'control' : part.key}
                  size="14"
                  .value=${this.value?.[part.key] ?? ''}
                  ?disabled=${this.disabled}
                  aria-required=${part.key === 'id' && this.required ? 'true' : 'false'}
                  aria-invalid=${this.invalid}
                  aria-describedby=${this.describedBy()}
                  @input=${(event: Event) => this.onInput(part.key, (event.target as HTMLInputElement).value)}
                />
              </span>`,
          )}
        </div>
      </fieldset>
      ${this.renderError()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-identifier-input': DocsyIdentifierInput;
  }
}
