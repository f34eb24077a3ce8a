import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiProblem } from '../api.js';

/** One labelled control of a page's own form (the clinical forms use `<docsy-form>`). */
export interface FieldOptions {
  /** The control's id and name. */
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'search' | 'textarea' | 'datetime-local';
  value?: string;
  required?: boolean;
  autocomplete?: string;
  help?: string | TemplateResult;
  /** The error shown next to the control (and announced through `aria-describedby`). */
  error?: string;
  maxlength?: number;
}

/**
 * A label, help text, control and error message, linked for assistive technology
 * (`aria-describedby`, `aria-invalid`).
 *
 * @example
 * html`<form>${formField({ name: 'email', label: 'Email', type: 'email', required: true, error: this.errors['/email'] })}</form>`
 */
export function formField(options: FieldOptions): TemplateResult {
  const { name, label, type = 'text', value = '', required = false, help, error } = options;
  const describedBy = [help ? `${name}-help` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const common = {
    describedBy: describedBy || undefined,
    invalid: error ? 'true' : undefined,
  };
  const control =
    type === 'textarea'
      ? html`<textarea
          id=${name}
          name=${name}
          rows="3"
          .value=${value}
          ?required=${required}
          maxlength=${ifDefined(options.maxlength)}
          aria-describedby=${ifDefined(common.describedBy)}
          aria-invalid=${ifDefined(common.invalid)}
        ></textarea>`
      : html`<input
          id=${name}
          name=${name}
          type=${type}
          .value=${value}
          ?required=${required}
          maxlength=${ifDefined(options.maxlength)}
          autocomplete=${ifDefined(options.autocomplete)}
          aria-describedby=${ifDefined(common.describedBy)}
          aria-invalid=${ifDefined(common.invalid)}
        />`;
  return html`<div class="field">
    <label for=${name}>${label}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${help ? html`<span class="help" id=${`${name}-help`}>${help}</span>` : nothing} ${control}
    ${error ? html`<span class="field-error" id=${`${name}-error`}>${error}</span>` : nothing}
  </div>`;
}

/**
 * The field errors of a problem by JSON Pointer (`/email` → "must be an email address"),
 * several for one field joined.
 *
 * @example
 * const errors = fieldErrors(problem); errors['/password'];
 */
export function fieldErrors(problem: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(problem instanceof ApiProblem)) return errors;
  for (const error of problem.errors) {
    errors[error.path] = errors[error.path] ? `${errors[error.path]} ${error.message}` : error.message;
  }
  return errors;
}

/**
 * The text values of a submitted form, by control name.
 *
 * @example
 * const { email, password } = formValues(event);
 */
export function formValues(event: Event): Record<string, string> {
  const form = event.target as HTMLFormElement;
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') values[key] = value;
  return values;
}

/**
 * Moves focus to the first control that shows an error, after the page rendered it.
 *
 * @example
 * await focusFirstInvalid(this);
 */
export async function focusFirstInvalid(host: {
  updateComplete: Promise<boolean>;
  renderRoot: ParentNode;
}): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
