import type { ErrorObject, ValidateFunction } from 'ajv';
import { createMetaAjv } from './ajv-factory.js';
import archetypeMetaSchema from './meta/archetype.schema.json' with { type: 'json' };
import templateMetaSchema from './meta/template.schema.json' with { type: 'json' };
import type { ModellingError } from './modelling-error.js';

const ajv = createMetaAjv();
const validators: Record<'archetype' | 'template', ValidateFunction> = {
  archetype: ajv.compile(archetypeMetaSchema),
  template: ajv.compile(templateMetaSchema),
};

const friendlyPatterns: Record<string, string> = {
  '/x-archetype/id': 'must be an archetype id such as openEHR-EHR-OBSERVATION.blood_pressure.v2',
  '/id': 'must be a template id such as docsy.vital_signs.v1',
};

/**
 * Checks a file against the archetype or template meta-schema and explains each problem in
 * words a modeller understands.
 *
 * @example
 * checkAgainstMetaSchema('archetype', JSON.parse(text)); // [] when the shape is right
 */
export function checkAgainstMetaSchema(kind: 'archetype' | 'template', document: unknown): ModellingError[] {
  const validate = validators[kind];
  if (validate(document)) return [];
  const all = validate.errors ?? [];
  const seen = new Set<string>();
  const errors: ModellingError[] = [];
  for (const error of all) {
    if (isCascade(error)) continue;
    const explained = explainMetaError(error);
    if (!explained) continue;
    const id = `${explained.path} ${explained.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    errors.push(explained);
  }
  return errors;
}

/** Ajv adds a summary error for every failing `propertyNames`; the specific one says more. */
function isCascade(error: ErrorObject): boolean {
  return error.keyword === 'propertyNames';
}

function explainMetaError(error: ErrorObject): ModellingError | undefined {
  const path = error.propertyName ? `${error.instancePath}/${error.propertyName}` : error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.propertyName && error.keyword === 'enum') {
    const allowed = (params.allowedValues as string[]).filter((keyword) => !keyword.startsWith('$'));
    return {
      path,
      message: `"${error.propertyName}" is not allowed here${suggestion(error.propertyName, allowed)}; allowed: ${allowed.join(', ')}`,
    };
  }
  if (error.propertyName && error.keyword === 'not') {
    return { path, message: `"${error.propertyName}" belongs on the list element, not on its items` };
  }
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'required':
      return { path, message: `"${String(params.missingProperty)}" is required here` };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      return { path: `${path}/${key}`, message: `"${key}" is not allowed here${suggestion(key)}` };
    }
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern':
      return { path, message: friendlyPatterns[path] ?? patternMessage(path, String(params.pattern)) };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

function patternMessage(path: string, pattern: string): string {
  if (/^\/slots\/\d+\/archetype$/.test(path)) {
    return 'must be the id of an entry archetype (OBSERVATION, EVALUATION, INSTRUCTION, ACTION or ADMIN_ENTRY), not a CLUSTER';
  }
  if (pattern.includes('-EHR-')) return 'must be an archetype id such as openEHR-EHR-OBSERVATION.blood_pressure.v2';
  if (path.endsWith('/revision') || /revision|archetypes\//.test(path)) return 'must be a revision such as 1.0.0';
  if (pattern.startsWith('^[a-z][a-z0-9_]{0,63}$'))
    return 'must be a key in snake_case (a-z, 0-9, _), starting with a letter';
  return `must match the pattern ${pattern}`;
}

const knownKeywords = [
  '$ref',
  'title',
  'description',
  'type',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'default',
  'examples',
  'x-codes',
  'x-units',
  'x-terminology',
  'x-widget',
  'x-ordinals',
  'x-proportion',
  'x-mediaTypes',
  'x-maxBytes',
  'x-choice',
  'x-showIf',
  'x-hiddenValues',
  'additionalProperties',
];

function suggestion(key: string, candidates: string[] = knownKeywords): string {
  const close = candidates.find((known) => known !== key && editDistance(known.toLowerCase(), key.toLowerCase()) <= 2);
  return close ? ` (did you mean "${close}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
