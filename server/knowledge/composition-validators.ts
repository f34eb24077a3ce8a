import type { ValidateFunction } from 'ajv';
import { createCompositionAjv } from './ajv-factory.js';
import { toFieldErrors, type FieldError } from './field-errors.js';
import type { FormDefinition } from './form-definition.js';

/**
 * Compiled composition validators, one per template revision, compiled on first use and kept:
 * a published revision never changes, so neither does its validator.
 */
class CompositionValidators {
  readonly #ajv = createCompositionAjv();
  readonly #compiled = new Map<string, ValidateFunction>();

  /** The compiled validator of a form definition. */
  compiled(form: FormDefinition): ValidateFunction {
    const key = `${form.template.id}@${form.template.revision}`;
    let validate = this.#compiled.get(key);
    if (!validate) {
      // Drafts share a key with their next edit, so their schema is compiled fresh each time.
      this.#ajv.removeSchema(String(form.schema.$id));
      validate = this.#ajv.compile(form.schema);
      if (form.template.lifecycle !== 'draft') this.#compiled.set(key, validate);
    }
    return validate;
  }

  /**
   * Validates a composition body; an empty list means valid.
   *
   * @example
   * compositionValidators.validate(form, body); // [{ path: '/content/0/data/systolic', message: 'Systolic: is required' }]
   */
  validate(form: FormDefinition, body: unknown): FieldError[] {
    const validate = this.compiled(form);
    return validate(body) ? [] : toFieldErrors(validate.errors ?? []);
  }
}

export const compositionValidators = new CompositionValidators();
