/** A problem found in an archetype or template: where (a JSON Pointer into the file) and what. */
export interface ModellingError {
  path: string;
  message: string;
}

/** Either the parsed model or every problem found in the file. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ModellingError[] };

/** Escapes one key for a JSON Pointer (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
