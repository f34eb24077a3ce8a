import { consume } from '@lit/context';
import { css, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TerminologyConcept } from '../api.js';
import type { CodedValue } from './docsy-coded-input.js';
import { DocsyField } from './docsy-field.js';
import { formServicesContext, type FormServices } from './form-services.js';

/** How long typing must pause before the terminology is searched. */
const searchDelayMs = 150;

/**
 * Search-as-you-type over a terminology value set (`GET /api/terminology/{valueSet}?q=`), an
 * ARIA combobox: type, move through the suggestions with the arrow keys, pick one with Enter
 * (or a click), close them with Escape. A picked concept is recorded as `{code, terminology,
 * value}`; with `allow-text` (a text-or-coded-text element) free text is recorded as typed.
 * The search itself comes from the form's services (`formServicesContext`).
 *
 * @event docsy-change - `{value}`: the coded value, the text typed, or undefined when emptied
 * @csspart control - the input
 * @csspart listbox - the suggestions
 * @csspart error - the error text
 */
@customElement('docsy-terminology-input')
export class DocsyTerminologyInput extends DocsyField<CodedValue | string> {
  static override styles: CSSResultGroup = [
    DocsyField.styles,
    css`
      .combo {
        position: relative;
        max-width: 32rem;
      }
      .combo input {
        width: 100%;
      }
      [role='listbox'] {
        position: absolute;
        z-index: 10;
        left: 0;
        right: 0;
        margin: 2px 0 0;
        padding: 0;
        list-style: none;
        max-height: 16rem;
        overflow-y: auto;
        background: var(--docsy-surface, #fff);
        border: 1px solid var(--docsy-border, #7b8794);
        border-radius: 4px;
        box-shadow: 0 4px 12px rgb(0 0 0 / 15%);
      }
      [role='option'] {
        padding: 0.35rem 0.5rem;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--docsy-focus, #1a5fb4);
        color: #fff;
      }
      .code {
        font-size: 0.8rem;
        opacity: 0.8;
      }
    `,
  ];

  /** The value set searched (`snomed-problems`, `loinc-analytes`…). */
  @property({ attribute: 'value-set' }) valueSet = '';
  /** Free text is a valid entry (text-or-coded-text); otherwise a concept must be picked. */
  @property({ type: Boolean, attribute: 'allow-text', reflect: true }) allowText = false;

  @consume({ context: formServicesContext, subscribe: true })
  @state()
  private services: FormServices | undefined;

  @state() private text = '';
  @state() private concepts: TerminologyConcept[] = [];
  @state() private open = false;
  @state() private active = -1;
  @state() private status = '';

  #timer: ReturnType<typeof setTimeout> | undefined;
  #search: AbortController | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.valueSetFromOutside(changed)) {
      this.text = typeof this.value === 'object' ? this.value.value : (this.value ?? '');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#search?.abort();
  }

  private onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.changeValue(this.text.trim() === '' ? undefined : this.text);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.search(this.text.trim()), searchDelayMs);
  }

  private async search(q: string): Promise<void> {
    this.#search?.abort();
    if (q === '' || !this.services) {
      this.close();
      return;
    }
    const search = (this.#search = new AbortController());
    try {
      const concepts = await this.services.searchTerminology(this.valueSet, q, search.signal);
      if (search.signal.aborted) return;
      this.concepts = concepts;
      this.open = concepts.length > 0;
      this.active = -1;
      this.status =
        concepts.length === 0 ? 'No suggestions' : `${concepts.length} suggestion${concepts.length === 1 ? '' : 's'}`;
    } catch (error) {
      if (search.signal.aborted) return;
      this.close();
      this.status = `Suggestions unavailable: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private close(): void {
    this.open = false;
    this.active = -1;
  }

  private pick(concept: TerminologyConcept): void {
    this.text = concept.display;
    this.changeValue({ code: concept.code, terminology: concept.codeSystem, value: concept.display });
    this.close();
    this.status = `${concept.display} chosen`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.concepts.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        this.open = true;
        if (event.key === 'ArrowDown') this.active = this.active < 0 ? 0 : (this.active + 1) % count;
        else this.active = this.active <= 0 ? count - 1 : this.active - 1;
        return;
      case 'Enter':
        if (this.open && this.active >= 0) {
          event.preventDefault();
          this.pick(this.concepts[this.active]!);
        }
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        }
        return;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('active') && this.active >= 0)
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const coded = typeof this.value === 'object' ? this.value : undefined;
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      <div class="combo">
        <input
          id="control"
          part="control"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : nothing}
          .value=${this.text}
          ?disabled=${this.disabled}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.invalid}
          aria-describedby=${this.describedBy(...(coded ? ['coded'] : []))}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @blur=${() => this.close()}
        />
        <ul id="listbox" part="listbox" role="listbox" aria-label=${`${this.label} suggestions`} ?hidden=${!this.open}>
          ${
            this.open
              ? this.concepts.map(
                  (concept, index) =>
                    html`<li
                      id=${`option-${index}`}
                      role="option"
                      aria-selected=${index === this.active ? 'true' : 'false'}
                      @mousedown=${(event: Event) => event.preventDefault()}
                      @click=${() => this.pick(concept)}
                    >
                      ${concept.display} <span class="code">${concept.codeSystem} ${concept.code}</span>
                    </li>`,
                )
              : nothing
          }
        </ul>
      </div>
      ${coded ? html`<p id="coded" class="note">Coded: ${coded.terminology} ${coded.code}</p>` : nothing}
      <span class="visually-hidden" role="status">${this.status}</span>
      ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-terminology-input': DocsyTerminologyInput;
  }
}
