/**
 * `npm run bench:documents`: the documents capability's costs through the app (`app.inject`, no
 * network) on a throwaway in-memory PGlite database, or on Postgres with
 * `DOCSY_TEST_ENGINE=postgres DOCSY_TEST_DATABASE_URL=postgres://…` (an empty database): a large
 * upload and its download, a small attachment's download in an EHR of 100 lab reports, and the
 * PDF of a 30-analyte lab report. Prints one line per figure (medians).
 *
 *   npm run bench:documents -- --mib 20
 */
import { parseArgs } from 'node:util';
import { signedIn, signedInPatient } from '../../test/support/accounts.js';
import { careFor } from '../../test/support/care.js';
import { exampleOf } from '../../test/support/compositions.js';
import { samplePdf, samplePng } from '../../test/support/sample-files.js';
import { buildTestApp, testEngine } from '../../test/support/test-app.js';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '20' } } });
const mib = Number(values.mib);

const app = await buildTestApp({ config: { attachmentLimit: (mib + 1) * 1024 * 1024 } });
const patient = await signedInPatient(app, { name: 'Bench Patient' });
const doctor = await signedIn(app, 'doctor', { name: 'Dr Bench' });
await careFor(doctor, patient);
const base = `/api/ehr/${patient.ehrId}`;

async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const upload = (bytes: Buffer, name: string) =>
  app.inject({
    method: 'POST',
    url: `${base}/attachments?filename=${name}`,
    headers: { ...doctor.headers, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

const big = Buffer.concat([samplePdf(), Buffer.alloc(mib * 1024 * 1024 - 2000, 0x20), Buffer.from('\n%%EOF\n')]);
let bigId = '';
const uploadMs = await median(3, async () => (bigId = (await upload(big, 'big.pdf')).json<{ id: string }>().id));
const downloadMs = await median(3, () => app.inject({ url: `${base}/attachments/${bigId}`, headers: doctor.headers }));

const image = (await upload(samplePng(64, 64), 'image.png')).json<Record<string, unknown>>();
const body = await exampleOf(app, doctor, 'docsy.lab_report.v1');
const data = (body.content as { data: Record<string, unknown> }[])[0]!.data;
const analyte = (data.test_result as unknown[])[0];
data.test_result = Array.from({ length: 30 }, () => structuredClone(analyte));
let uid = '';
for (let i = 0; i < 100; i++) {
  if (i === 99) data.original_report = [image];
  const response = await app.inject({
    method: 'POST',
    url: `${base}/compositions`,
    headers: doctor.headers,
    payload: body,
  });
  uid = response.json<{ uid: string }>().uid;
}
const smallMs = await median(20, () =>
  app.inject({ url: `${base}/attachments/${String(image.id)}`, headers: doctor.headers }),
);
const pdfMs = await median(10, () => app.inject({ url: `${base}/compositions/${uid}/pdf`, headers: doctor.headers }));
await app.close();

console.log(`engine: ${testEngine}`);
console.log(`upload of a ${mib} MiB PDF: ${(uploadMs / 1000).toFixed(2)} s`);
console.log(`download of it: ${(downloadMs / 1000).toFixed(2)} s`);
console.log(`download of a small image referenced by 1 of 100 lab reports: ${smallMs.toFixed(1)} ms`);
console.log(`PDF of a 30-analyte lab report: ${pdfMs.toFixed(1)} ms`);
