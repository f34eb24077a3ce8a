import type { TreeNode } from '../knowledge/element-tree.js';
import type { PdfBlock } from './pdf-blocks.js';
import { valueText } from './value-text.js';

type Data = Record<string, unknown>;

/**
 * The blocks of an entry's data laid out by its form tree, in the form's order and with its
 * labels: one field per element (repeated values joined), a heading per group or cluster
 * instance with its fields indented below. Elements without a value are left out, as are the
 * keys in `exclude` (a dedicated layout shows them its own way).
 *
 * @example
 * entryFieldBlocks(slot.children, entry.data, { exclude: new Set(['test_result']) });
 * // [{ kind: 'field', label: 'Test name', text: 'CBC panel - Blood by Automated count', depth: 0 }, …]
 */
export function entryFieldBlocks(
  nodes: readonly TreeNode[],
  data: unknown,
  options: { depth?: number; exclude?: ReadonlySet<string> } = {},
): PdfBlock[] {
  const depth = options.depth ?? 0;
  const fields = (data ?? {}) as Data;
  return nodes.flatMap((node): PdfBlock[] => {
    if (options.exclude?.has(node.key)) return [];
    const items = valuesOf(fields[node.key]);
    if (items.length === 0) return [];
    if (node.kind === 'element' || node.kind === 'choice') {
      const text = items.map((item) => valueText(node, item)).join('; ');
      return [{ kind: 'field', label: node.label, text, depth }];
    }
    return items.flatMap((item, i) => [
      { kind: 'heading', text: items.length > 1 ? `${node.label} ${i + 1}` : node.label, level: 3, depth } as const,
      ...entryFieldBlocks(node.children, clusterData(item), { depth: depth + 1 }),
    ]);
  });
}

/**
 * The node of `key` among `nodes`, and the text of its value in `data` ('' when absent).
 *
 * @example
 * fieldText(slot.children, entry.data, 'overall_impression'); // { label: 'Impression', text: 'Right lower lobe pneumonia.' }
 */
export function fieldText(nodes: readonly TreeNode[], data: unknown, key: string): { label: string; text: string } {
  const node = nodes.find((candidate) => candidate.key === key);
  const items = valuesOf(((data ?? {}) as Data)[key]);
  if (!node) return { label: key, text: '' };
  const text = node.kind === 'element' || node.kind === 'choice' ? items.map((v) => valueText(node, v)).join('; ') : '';
  return { label: node.label, text };
}

/** The children of the node of `key` (a group or cluster), or none. */
export function childrenOf(nodes: readonly TreeNode[], key: string): TreeNode[] {
  const node = nodes.find((candidate) => candidate.key === key);
  return node && (node.kind === 'group' || node.kind === 'cluster') ? node.children : [];
}

/** A value as a list of its instances: repeated values are arrays; absent and empty are none. */
export function valuesOf(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** A cluster instance's own data (`{archetype, revision, data}` in a composition), or a group's value. */
export function clusterData(item: unknown): unknown {
  const wrapped = item as { archetype?: unknown; data?: unknown } | null;
  return wrapped && typeof wrapped.archetype === 'string' && 'data' in wrapped ? wrapped.data : item;
}
