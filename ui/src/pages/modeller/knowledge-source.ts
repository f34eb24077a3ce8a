/**
 * The text in the modeller's editor as a knowledge file: parsed with the line and column of a
 * syntax error, its kind recognised, and its revision moved on for a new draft.
 */
import { jsonSyntaxError } from './json-syntax.js';
import type { KnowledgeKind } from './knowledge-client.js';
import { lineAndColumn } from './source-locations.js';

/** Where and why a text is not JSON (line and column count from 1). */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

export type ParsedSource = { ok: true; value: unknown } | { ok: false; problem: SyntaxProblem };

/**
 * Parses the editor's text; a syntax error names its line and column.
 *
 * @example
 * parseSource('{\n  "id": }'); // { ok: false, problem: { message: "Expected a value; found \"}\"", line: 2, column: 9 } }
 */
export function parseSource(text: string): ParsedSource {
  if (text.trim() === '') return { ok: false, problem: { message: 'The file is empty', line: 1, column: 1 } };
  const error = jsonSyntaxError(text);
  if (!error) return { ok: true, value: JSON.parse(text) as unknown };
  const { line, column } = lineAndColumn(text, error.offset);
  return { ok: false, problem: { message: error.message, line, column } };
}

/**
 * Which kind of file a parsed document is: an archetype carries `x-archetype`, a template
 * `slots`; anything else is neither.
 *
 * @example
 * kindOf({ id: 'docsy.vitals.v1', slots: [] }); // 'template'
 */
export function kindOf(document: unknown): KnowledgeKind | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  if ('x-archetype' in document) return 'archetype';
  if ('slots' in document) return 'template';
  return undefined;
}

/**
 * The next minor revision of a semantic revision (`2.1.3` → `2.2.0`); what a compatible
 * change publishes as.
 *
 * @example
 * nextMinorRevision('1.0.0'); // '1.1.0'
 */
export function nextMinorRevision(revision: string): string {
  const [major = '1', minor = '0'] = revision.split('.');
  return `${major}.${Number(minor) + 1}.0`;
}

/**
 * A copy of a released file to start the next revision from: revision moved on from the latest
 * one stored, and `changes` emptied for the modeller to describe the new one.
 *
 * @example
 * const draft = draftFrom('template', file, '1.2.0'); // revision '1.3.0'
 */
export function draftFrom(kind: KnowledgeKind, file: Record<string, unknown>, latestRevision: string): unknown {
  const revision = nextMinorRevision(latestRevision);
  if (kind === 'template') {
    const { changes: _changes, ...rest } = file;
    return { ...rest, revision };
  }
  const { changes: _changes, ...metadata } = (file['x-archetype'] ?? {}) as Record<string, unknown>;
  return { ...file, 'x-archetype': { ...metadata, revision } };
}
