/** One token of an AQL query, with where it starts (for error messages). */
export interface Token {
  kind: 'word' | 'string' | 'number' | 'param' | 'symbol' | 'predicate' | 'end';
  text: string;
  position: number;
}

/** A problem in the text of a query, at a character position. */
export class AqlSyntaxError extends Error {
  override name = 'AqlSyntaxError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const symbols = ['<=', '>=', '!=', '<>', '=', '<', '>', ',', '(', ')', '{', '}', '/', '*'];

/**
 * Splits an AQL query into tokens. Archetype and template predicates (`[openEHR-EHR-…v2]`) are one
 * token each; `$name` is a parameter; strings take single or double quotes.
 *
 * @example
 * tokenize("SELECT c/uid FROM COMPOSITION c WHERE c/category = 'event'");
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const start = i;
    if (char === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) throw new AqlSyntaxError('a [ is not closed', i);
      tokens.push({ kind: 'predicate', text: text.slice(i + 1, close).trim(), position: start });
      i = close + 1;
    } else if (char === "'" || char === '"') {
      i++;
      let value = '';
      while (i < text.length && text[i] !== char) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (i >= text.length) throw new AqlSyntaxError('a string is not closed', start);
      i++;
      tokens.push({ kind: 'string', text: value, position: start });
    } else if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: match[0], position: start });
      i += match[0].length;
    } else if (char === '$') {
      const match = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
      if (!match) throw new AqlSyntaxError('a parameter is $ followed by a name', i);
      tokens.push({ kind: 'param', text: match[1]!, position: start });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: match[0], position: start });
      i += match[0].length;
    } else {
      const symbol = symbols.find((candidate) => text.startsWith(candidate, i));
      if (!symbol) throw new AqlSyntaxError(`unexpected character "${char}"`, i);
      tokens.push({ kind: 'symbol', text: symbol, position: start });
      i += symbol.length;
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}
