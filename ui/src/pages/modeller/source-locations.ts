/**
 * Where in the edited file a problem or a breaking change is: the server names a JSON Pointer
 * into the file (`/slots/0/archetype`), a slot (`slot:pulse`) or an element path (`/reaction/severity`);
 * the editor turns each into a line and column it can select.
 */
import type { KnowledgeKind } from './knowledge-client.js';

/** A place in the text: offset, and line and column counted from 1. */
export interface SourceLocation {
  offset: number;
  line: number;
  column: number;
}

/**
 * The line and column of an offset.
 *
 * @example
 * lineAndColumn('{\n  "a": 1\n}', 4); // { offset: 4, line: 2, column: 3 }
 */
export function lineAndColumn(text: string, offset: number): SourceLocation {
  const before = text.slice(0, offset).split('\n');
  return { offset, line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * Where the value at a JSON Pointer starts, or, when the file has no such value (a missing
 * property), where its nearest existing parent starts.
 *
 * @example
 * locatePointer(text, valueOffsets(text), '/slots/0/min'); // { line: 12, column: 14, … }
 */
export function locatePointer(
  text: string,
  offsets: ReadonlyMap<string, number>,
  pointer: string,
): SourceLocation | undefined {
  const tokens = pointer.split('/').slice(1);
  for (let length = tokens.length; length >= 0; length--) {
    const prefix = tokens
      .slice(0, length)
      .map((token) => `/${token}`)
      .join('');
    const offset = offsets.get(prefix);
    if (offset !== undefined) return lineAndColumn(text, offset);
  }
  return undefined;
}

/**
 * The JSON Pointer in the file of a breaking change's path: a template's `slot:<id>` is its slot
 * in `slots`; an archetype's element path goes through `properties` (and `items` of a list).
 *
 * @example
 * breakingPointer('template', { slots: [{ id: 'pulse' }] }, 'slot:pulse/rate'); // '/slots/0'
 * breakingPointer('archetype', archetype, '/reaction/severity'); // '/properties/reaction/items/properties/severity'
 */
export function breakingPointer(kind: KnowledgeKind, document: unknown, path: string): string | undefined {
  if (kind === 'template') {
    const slot = /^slot:([^/]+)/.exec(path)?.[1];
    const slots = (document as { slots?: { id?: string }[] }).slots;
    const index = slot && Array.isArray(slots) ? slots.findIndex((s) => s?.id === slot) : -1;
    return index >= 0 ? `/slots/${index}` : path.startsWith('/') ? path : undefined;
  }
  if (!path.startsWith('/')) return undefined;
  let node = document as Node | undefined;
  let pointer = '';
  for (const key of path.split('/').slice(1)) {
    const child = node?.properties?.[key];
    if (!child) break;
    pointer += `/properties/${key}`;
    node = child;
    if (child.items) {
      pointer += '/items';
      node = child.items;
    }
  }
  return pointer.replace(/\/items$/, '') || undefined;
}

interface Node {
  properties?: Record<string, Node>;
  items?: Node;
}
