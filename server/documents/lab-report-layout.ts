import type { TreeNode } from '../knowledge/element-tree.js';
import { childrenOf, clusterData, entryFieldBlocks, fieldText, valuesOf } from './entry-fields.js';
import type { PdfBlock, PdfRow } from './pdf-blocks.js';
import type { SlotEntry } from './prescription-layout.js';
import { specText } from './value-text.js';

/** Interpretation codes that are not a flag worth standing out. */
const unflagged = new Set(['normal', 'negative', 'not_detected']);

/**
 * A laboratory result: the test's own fields, then the analyte table — analyte, result with its
 * unit, reference range, flag — with every abnormal flag in bold behind a `*` marker.
 *
 * @example
 * labReportBlocks({ slot, data: entry.data });
 */
export function labReportBlocks({ slot, data }: SlotEntry): PdfBlock[] {
  const analyteNodes = childrenOf(slot.children, 'test_result');
  const analytes = valuesOf(((data ?? {}) as Record<string, unknown>).test_result).map(clusterData);
  const rows = analytes.map((analyte) => analyteRow(analyteNodes, analyte));
  return [
    { kind: 'heading', text: slot.label, level: 2 },
    ...entryFieldBlocks(slot.children, data, { exclude: new Set(['test_result', 'conclusion']) }),
    { kind: 'heading', text: 'Results', level: 2 },
    {
      kind: 'table',
      columns: [
        { title: label(analyteNodes, 'analyte_name', 'Analyte'), width: 0.36 },
        { title: label(analyteNodes, 'analyte_result', 'Result'), width: 0.2 },
        { title: label(analyteNodes, 'normal_range', 'Reference range'), width: 0.26 },
        { title: 'Flag', width: 0.18 },
      ],
      rows,
      ...(rows.some((row) => row.emphasis) ? { note: '* outside the normal range' } : {}),
    },
    ...analytes.flatMap((analyte, i) => analyteNotes(analyteNodes, analyte, i)),
    ...conclusion(slot.children, data),
  ];
}

function analyteRow(nodes: TreeNode[], analyte: unknown): PdfRow {
  const fields = (analyte ?? {}) as Record<string, unknown>;
  const flag = fields.interpretation as { code?: string } | undefined;
  const abnormal = flag?.code !== undefined && !unflagged.has(flag.code);
  const flagText = fieldText(nodes, analyte, 'interpretation').text;
  return {
    cells: [
      fieldText(nodes, analyte, 'analyte_name').text,
      fieldText(nodes, analyte, 'analyte_result').text,
      rangeText(nodes, fields.normal_range) || fieldText(nodes, analyte, 'reference_range_guidance').text,
      abnormal ? `* ${flagText}` : flagText,
    ],
    ...(abnormal ? { emphasis: true } : {}),
  };
}

/** `12–15.5 g/dL`, or each bound with its own unit when they differ. */
function rangeText(nodes: TreeNode[], range: unknown): string {
  const bounds = (range ?? {}) as {
    low?: { magnitude?: number; unit?: string };
    high?: { magnitude?: number; unit?: string };
  };
  const rangeNodes = childrenOf(nodes, 'normal_range');
  const spec = (key: string) => {
    const node = rangeNodes.find((candidate) => candidate.key === key);
    return node?.kind === 'element' ? node.value : undefined;
  };
  const { low, high } = bounds;
  if (low && high && low.unit === high.unit) {
    return `${String(low.magnitude)}–${specText(spec('high'), high)}`;
  }
  if (low && high) return `${specText(spec('low'), low)} – ${specText(spec('high'), high)}`;
  if (low) return `>= ${specText(spec('low'), low)}`;
  if (high) return `<= ${specText(spec('high'), high)}`;
  return '';
}

function analyteNotes(nodes: TreeNode[], analyte: unknown, i: number): PdfBlock[] {
  const shown = new Set(['analyte_name', 'analyte_result', 'normal_range', 'interpretation']);
  const rest = entryFieldBlocks(nodes, analyte, { exclude: shown, depth: 1 });
  if (rest.length === 0) return [];
  const name = fieldText(nodes, analyte, 'analyte_name').text || `Analyte ${i + 1}`;
  return [{ kind: 'heading', text: name, level: 3 }, ...rest];
}

function conclusion(nodes: TreeNode[], data: unknown): PdfBlock[] {
  const { label: title, text } = fieldText(nodes, data, 'conclusion');
  return text ? [{ kind: 'paragraph', label: title, text, emphasis: true }] : [];
}

function label(nodes: TreeNode[], key: string, fallback: string): string {
  return nodes.find((node) => node.key === key)?.label ?? fallback;
}
