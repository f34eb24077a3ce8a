/** The characters the standard PDF fonts (WinAnsiEncoding) can show beyond Latin-1. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the embedded standard fonts can draw: normalised (NFC), with every character outside
 * WinAnsiEncoding (Latin-1 and a few typographic marks) replaced by `?`, so nothing is dropped
 * silently or drawn as a wrong glyph.
 *
 * @example
 * printableText('Zoë – 5 µg'); // 'Zoë – 5 µg'
 * printableText('≥ 5'); // '? 5'
 */
export function printableText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    const latin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    out += latin1 || char === '\n' || winAnsiExtras.has(char) ? char : '?';
  }
  return out;
}
