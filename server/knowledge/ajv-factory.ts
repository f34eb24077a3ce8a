import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvErrorsModule from 'ajv-errors';
import ajvFormatsModule from 'ajv-formats';

// Both packages are CommonJS with a default export; under NodeNext the callable is on `.default`.
const addFormats = ajvFormatsModule as unknown as typeof ajvFormatsModule.default;
const addErrors = ajvErrorsModule as unknown as typeof ajvErrorsModule.default;

/**
 * The Ajv options every composition validator uses, on the server and in the browser alike
 * (docs/modelling.md, "Validating a composition"): draft 2020-12, all errors, ajv-formats and
 * ajv-errors, and a precision for `multipleOf` so that 37.3 is a multiple of 0.1.
 */
export const compositionAjvOptions = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  multipleOfPrecision: 9,
} as const;

/**
 * A fresh Ajv instance configured like every composition validator.
 *
 * @example
 * const validate = createCompositionAjv().compile(formDefinition.schema);
 */
export function createCompositionAjv(): Ajv2020 {
  const ajv = new Ajv2020(compositionAjvOptions);
  addFormats(ajv);
  addErrors(ajv);
  return ajv;
}

/** An Ajv instance for checking archetype and template files against their meta-schemas. */
export function createMetaAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  return ajv;
}
