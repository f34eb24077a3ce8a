/**
 * The form engine's validator, in a worker of its own. Ajv compiles a schema into a function
 * (`new Function`), which the application's Content-Security-Policy forbids; the server serves
 * this worker's file with a policy that allows it (server/http/content-security-policy.ts).
 * The worker holds no token and no page: it only receives schemas and compositions and
 * answers field errors.
 */
import type { ValidateFunction } from 'ajv';
import { fieldErrors } from './ajv-field-errors.js';
import { createCompositionAjv } from './composition-ajv.js';
import type { ValidationReply, ValidationRequest } from './validation-messages.js';

const ajv = createCompositionAjv();
const compiled = new Map<string, ValidateFunction>();

function validatorFor(request: ValidationRequest): ValidateFunction {
  let validate = compiled.get(request.schemaKey);
  if (!validate) {
    if (!request.schema) throw new Error(`no schema for ${request.schemaKey}`);
    // Without its $id, two drafts of one revision can both be compiled; every $ref is local.
    const { $id: _id, ...schema } = request.schema;
    validate = ajv.compile(schema);
    compiled.set(request.schemaKey, validate);
  }
  return validate;
}

function answer(request: ValidationRequest): ValidationReply {
  try {
    const validate = validatorFor(request);
    if (request.body === undefined) return { id: request.id, errors: [] };
    return { id: request.id, errors: validate(request.body) ? [] : fieldErrors(validate.errors ?? []) };
  } catch (error) {
    return { id: request.id, failure: error instanceof Error ? error.message : String(error) };
  }
}

self.addEventListener('message', (event: MessageEvent<ValidationRequest>) => {
  self.postMessage(answer(event.data));
});
