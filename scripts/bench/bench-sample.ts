import pg from 'pg';
import { call, type BenchDoctor } from './bench-accounts.js';
import { chartCompositions, isChartEhr } from './data-set-plan.js';

/** The records the load reads and writes: drawn from the copied data set. */
export interface BenchSample {
  /** EHRs with a long history (about 100 compositions): the chart figure. */
  chartEhrs: string[];
  /** Other EHRs: commits and imports go there. */
  otherEhrs: string[];
  /** Current compositions of 200 random EHRs: the read figure. */
  compositions: { ehrId: string; uid: string }[];
}

/**
 * Picks the sample from the data set: EHRs in the order the generator made them (creation
 * time), so the ones with long histories are known without counting a million rows.
 *
 * @example
 * const sample = await benchSample(database.url);
 */
export async function benchSample(url: string): Promise<BenchSample> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ehr_id: string }>('select ehr_id from ehr order by created_at, ehr_id');
    const ehrs = rows.map((row) => row.ehr_id);
    const chartEhrs = ehrs.filter((_, e) => isChartEhr(e));
    const otherEhrs = ehrs.filter((_, e) => !isChartEhr(e));
    const picked = Array.from({ length: 200 }, () => ehrs[Math.floor(Math.random() * ehrs.length)]!);
    const compositions = await client.query<{ ehrId: string; uid: string }>(
      'select ehr_id as "ehrId", uid from composition where ehr_id = any($1::uuid[]) and not deleted',
      [picked],
    );
    return { chartEhrs, otherEhrs, compositions: compositions.rows };
  } finally {
    await client.end();
  }
}

/**
 * Checks the generated data through the API before measuring it: a few compositions read back
 * byte for byte as stored in their version rows, and a long history lists its 100 compositions.
 *
 * @example
 * await checkThroughApi(baseUrl, url, doctor, sample);
 */
export async function checkThroughApi(baseUrl: string, url: string, doctor: BenchDoctor, sample: BenchSample) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const { ehrId, uid } of sample.compositions.slice(0, 3)) {
      const stored = await client.query<{ document: string }>(
        `select v.document::text as document from composition c
           join composition_version v on v.ehr_id = c.ehr_id and v.uid = c.uid and v.version = c.version
          where c.ehr_id = $1 and c.uid = $2`,
        [ehrId, uid],
      );
      const response = await fetch(`${baseUrl}/api/ehr/${ehrId}/compositions/${uid}`, {
        headers: { authorization: doctor.authorization },
      });
      const text = await response.text();
      if (response.status !== 200 || text !== stored.rows[0]?.document)
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
  } finally {
    await client.end();
  }
}
