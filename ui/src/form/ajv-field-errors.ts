import type { ErrorObject } from 'ajv';
import type { FieldError } from './form-definition.js';

/**
 * Reduces Ajv's errors for a composition to one message per field, as the API's 422 answer
 * does (docs/modelling.md, "Validation and messages"): the schema's own `errorMessage` wins over
 * Ajv's raw words, a missing or unknown part is reported at its own path, and fields keep the
 * order in which Ajv met them.
 *
 * @example
 * validate(composition);
 * fieldErrors(validate.errors ?? []); // [{ path: '/content/0/data/systolic', message: 'Systolic: is required' }]
 */
export function fieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const firstSeen: string[] = [];
  const schemaMessage = new Map<string, string>();
  const rawMessage = new Map<string, string>();
  for (const error of errors) {
    for (const field of describe(error)) {
      if (!firstSeen.includes(field.path)) firstSeen.push(field.path);
      const messages = error.keyword === 'errorMessage' ? schemaMessage : rawMessage;
      if (!messages.has(field.path)) messages.set(field.path, field.message);
    }
  }
  return firstSeen.map((path) => ({ path, message: schemaMessage.get(path) ?? rawMessage.get(path)! }));
}

/** The fields one Ajv error speaks of; `if` errors only say that a `then` failed, which is reported itself. */
function describe(error: ErrorObject): FieldError[] {
  if (error.keyword === 'if') return [];
  if (error.keyword === 'errorMessage') {
    const causes = (error.params as { errors: ErrorObject[] }).errors;
    return causes.map((cause) => ({
      path: pointerOf(cause),
      message:
        cause.keyword === 'additionalProperties'
          ? `${String(cause.params.additionalProperty)}: ${error.message}`
          : (error.message ?? 'is not valid'),
    }));
  }
  return [
    { path: pointerOf(error), message: `${error.instancePath || 'Composition'}: ${error.message ?? 'is not valid'}` },
  ];
}

/** Where the error is: the instance path, or the missing or unknown property below it. */
function pointerOf(error: ErrorObject): string {
  const part =
    error.keyword === 'required'
      ? (error.params as { missingProperty: string }).missingProperty
      : error.keyword === 'additionalProperties'
        ? (error.params as { additionalProperty: string }).additionalProperty
        : undefined;
  return part === undefined
    ? error.instancePath
    : `${error.instancePath}/${part.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
