import safeRegex from 'safe-regex2';
import type { ValueSpec } from './element-tree.js';
import type { ModellingError } from './modelling-error.js';

/**
 * The rules on one value's constraints that a meta-schema cannot express: ranges in order,
 * codes unique, patterns that compile and cannot backtrack catastrophically.
 *
 * @example
 * checkValueSpec({ type: 'count', minimum: 5, maximum: 1 }); // [{ path: '/maximum', message: … }]
 */
export function checkValueSpec(spec: ValueSpec): ModellingError[] {
  const errors: ModellingError[] = [];
  switch (spec.type) {
    case 'text':
    case 'text_or_coded_text':
      if (spec.minLength !== undefined && spec.minLength > spec.maxLength) {
        errors.push({ path: '/maxLength', message: `must be at least minLength (${spec.minLength})` });
      }
      if (spec.pattern !== undefined) errors.push(...checkPattern(spec.pattern));
      break;
    case 'coded_text':
      if (!spec.codes && !spec.terminology) {
        errors.push({ path: '', message: 'a coded text needs its value set: x-codes (local codes) or x-terminology' });
      }
      if (spec.codes)
        errors.push(
          ...checkUnique(
            spec.codes.map((c) => c.code),
            '/x-codes',
            'code',
          ),
        );
      break;
    case 'ordinal':
      errors.push(
        ...checkUnique(
          spec.ordinals.map((o) => o.code),
          '/x-ordinals',
          'code',
        ),
      );
      errors.push(
        ...checkUnique(
          spec.ordinals.map((o) => String(o.ordinal)),
          '/x-ordinals',
          'ordinal',
        ),
      );
      break;
    case 'quantity':
      errors.push(
        ...checkUnique(
          (spec.units ?? []).map((u) => u.unit),
          '/x-units',
          'unit',
        ),
      );
      (spec.units ?? []).forEach((unit, index) => {
        const low = unit.minimum ?? unit.exclusiveMinimum;
        const high = unit.maximum ?? unit.exclusiveMaximum;
        if (unit.minimum !== undefined && unit.exclusiveMinimum !== undefined) {
          errors.push({ path: `/x-units/${index}`, message: 'use minimum or exclusiveMinimum, not both' });
        }
        if (unit.maximum !== undefined && unit.exclusiveMaximum !== undefined) {
          errors.push({ path: `/x-units/${index}`, message: 'use maximum or exclusiveMaximum, not both' });
        }
        if (low !== undefined && high !== undefined && low >= high) {
          errors.push({
            path: `/x-units/${index}`,
            message: `the lower limit ${low} must be below the upper limit ${high}`,
          });
        }
      });
      break;
    case 'count':
      if (spec.minimum !== undefined && spec.maximum !== undefined && spec.minimum > spec.maximum) {
        errors.push({ path: '/maximum', message: `must be at least minimum (${spec.minimum})` });
      }
      break;
    default:
      break;
  }
  return errors;
}

function checkUnique(values: string[], path: string, what: string): ModellingError[] {
  const seen = new Set<string>();
  const errors: ModellingError[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) errors.push({ path: `${path}/${index}/${what}`, message: `${what} "${value}" appears twice` });
    seen.add(value);
  });
  return errors;
}

/** Patterns run on every commit, so one that can backtrack exponentially is refused. */
function checkPattern(pattern: string): ModellingError[] {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return [{ path: '/pattern', message: 'is not a valid regular expression' }];
  }
  if (!safeRegex(pattern, { limit: 25 })) {
    return [{ path: '/pattern', message: 'can take exponential time on some inputs (nested repetition); simplify it' }];
  }
  return [];
}
