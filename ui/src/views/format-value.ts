import { dataTypeNames } from '../form/data-type-names.js';
import { sizeInWords } from '../form/file-sizes.js';
import type { Json, ValueSpec } from '../form/form-definition.js';
import { durationInWords } from '../form/iso-durations.js';
import { precisionOf, splitZone } from '../form/partial-dates.js';
import { unitLabel } from '../form/unit-range.js';

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date or date-time as written, for reading: partial dates stay partial, a time keeps the
 * zone it was recorded in.
 *
 * @example
 * dateInWords('2019-06');                   // 'June 2019'
 * dateInWords('2018-04-02T14:30:00+02:00'); // '2 April 2018, 14:30:00 (UTC+02:00)'
 */
export function dateInWords(value: string): string {
  const { local, zone } = splitZone(value);
  const [date = '', time] = local.split('T');
  const [year, month, day] = date.split('-');
  const monthName = month ? months[Number(month) - 1] : undefined;
  if (monthName === undefined && month !== undefined) return value;
  const words =
    precisionOf(date) === 'year' ? year : [day ? Number(day) : '', monthName, year].filter(Boolean).join(' ');
  if (time === undefined) return words ?? value;
  return `${words}, ${time}${zone ? ` (UTC${zone === 'Z' ? '' : zone})` : ''}`;
}

type Coded = { code?: string; value?: string; terminology?: string; ordinal?: number };

/**
 * A composition value as a clinician reads it, given its value spec.
 *
 * @example
 * valueInWords({ type: 'quantity', units: [{ unit: 'Cel', label: '°C' }] }, { magnitude: 37.2, unit: 'Cel' }); // '37.2 °C'
 */
export function valueInWords(spec: ValueSpec | undefined, value: Json): string {
  if (value === null || value === undefined) return '';
  if (!spec) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  const object = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, Json>;
  switch (spec.type) {
    case 'text':
    case 'text_or_coded_text':
    case 'coded_text':
      return typeof value === 'string' ? value : codedInWords(object as Coded);
    case 'quantity': {
      const unit = spec.units?.find((option) => option.unit === object.unit);
      return `${String(object.magnitude)} ${unit ? unitLabel(unit) : String(object.unit ?? '')}`.trim();
    }
    case 'proportion':
      if (spec.kind === 'percent') return `${String(object.numerator)} %`;
      if (spec.kind === 'unitary') return String(object.numerator);
      return `${String(object.numerator)}/${String(object.denominator)}`;
    case 'ordinal':
      return `${String(object.ordinal)}: ${String(object.value)}`;
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'date':
    case 'date_time':
      return typeof value === 'string' ? dateInWords(value) : String(value);
    case 'duration':
      return typeof value === 'string' ? durationInWords(value) : String(value);
    case 'identifier':
      return [
        object.id,
        object.issuer && `issued by ${String(object.issuer)}`,
        object.assigner && `assigned by ${String(object.assigner)}`,
        object.type && `(${String(object.type)})`,
      ]
        .filter(Boolean)
        .map(String)
        .join(' ');
    case 'attachment':
      return `${String(object.name ?? object.id)} (${String(object.mediaType)}, ${sizeInWords(Number(object.size))})`;
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function codedInWords(coded: Coded): string {
  const text = coded.value ?? coded.code ?? '';
  return coded.terminology && coded.terminology !== 'local'
    ? `${text} (${coded.terminology} ${coded.code ?? ''})`
    : text;
}

/**
 * A choice's value in words, naming its type when the type alone says something (a duration).
 *
 * @example
 * choiceInWords(choices, { type: 'duration', value: 'P3D' }); // '3 days'
 */
export function choiceInWords(choices: readonly ValueSpec[], choice: Json): string {
  const { type, value } = (choice ?? {}) as { type?: string; value?: Json };
  const spec = choices.find((candidate) => candidate.type === type);
  if (!spec) return JSON.stringify(choice);
  const words = valueInWords(spec, value ?? null);
  return spec.type === 'duration' ? `${words} (${dataTypeNames.duration.toLowerCase()})` : words;
}
