import type { FieldError } from './api-error.js';

/** The parts of an Ajv error that Fastify passes along in `error.validation`. */
export interface SchemaViolation {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * Turns schema violations into `{path, message}` entries, `path` a JSON Pointer to the field
 * concerned (for a missing or unknown property, the property itself).
 *
 * @example
 * fieldErrors([{ keyword: 'required', instancePath: '/patient', params: { missingProperty: 'name' } }]);
 * // [{ path: '/patient/name', message: 'is required' }]
 */
export function fieldErrors(violations: readonly SchemaViolation[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const violation of violations) {
    const error = fieldError(violation);
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors;
}

function fieldError({ keyword, instancePath, params, message }: SchemaViolation): FieldError {
  if (keyword === 'required' && typeof params.missingProperty === 'string') {
    return { path: `${instancePath}/${pointerToken(params.missingProperty)}`, message: 'is required' };
  }
  if (keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { path: `${instancePath}/${pointerToken(params.additionalProperty)}`, message: 'is not an allowed field' };
  }
  if (keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return {
      path: instancePath,
      message: `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
    };
  }
  return { path: instancePath, message: message ?? `fails the ${keyword} rule` };
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
function pointerToken(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}
