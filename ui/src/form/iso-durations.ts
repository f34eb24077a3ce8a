/** The units a duration is entered in, with their ISO 8601 designators. */
export const durationUnits = [
  { unit: 'minutes', label: 'minutes', time: true, designator: 'M' },
  { unit: 'hours', label: 'hours', time: true, designator: 'H' },
  { unit: 'days', label: 'days', time: false, designator: 'D' },
  { unit: 'weeks', label: 'weeks', time: false, designator: 'W' },
  { unit: 'months', label: 'months', time: false, designator: 'M' },
  { unit: 'years', label: 'years', time: false, designator: 'Y' },
  { unit: 'seconds', label: 'seconds', time: true, designator: 'S' },
] as const;

export type DurationUnit = (typeof durationUnits)[number]['unit'];

/**
 * An amount and unit as an ISO 8601 duration.
 *
 * @example
 * isoDuration('30', 'minutes'); // 'PT30M'
 * isoDuration('7', 'days');     // 'P7D'
 */
export function isoDuration(amount: string, unit: DurationUnit): string {
  const spec = durationUnits.find((candidate) => candidate.unit === unit)!;
  return `P${spec.time ? 'T' : ''}${amount.trim()}${spec.designator}`;
}

/**
 * A duration read back as one amount and unit, or undefined when it has several parts
 * (`P1Y6M`) and can only be shown as written.
 *
 * @example
 * durationParts('PT30M'); // { amount: '30', unit: 'minutes' }
 */
export function durationParts(value: string): { amount: string; unit: DurationUnit } | undefined {
  const match = /^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$/.exec(value);
  if (!match) return undefined;
  const [, time, amount, designator] = match as unknown as [string, string, string, string];
  const spec = durationUnits.find((unit) => unit.designator === designator && unit.time === (time === 'T'));
  return spec ? { amount, unit: spec.unit } : undefined;
}

/**
 * A duration in words, for reading.
 *
 * @example
 * durationInWords('P2W'); // '2 weeks'
 */
export function durationInWords(value: string): string {
  const parts = durationParts(value);
  if (!parts) return value;
  const unit = Number(parts.amount) === 1 ? parts.unit.slice(0, -1) : parts.unit;
  return `${parts.amount} ${unit}`;
}
