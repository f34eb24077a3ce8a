import type { ResolvedSlot } from '../knowledge/element-tree.js';
import { childrenOf, entryFieldBlocks, fieldText, valuesOf } from './entry-fields.js';
import type { PdfBlock, PdfRow } from './pdf-blocks.js';

/** One entry of a composition with the resolved slot it fills. */
export interface SlotEntry {
  slot: ResolvedSlot;
  data: unknown;
}

/** The keys the prescription table shows (the rest of each line follows it as fields). */
const inTable = new Set(['medication_item', 'route', 'dose_and_timing']);

/**
 * A prescription as a pharmacy reads it: the prescriber and date, one table line per medication order — medication, dose,
 * route, frequency, duration, repeats — then each line's directions and other details.
 *
 * @example
 * prescriptionBlocks([{ slot, data: entry.data }], { name: 'Dr Ada Example', date: '2 March 2026' });
 */
export function prescriptionBlocks(
  entries: readonly SlotEntry[],
  prescriber: { name: string; date: string },
): PdfBlock[] {
  const rows: PdfRow[] = entries.map(({ slot, data }) => ({ cells: lineCells(slot, data) }));
  const details = entries.flatMap(({ slot, data }, i): PdfBlock[] => [
    { kind: 'heading', text: `Line ${i + 1}: ${fieldText(slot.children, data, 'medication_item').text}`, level: 3 },
    ...entryFieldBlocks(slot.children, data, { exclude: inTable, depth: 1 }),
  ]);
  return [
    { kind: 'field', label: 'Prescriber', text: prescriber.name, depth: 0 },
    { kind: 'field', label: 'Date prescribed', text: prescriber.date, depth: 0 },
    { kind: 'heading', text: 'Medication', level: 2 },
    {
      kind: 'table',
      columns: [
        { title: 'Medication', width: 0.28 },
        { title: 'Dose', width: 0.13 },
        { title: 'Route', width: 0.15 },
        { title: 'Frequency', width: 0.16 },
        { title: 'Duration', width: 0.14 },
        { title: 'Repeats', width: 0.14 },
      ],
      rows,
    },
    { kind: 'heading', text: 'Directions and details', level: 2 },
    ...details,
  ];
}

function lineCells(slot: ResolvedSlot, data: unknown): string[] {
  const fields = (data ?? {}) as Record<string, unknown>;
  const timing = childrenOf(slot.children, 'dose_and_timing');
  const doses = valuesOf(fields.dose_and_timing);
  const perDose = (key: string) =>
    doses
      .map((dose) => fieldText(timing, dose, key).text)
      .filter(Boolean)
      .join('; ');
  const dispense = childrenOf(slot.children, 'dispense');
  const repeats = fieldText(dispense, fields.dispense, 'number_of_repeats').text;
  return [
    fieldText(slot.children, data, 'medication_item').text,
    perDose('dose'),
    fieldText(slot.children, data, 'route').text,
    perDose('frequency') || perDose('interval'),
    perDose('direction_duration'),
    repeats || '0',
  ];
}
