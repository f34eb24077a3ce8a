import type { DocsyApi } from '../api.js';

/**
 * The chart's summary lists (SPEC §6: active allergies, active problems, current medications),
 * as data: each is one or more archetype-path queries (docs/query.md) over the patient's current
 * compositions that select the composition uid, a name and a detail. A query names an archetype
 * major version, so each version the record may hold has its own query.
 */
export interface SummaryList {
  id: string;
  heading: string;
  /** What the list says when nothing matches (the role's policy and the patient's restrictions may hide entries). */
  empty: string;
  queries: readonly string[];
}

const inEhr = 'FROM EHR e[ehr_id/value = $ehr] CONTAINS COMPOSITION c CONTAINS';

export const summaryLists: readonly SummaryList[] = [
  {
    id: 'allergies',
    heading: 'Active allergies',
    empty: 'No active allergy recorded that you can see.',
    queries: [
      `SELECT c/uid, a/data/substance, a/data/criticality ${inEhr} EVALUATION a[openEHR-EHR-EVALUATION.adverse_reaction_risk.v2] WHERE NOT EXISTS a/data/active_inactive OR a/data/active_inactive/code != 'inactive' ORDER BY c/context/startTime DESC`,
      `SELECT c/uid, a/data/substance, a/data/criticality ${inEhr} EVALUATION a[openEHR-EHR-EVALUATION.adverse_reaction_risk.v1] WHERE NOT EXISTS a/data/status OR NOT a/data/status/code matches {'resolved', 'refuted'} ORDER BY c/context/startTime DESC`,
    ],
  },
  {
    id: 'problems',
    heading: 'Active problems',
    empty: 'No active problem recorded that you can see.',
    queries: [
      `SELECT c/uid, p/data/problem_diagnosis_name, p/data/severity ${inEhr} EVALUATION p[openEHR-EHR-EVALUATION.problem_diagnosis.v1] WHERE NOT EXISTS p/data/active_inactive OR p/data/active_inactive/code != 'inactive' ORDER BY c/context/startTime DESC`,
    ],
  },
  {
    id: 'medications',
    heading: 'Current medications',
    empty: 'No current medication recorded that you can see.',
    queries: [
      `SELECT c/uid, m/data/medication_item, m/data/overall_directions_description ${inEhr} INSTRUCTION m[openEHR-EHR-INSTRUCTION.medication_order.v3] WHERE NOT EXISTS m/data/order_stop OR m/data/order_stop >= $today ORDER BY c/context/startTime DESC`,
    ],
  },
];

/** One line of a summary list. */
export interface SummaryItem {
  uid: string;
  name: string;
  detail: string;
}

/**
 * The items of a summary list for one EHR (the queries run in parallel), one per name: the
 * newest entry of each medicine, substance or problem.
 *
 * @example
 * const allergies = await summaryItems(api, summaryLists[0], ehrId);
 */
export async function summaryItems(api: DocsyApi, list: SummaryList, ehrId: string): Promise<SummaryItem[]> {
  const today = new Date().toISOString().slice(0, 10);
  const results = await Promise.all(list.queries.map((q) => api.query(q, { ehr: ehrId, today })));
  const items = results.flatMap((result) =>
    result.rows.map(([uid, name, detail]) => ({ uid: String(uid), name: textOf(name), detail: textOf(detail) })),
  );
  // A repeat prescription (or a substance recorded twice) is one line: its newest entry.
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.name.trim().toLowerCase();
    if (key && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A text or coded text value as words. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return '';
}
