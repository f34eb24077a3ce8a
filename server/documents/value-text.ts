import type { TreeNode, ValueSpec } from '../knowledge/element-tree.js';

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const monthName = (month: number) => monthFormat.format(Date.UTC(2000, month - 1, 1));

type Json = unknown;
type Fields = Record<string, Json>;

/**
 * An element's value as a clinician reads it on paper, given its node in the form definition:
 * coded values by their text, quantities with their unit's label, dates in words, durations in
 * words (the same presentation as the browser's composition view, ui/src/views/format-value.ts).
 * A choice node's value `{type, value}` is read with the spec of its type.
 *
 * @example
 * valueText(node, { magnitude: 37.2, unit: 'Cel' }); // '37.2 °C'
 * valueText(node, { code: 'low', terminology: 'local', value: 'Low' }); // 'Low'
 */
export function valueText(node: TreeNode, value: Json): string {
  if (node.kind === 'element') return specText(node.value, value);
  if (node.kind === 'choice') {
    const { type, value: chosen } = (value ?? {}) as { type?: string; value?: Json };
    return specText(
      node.choices.find((spec) => spec.type === type),
      chosen,
    );
  }
  return '';
}

/**
 * A value in words given its value spec (undefined: shown as plain text).
 *
 * @example
 * specText({ type: 'duration' }, 'P7D'); // '7 days'
 */
export function specText(spec: ValueSpec | undefined, value: Json): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return scalarText(spec, value);
  const fields = value as Fields;
  switch (spec?.type) {
    case 'coded_text':
    case 'text_or_coded_text':
    case 'ordinal':
      return codedText(fields);
    case 'quantity': {
      const unit = spec.units?.find((option) => option.unit === fields.unit);
      return `${String(fields.magnitude)} ${unit?.label ?? String(fields.unit ?? '')}`.trim();
    }
    case 'proportion':
      if (spec.kind === 'percent') return `${String(fields.numerator)} %`;
      return fields.denominator === undefined
        ? String(fields.numerator)
        : `${String(fields.numerator)}/${String(fields.denominator)}`;
    case 'identifier':
      return [fields.id, fields.issuer && `(${String(fields.issuer)})`].filter(Boolean).map(String).join(' ');
    case 'attachment':
      return `${String(fields.name ?? fields.id)} (${String(fields.mediaType)}, ${sizeText(Number(fields.size))})`;
    default:
      return 'value' in fields ? codedText(fields) : JSON.stringify(value);
  }
}

function scalarText(spec: ValueSpec | undefined, value: Json): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value !== 'string') return String(value);
  if (spec?.type === 'date' || spec?.type === 'date_time') return dateText(value);
  if (spec?.type === 'duration') return durationText(value);
  return value;
}

function codedText(fields: Fields): string {
  const text = String(fields.value ?? fields.code ?? '');
  return typeof fields.ordinal === 'number' ? `${fields.ordinal}: ${text}` : text;
}

/**
 * A date or date-time in words; partial dates stay partial, times keep their zone.
 *
 * @example
 * dateText('2026-03-02T09:30:00+01:00'); // '2 March 2026, 09:30 (UTC+01:00)'
 * dateText('2019-06'); // 'June 2019'
 */
export function dateText(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(
    value,
  );
  if (!match) return value;
  const [, year, month, day, time, zone] = match;
  const date = [day ? String(Number(day)) : '', month ? monthName(Number(month)) : '', year].filter(Boolean).join(' ');
  if (!time) return date;
  return `${date}, ${time}${zone ? ` (UTC${zone === 'Z' ? '' : zone})` : ''}`;
}

const durationNames: Record<string, string> = { Y: 'year', W: 'week', D: 'day', H: 'hour', S: 'second' };

/**
 * An ISO 8601 duration in words.
 *
 * @example
 * durationText('P7D'); // '7 days'
 * durationText('PT1H30M'); // '1 hour 30 minutes'
 */
export function durationText(value: string): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    value,
  );
  if (!match || value === 'P' || value.endsWith('T')) return value;
  const names = ['Y', 'month', 'W', 'D', 'H', 'minute', 'S'].map((name) => durationNames[name] ?? name);
  const parts = match
    .slice(1)
    .map((amount, i) => (amount === undefined ? '' : `${amount} ${names[i]}${Number(amount) === 1 ? '' : 's'}`));
  return parts.filter(Boolean).join(' ');
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
