import { call, type BenchDoctor } from './bench-accounts.js';
import { chartCompositions, isChartEhr } from './data-set-plan.js';

/** Runs one query and returns its rows (a `pg` client's, or PGlite's, `query`). */
export type QueryRows = <Row>(text: string, values?: unknown[]) => Promise<Row[]>;

/** The records the load reads and writes: drawn from the copied data set. */
export interface BenchSample {
  /** EHRs with a long history (about 100 compositions): the chart figure. */
  chartEhrs: string[];
  /** Other EHRs: commits and imports go there. */
  otherEhrs: string[];
  /** Current compositions of 200 random EHRs: the read figure. */
  compositions: { ehrId: string; uid: string }[];
  /** The stored text of the first three of them, to check reads against. */
  stored: string[];
  /** A stored vital signs composition: the baseline inserts it (the commit figure commits the same kind). */
  baselineDocument: string;
}

/**
 * Picks the sample from the data set: EHRs in the order the generator made them (creation
 * time), so the ones with long histories are known without counting a million rows.
 *
 * @example
 * const sample = await benchSample((text, values) => client.query(text, values).then((r) => r.rows));
 */
export async function benchSample(query: QueryRows): Promise<BenchSample> {
  const rows = await query<{ ehr_id: string }>('select ehr_id from ehr order by created_at, ehr_id');
  const ehrs = rows.map((row) => row.ehr_id);
  const chartEhrs = ehrs.filter((_, e) => isChartEhr(e));
  const otherEhrs = ehrs.filter((_, e) => !isChartEhr(e));
  const picked = Array.from({ length: 200 }, () => ehrs[Math.floor(Math.random() * ehrs.length)]!);
  const compositions = await query<{ ehrId: string; uid: string }>(
    'select ehr_id as "ehrId", uid from composition where ehr_id = any($1::uuid[]) and not deleted',
    [picked],
  );
  const stored: string[] = [];
  for (const { ehrId, uid } of compositions.slice(0, 3)) {
    const [row] = await query<{ document: string }>(
      `select v.document::text as document from composition c
         join composition_version v on v.ehr_id = c.ehr_id and v.uid = c.uid and v.version = c.version
        where c.ehr_id = $1 and c.uid = $2`,
      [ehrId, uid],
    );
    stored.push(row!.document);
  }
  const [vitalSigns] = await query<{ document: string }>(
    `select document::text as document from composition_version where template_id = 'docsy.vital_signs.v1' limit 1`,
  );
  return { chartEhrs, otherEhrs, compositions, stored, baselineDocument: vitalSigns!.document };
}

/**
 * Checks the generated data through the API before measuring it: three compositions read back
 * byte for byte as stored in their version rows, and a long history lists its 100 compositions.
 *
 * @example
 * await checkThroughApi(baseUrl, doctor, sample);
 */
export async function checkThroughApi(baseUrl: string, doctor: BenchDoctor, sample: BenchSample): Promise<void> {
  for (const [i, stored] of sample.stored.entries()) {
    const { ehrId, uid } = sample.compositions[i]!;
    const response = await fetch(`${baseUrl}/api/ehr/${ehrId}/compositions/${uid}`, {
      headers: { authorization: doctor.authorization },
    });
    const text = await response.text();
    if (response.status !== 200 || text !== stored)
      throw new Error(`composition ${uid} does not read back as stored (${response.status}): ${text.slice(0, 200)}`);
  }
  const chart = await call<{ items: unknown[] }>(
    baseUrl,
    'GET',
    `/api/ehr/${sample.chartEhrs[0]}/compositions?limit=100`,
    { authorization: doctor.authorization },
  );
  if (chart.items.length !== chartCompositions)
    throw new Error(`a long history lists ${chart.items.length} compositions, not ${chartCompositions}`);
}
