import { parse } from 'csv-parse/sync';
import type { FieldError } from '../http/api-error.js';

/** One row of a value set file: `code,display,synonyms` (synonyms separated by `|`). */
export interface ConceptRow {
  code: string;
  display: string;
  synonyms: string[];
}

/** The most rows one import may carry; a larger terminology is imported in several files. */
export const maxConceptRows = 500_000;

/**
 * Parses a value set CSV with a header `code,display,synonyms` (synonyms optional). Returns the rows,
 * or every problem with its line number; a file with any problem imports nothing.
 *
 * @example
 * parseValueSetCsv('code,display,synonyms\n372687004,Amoxicillin,\n'); // { rows: [{ code: '372687004', … }], errors: [] }
 */
export function parseValueSetCsv(text: string): { rows: ConceptRow[]; errors: FieldError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return { rows: [], errors: [{ path: '/file', message: `is not valid CSV: ${(error as Error).message}` }] };
  }
  const [header = [], ...body] = records;
  if (header[0]?.toLowerCase() !== 'code' || header[1]?.toLowerCase() !== 'display') {
    return { rows: [], errors: [{ path: '/file/line/1', message: 'the header must be code,display,synonyms' }] };
  }
  if (body.length > maxConceptRows) {
    return {
      rows: [],
      errors: [{ path: '/file', message: `has ${body.length} rows; at most ${maxConceptRows} per import` }],
    };
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const rows = body.map(([code = '', display = '', synonyms = ''], index): ConceptRow => {
    const line = index + 2;
    if (!code || code.length > 100)
      errors.push({ path: `/file/line/${line}`, message: 'code must be 1 to 100 characters' });
    if (!display || display.length > 500)
      errors.push({ path: `/file/line/${line}`, message: 'display must be 1 to 500 characters' });
    if (seen.has(code)) errors.push({ path: `/file/line/${line}`, message: `code ${code} appears twice` });
    seen.add(code);
    return {
      code,
      display,
      synonyms: synonyms
        ? synonyms
            .split('|')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    };
  });
  return { rows: errors.length > 0 ? [] : rows, errors };
}
