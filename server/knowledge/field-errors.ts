import type { ErrorObject } from 'ajv';

/** One failing field: a JSON Pointer into the composition and a message a clinician understands. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Turns Ajv errors of a resolved form schema into one message per failing field. The messages
 * come from the schema (`errorMessage`); a required or unknown part is reported at its own path.
 *
 * @example
 * validate(composition);
 * toFieldErrors(validate.errors ?? []); // [{ path: '/content/0/data/systolic/magnitude', message: 'Systolic: …' }]
 */
export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const byPath = new Map<string, string>();
  // The schema's own messages first: Ajv also reports the raw errors of failing subschemas.
  const ordered = [
    ...errors.filter((e) => e.keyword === 'errorMessage'),
    ...errors.filter((e) => e.keyword !== 'errorMessage'),
  ];
  for (const error of ordered) {
    for (const field of explain(error)) if (!byPath.has(field.path)) byPath.set(field.path, field.message);
  }
  const order = errors.flatMap((error) => explain(error).map((field) => field.path));
  return [...byPath]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([path, message]) => ({ path, message }));
}

function explain(error: ErrorObject): FieldError[] {
  if (error.keyword === 'if') return [];
  if (error.keyword !== 'errorMessage')
    return [
      { path: partPath(error), message: `${error.instancePath || 'Composition'}: ${error.message ?? 'is not valid'}` },
    ];
  const originals = (error.params as { errors: ErrorObject[] }).errors;
  return originals.map((original) => {
    const path = partPath(original);
    if (original.keyword === 'additionalProperties') {
      return { path, message: `${String(original.params.additionalProperty)}: ${error.message}` };
    }
    return { path, message: error.message ?? 'is not valid' };
  });
}

function partPath(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${escape(String(params.missingProperty))}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${escape(String(params.additionalProperty))}`;
  return error.instancePath;
}

function escape(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
