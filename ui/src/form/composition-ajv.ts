import { Ajv2020 } from 'ajv/dist/2020.js';
import addErrors from 'ajv-errors';
import addFormats from 'ajv-formats';

/**
 * The Ajv setup of docs/modelling.md, "Validation and messages": draft 2020-12, every error,
 * strict, ajv-formats and ajv-errors. The server validates with the same options; the messages
 * come from the form definition's schema, so both sides say the same words.
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
 * A fresh Ajv instance configured like the server's composition validators.
 *
 * @example
 * const validate = createCompositionAjv().compile(definition.schema);
 */
export function createCompositionAjv(): Ajv2020 {
  const ajv = new Ajv2020(compositionAjvOptions);
  addFormats(ajv);
  addErrors(ajv);
  return ajv;
}
