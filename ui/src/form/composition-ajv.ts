import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';

type AjvPlugin = ((ajv: Ajv2020) => unknown) & { default?: (ajv: Ajv2020) => unknown };
// Both plugins are CommonJS modules whose function is also their `default`; bundlers and Node.js
// hand over one or the other.
const addErrors = (ajvErrors as unknown as AjvPlugin).default ?? (ajvErrors as unknown as AjvPlugin);
const addFormats = (ajvFormats as unknown as AjvPlugin).default ?? (ajvFormats as unknown as AjvPlugin);

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
