import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Json } from './form-definition.js';
import { fieldStyles } from './field.styles.js';

/**
 * What every form control of the engine shares: a label, help and error text linked to the
 * inner control with `aria-describedby`, the `docsy-change` event, and native form
 * participation through ElementInternals (form value, validity, checkValidity/reportValidity).
 * Not registered itself; each data type's element extends it.
 *
 * The value is the data type's composition value (docs/modelling.md, "Data types"), or
 * undefined when empty. While an entry cannot be read yet (a magnitude of "12a"), the value
 * carries what was typed, so that validation names the problem in the schema's own words.
 */
export abstract class DocsyField<V = Json> extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles: CSSResultGroup = fieldStyles;

  /** The field's label (the element's label in the form definition). */
  @property() label = '';
  /** Help text shown under the label. */
  @property() help = '';
  /** The error to show, as the validator words it; empty when valid. */
  @property() error = '';
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The name under which a native form submits the value (as JSON). */
  @property({ reflect: true }) name = '';
  /** The composition value, or undefined when empty. */
  @property({ attribute: false }) value: V | undefined = undefined;

  /** Set by reportValidity() so that a field used on its own shows its validation message. */
  @state() private reported = false;

  protected readonly internals: ElementInternals = this.attachInternals();

  /** The owning native form, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    this.reported = true;
    return this.internals.reportValidity();
  }

  formResetCallback(): void {
    this.value = undefined;
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('value') || changed.has('error') || changed.has('required') || changed.has('label')) {
      this.internals.setFormValue(this.value === undefined ? null : JSON.stringify(this.value));
      const anchor = this.renderRoot.querySelector<HTMLElement>('input, select, textarea, button') ?? undefined;
      if (this.error) this.internals.setValidity({ customError: true }, this.error, anchor);
      else if (this.required && this.value === undefined)
        this.internals.setValidity({ valueMissing: true }, `${this.label}: is required`, anchor);
      else this.internals.setValidity({});
    }
  }

  /** The message under the field: the error given, or after reportValidity() the field's own. */
  protected get shownError(): string {
    return this.error || (this.reported ? this.internals.validationMessage : '');
  }

  /** Ids for `aria-describedby`: the help and error text when shown, then any given (no attribute when none). */
  protected describedBy(...more: string[]): string | typeof nothing {
    return [this.help ? 'help' : '', this.shownError ? 'error' : '', ...more].filter(Boolean).join(' ') || nothing;
  }

  #lastChanged: V | undefined = undefined;

  /**
   * Whether `value` was set from outside (a composition loaded, a form reset) rather than by
   * this field's own entry: fields that keep what was typed then show the new value instead.
   */
  protected valueSetFromOutside(changed: PropertyValues<this>): boolean {
    return changed.has('value') && this.value !== this.#lastChanged;
  }

  /** Sets the value and tells the form: `docsy-change` with `{value}`, bubbling out of shadow roots. */
  protected changeValue(value: V | undefined): void {
    this.#lastChanged = value;
    this.value = value;
    this.reported = false;
    this.dispatchEvent(new CustomEvent('docsy-change', { detail: { value }, bubbles: true, composed: true }));
  }

  protected renderLabel(forId = 'control'): TemplateResult {
    return html`<label for=${forId}>${this.label}${this.renderRequiredMark()}</label>`;
  }

  protected renderLegend(): TemplateResult {
    return html`<legend>${this.label}${this.renderRequiredMark()}</legend>`;
  }

  protected renderRequiredMark(): TemplateResult | typeof nothing {
    return this.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing;
  }

  protected renderHelp(): TemplateResult | typeof nothing {
    return this.help ? html`<p id="help" class="help">${this.help}</p>` : nothing;
  }

  protected renderError(): TemplateResult {
    return html`<p id="error" class="error" part="error">${this.shownError}</p>`;
  }

  /** `aria-invalid` for the inner controls. */
  protected get invalid(): 'true' | 'false' {
    return this.shownError ? 'true' : 'false';
  }
}
