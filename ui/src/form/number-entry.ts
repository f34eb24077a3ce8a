/**
 * What a typed number stands for: the number when the text is one (a decimal comma is read as
 * a point), the trimmed text itself when it is not (validation then says "must be a number"),
 * or undefined when nothing was typed.
 *
 * @example
 * numberEntry('37,5'); // 37.5
 * numberEntry('12a');  // '12a'
 * numberEntry(' ');    // undefined
 */
export function numberEntry(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const normalised = /^[-+]?\d*,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}

/**
 * The text an input shows for a stored number (or for text that was not one).
 *
 * @example
 * numberText(37.5); // '37.5'
 */
export function numberText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}
