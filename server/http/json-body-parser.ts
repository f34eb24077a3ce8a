import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { ApiError } from './api-error.js';

/** Deeper documents are refused before they reach a validator (whose recursion they could exhaust). */
export const maxJsonDepth = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's body parsers with one strict JSON parser: the body must be valid UTF-8,
 * valid JSON, free of `__proto__`/`constructor.prototype` keys, nested at most
 * {@link maxJsonDepth} levels, and its text storable in Postgres (no `\u0000`, no unpaired
 * surrogate escape); anything else is a 400 problem. Other media types are 415.
 *
 * @example
 * useStrictJsonBodies(app);
 */
export function useStrictJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * Parses a request body, throwing an `INVALID_JSON` {@link ApiError} that says what is wrong.
 *
 * @example
 * parseJsonBody(Buffer.from('{"a":1}')); // { a: 1 }
 */
export function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new ApiError('INVALID_JSON', 'The request body is not valid UTF-8');
  }
  if (text.trim() === '') throw new ApiError('INVALID_JSON', 'The request body is empty; send a JSON document');
  if (nestingDepth(text) > maxJsonDepth) {
    throw new ApiError('INVALID_JSON', `The request body is nested deeper than ${maxJsonDepth} levels`);
  }
  let value: unknown;
  try {
    value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new ApiError('INVALID_JSON', `The request body is not valid JSON: ${reason}`);
  }
  // Only escapes (`\u…`) can put a NUL or a lone surrogate into a string of UTF-8 text.
  if (text.includes('\\u') && !storableText(value)) {
    throw new ApiError(
      'INVALID_JSON',
      'The request body contains the character \\u0000 or an unpaired surrogate (\\ud800–\\udfff), which is not text',
    );
  }
  return value;
}

/** NUL, or a surrogate without its pair. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const notText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether every string and key in a parsed value is well-formed Unicode text without NUL (what Postgres stores). */
function storableText(value: unknown): boolean {
  if (typeof value === 'string') return !notText.test(value);
  if (Array.isArray(value)) return value.every(storableText);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([key, item]) => storableText(key) && storableText(item));
  }
  return true;
}

/** The deepest nesting of arrays and objects in JSON text, skipping string contents. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}
