import type { ValidateFunction } from 'ajv';
import { createCompositionAjv } from './ajv-factory.js';
import { toFieldErrors, type FieldError } from './field-errors.js';
import type { FormDefinition } from './form-definition.js';

/**
 * Compiled composition validators, one per form definition, compiled on first use and kept as
 * long as the definition is: the catalog keeps one definition per stored template revision, so
 * its validator is compiled once. A file being previewed or reviewed before it is stored makes a
 * new definition on every edit (with the id and revision it will have, whatever its lifecycle),
 * so an edit is never validated by the validator of the text before it.
 */
class CompositionValidators {
  readonly #ajv = createCompositionAjv();
  readonly #compiled = new WeakMap<FormDefinition, ValidateFunction>();

  /** The compiled validator of a form definition. */
  compiled(form: FormDefinition): ValidateFunction {
    let validate = this.#compiled.get(form);
    if (!validate) {
      // Another definition of the same revision (an edit under review) registered this $id before.
      this.#ajv.removeSchema(String(form.schema.$id));
      validate = this.#ajv.compile(form.schema);
      this.#compiled.set(form, validate);
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
