/**
 * Finds where and why a text is not JSON, the same in every browser (their `JSON.parse`
 * messages differ, and some name no position): a small scanner over RFC 8259's grammar.
 */

/** The first syntax error of a text: its offset and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The first syntax error of a JSON text, or undefined when it is JSON.
 *
 * @example
 * jsonSyntaxError('{"a" 1}'); // { offset: 5, message: "Expected ':' after the property name" }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return scanJson(text);
}

/**
 * Where each value of a JSON text starts, by JSON Pointer (RFC 6901; `''` is the whole text);
 * an empty map when the text is not JSON.
 *
 * @example
 * valueOffsets('{"slots": [{"id": "a"}]}').get('/slots/0/id'); // 18
 */
export function valueOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  return scanJson(text, (pointer, offset) => offsets.set(pointer, offset)) ? new Map() : offsets;
}

function scanJson(text: string, onValue?: (pointer: string, offset: number) => void): JsonSyntaxError | undefined {
  let at = 0;
  const path: string[] = [];
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const found = () => (at < text.length ? `found ${JSON.stringify(text[at])}` : 'the text ended');
  const expect = (what: string): never => {
    throw new Stop(at, `Expected ${what}; ${found()}`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else expect('a value');
  };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      const char = text[at]!;
      if (char < ' ') throw new Stop(at, 'A line break or control character inside a string; write it as \\n');
      if (char === '\\') {
        const escape = /^\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(at, at + 6));
        if (!escape) throw new Stop(at, 'An invalid escape in a string');
        at += escape[0].length;
      } else at++;
    }
    if (at >= text.length) expect('the closing quote of the string');
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at));
    if (!match) expect('a value');
    at += match![0].length;
  };
  const value = (): void => {
    space();
    onValue?.(path.join(''), at);
    const char = text[at];
    if (char === '{') return members();
    if (char === '[') return elements();
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    expect('a value');
  };
  const members = () => {
    at++;
    space();
    if (text[at] === '}') return void at++;
    for (;;) {
      space();
      if (text[at] !== '"') expect('a property name in double quotes');
      const keyStart = at;
      string();
      space();
      if (text[at] !== ':') expect("':' after the property name");
      at++;
      if (onValue) path.push(`/${pointerToken(JSON.parse(text.slice(keyStart, at - 1).trim()) as string)}`);
      value();
      if (onValue) path.pop();
      space();
      if (text[at] === '}') return void at++;
      if (text[at] !== ',') expect("',' or '}' after a property");
      at++;
    }
  };
  const elements = () => {
    at++;
    space();
    if (text[at] === ']') return void at++;
    for (let index = 0; ; index++) {
      path.push(`/${index}`);
      value();
      path.pop();
      space();
      if (text[at] === ']') return void at++;
      if (text[at] !== ',') expect("',' or ']' after an item");
      at++;
    }
  };
  try {
    value();
    space();
    if (at < text.length) expect('the end of the text after the value');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, message: error.message };
    if (error instanceof RangeError) return { offset: at, message: 'The text nests too deeply to read' };
    throw error;
  }
}

function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
