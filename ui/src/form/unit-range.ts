import type { UnitOption } from './form-definition.js';

/** How a unit is shown: its label (°C), or its UCUM code. */
export function unitLabel(unit: UnitOption): string {
  return unit.label ?? unit.unit;
}

/**
 * The range a unit allows, in words, for the hint under a quantity.
 *
 * @example
 * unitRangeInWords({ unit: 'Cel', label: '°C', minimum: 0, exclusiveMaximum: 100, decimals: 1 });
 * // 'at least 0 and less than 100 °C, with at most 1 decimal'
 */
export function unitRangeInWords(unit: UnitOption): string {
  const bounds = [
    unit.minimum !== undefined ? `at least ${unit.minimum}` : '',
    unit.exclusiveMinimum !== undefined ? `more than ${unit.exclusiveMinimum}` : '',
    unit.maximum !== undefined ? `at most ${unit.maximum}` : '',
    unit.exclusiveMaximum !== undefined ? `less than ${unit.exclusiveMaximum}` : '',
  ].filter(Boolean);
  const range = bounds.length > 0 ? `${bounds.join(' and ')} ${unitLabel(unit)}` : `any amount in ${unitLabel(unit)}`;
  if (unit.decimals === undefined) return range;
  if (unit.decimals === 0) return `${range}, a whole number`;
  return `${range}, with at most ${unit.decimals} decimal${unit.decimals === 1 ? '' : 's'}`;
}
