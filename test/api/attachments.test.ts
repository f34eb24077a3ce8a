import { parse as parseContentDisposition } from 'content-disposition';
import fc from 'fast-check';
import { sql } from 'kysely';
import { Readable } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, type SignedIn, type SignedInPatient } from '../support/accounts.js';
import { careFor } from '../support/care.js';
import { exampleOf } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { sampleDicom, sampleExecutable, sampleJpeg, samplePdf, samplePng } from '../support/sample-files.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

interface AttachmentValue {
  id: string;
  mediaType: string;
  size: number;
  sha256: string;
  name?: string;
}

const attachmentLimit = 64 * 1024;
const app = await buildTestApp({ config: { attachmentLimit } });
const { db } = await testDatabase();
test.after(() => app.close());

const upload = (who: SignedIn, ehrId: string, bytes: Buffer, contentType: string, filename?: string) =>
  app.inject({
    method: 'POST',
    url: `/api/ehr/${ehrId}/attachments${filename ? `?filename=${encodeURIComponent(filename)}` : ''}`,
    headers: { ...who.headers, 'content-type': contentType },
    payload: bytes,
  });

const download = (who: SignedIn, ehrId: string, id: string) =>
  app.inject({ url: `/api/ehr/${ehrId}/attachments/${id}`, headers: who.headers });

async function uploaded(who: SignedIn, ehrId: string, bytes = samplePng(), filename = 'scan.png') {
  const response = await upload(who, ehrId, bytes, 'application/octet-stream', filename);
  assert.is(response.statusCode, 201, response.body);
  return response.json<AttachmentValue>();
}

async function storedCount(ehrId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from attachment where ehr_id = ${ehrId}`.execute(db);
  return Number(rows[0]!.n);
}

/** A patient in the care of a doctor. */
async function chart() {
  const patient = await signedInPatient(app);
  const doctor = await signedIn(app, 'doctor');
  await careFor(doctor, patient);
  return { patient, doctor };
}

/** Commits a lab report whose original report is `value`; returns its uid. */
async function labReportWith(doctor: SignedIn, patient: SignedInPatient, value: AttachmentValue): Promise<string> {
  const body = await exampleOf(app, doctor, 'docsy.lab_report.v1');
  const content = body.content as { data: Record<string, unknown> }[];
  content[0]!.data.original_report = [value];
  const response = await app.inject({
    method: 'POST',
    url: `/api/ehr/${patient.ehrId}/compositions`,
    headers: doctor.headers,
    payload: body,
  });
  assert.is(response.statusCode, 201, response.body);
  return response.json<{ uid: string }>().uid;
}

test('a PNG, a PDF, a JPEG and a DICOM file round-trip byte for byte with their type and name', async () => {
  const { patient, doctor } = await chart();
  const files = [
    { bytes: samplePng(), declared: 'image/png', name: 'chest x-ray.png', type: 'image/png' },
    { bytes: samplePdf(), declared: 'application/pdf', name: 'Befund Müller.pdf', type: 'application/pdf' },
    { bytes: sampleJpeg(), declared: 'image/jpeg', name: 'wound.jpg', type: 'image/jpeg' },
    { bytes: sampleDicom(), declared: 'application/octet-stream', name: 'ct-0001.dcm', type: 'application/dicom' },
  ];
  for (const file of files) {
    const response = await upload(doctor, patient.ehrId, file.bytes, file.declared, file.name);
    assert.is(response.statusCode, 201, response.body);
    const value = response.json<AttachmentValue>();
    assert.is(value.mediaType, file.type);
    assert.is(value.size, file.bytes.length);
    assert.match(value.sha256, /^[0-9a-f]{64}$/);
    assert.is(value.name, file.name);
    assert.is(response.headers.location, `/api/ehr/${patient.ehrId}/attachments/${value.id}`);

    const read = await download(patient, patient.ehrId, value.id);
    assert.is(read.statusCode, 200, read.body);
    assert.ok(read.rawPayload.equals(file.bytes), `${file.name} reads back identical`);
    assert.is(read.headers['content-type'], file.type);
    assert.is(read.headers.etag, `"${value.sha256}"`);
    assert.is(read.headers['x-content-type-options'], 'nosniff');
    const disposition = parseContentDisposition(String(read.headers['content-disposition']));
    assert.is(disposition.type, 'attachment');
    assert.is(disposition.parameters.filename, file.name);
  }
});

test('the type comes from the bytes: a PNG sent as a PDF is stored as a PNG', async () => {
  const { patient, doctor } = await chart();
  const response = await upload(doctor, patient.ehrId, samplePng(), 'application/pdf', 'report.pdf');
  assert.is(response.statusCode, 201, response.body);
  assert.is(response.json<AttachmentValue>().mediaType, 'image/png');
});

test('a renamed executable, a truncated PNG and an over-size file are refused and nothing is stored', async () => {
  const { patient, doctor } = await chart();
  const before = await storedCount(patient.ehrId);
  const exe = await upload(doctor, patient.ehrId, sampleExecutable(), 'image/png', 'holiday.png');
  assertProblem(exe, 415, 'unsupported-media-type');
  const png = samplePng();
  const truncated = await upload(doctor, patient.ehrId, png.subarray(0, png.length - 20), 'image/png', 'cut.png');
  assert.match(assertProblem(truncated, 422, 'incomplete-file').detail, /IEND/);
  const jpeg = sampleJpeg();
  assertProblem(await upload(doctor, patient.ehrId, jpeg.subarray(0, jpeg.length - 2), 'image/jpeg'), 422);
  const big = Buffer.concat([samplePdf(), Buffer.alloc(attachmentLimit)]);
  const tooBig = await upload(doctor, patient.ehrId, big, 'application/pdf', 'big.pdf');
  assert.match(assertProblem(tooBig, 413, 'payload-too-large').detail, /ATTACHMENT_LIMIT/);
  assertProblem(await upload(doctor, patient.ehrId, Buffer.alloc(0), 'image/png'), 415);
  assertProblem(await upload(doctor, patient.ehrId, samplePng(), 'image/png', 'a/b.png'), 400, 'invalid-request');
  assert.is(await storedCount(patient.ehrId), before);
});

test('an over-size file without Content-Length is cut off at the limit', async () => {
  const { patient, doctor } = await chart();
  const chunks = [samplePdf(), Buffer.alloc(attachmentLimit), Buffer.from('%%EOF')];
  const response = await app.inject({
    method: 'POST',
    url: `/api/ehr/${patient.ehrId}/attachments`,
    headers: { ...doctor.headers, 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' },
    payload: Readable.from(chunks),
  });
  assertProblem(response, 413, 'payload-too-large');
  assert.is(await storedCount(patient.ehrId), 0);
});

test('any bytes a client sends get a 4xx or a 201, never a 5xx', async () => {
  const { patient, doctor } = await chart();
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 600 }),
      fc.constantFrom('image/png', 'text/plain', 'application/json'),
      async (bytes, type) => {
        const response = await upload(doctor, patient.ehrId, Buffer.from(bytes), type);
        assert.ok(
          response.statusCode === 201 || (response.statusCode >= 400 && response.statusCode < 500),
          response.body,
        );
      },
    ),
    { numRuns: 40 },
  );
});

test('uploading needs a role that authors compositions in a record it may open', async () => {
  const { patient } = await chart();
  assertProblem(await upload(patient, patient.ehrId, samplePng(), 'image/png'), 403, 'forbidden');
  const stranger = await signedIn(app, 'doctor');
  assertProblem(await upload(stranger, patient.ehrId, samplePng(), 'image/png'), 403, 'forbidden');
  const modeller = await signedIn(app, 'modeller');
  assertProblem(await upload(modeller, patient.ehrId, samplePng(), 'image/png'), 403, 'forbidden');
  const doctor = await signedIn(app, 'doctor');
  const unknown = '00000000-0000-4000-8000-000000000000';
  assertProblem(await upload(doctor, unknown, samplePng(), 'image/png'), 404, 'not-found');
  assert.is(await storedCount(patient.ehrId), 0);
});

test('a composition referencing an attachment commits, and its readers download the file', async () => {
  const { patient, doctor } = await chart();
  const value = await uploaded(doctor, patient.ehrId, samplePdf(), 'lab.pdf');
  await labReportWith(doctor, patient, value);
  assert.is((await download(doctor, patient.ehrId, value.id)).statusCode, 200);
  assert.is((await download(patient, patient.ehrId, value.id)).statusCode, 200);
  const stranger = await signedInPatient(app);
  assertProblem(await download(stranger, patient.ehrId, value.id), 403, 'forbidden');
  assertProblem(await download(doctor, patient.ehrId, '00000000-0000-4000-8000-000000000000'), 404, 'not-found');
  // Another EHR's attachment is not found through this one.
  const other = await chart();
  assertProblem(await download(other.doctor, other.patient.ehrId, value.id), 404, 'not-found');
});

test('a composition may reference only files uploaded to its own record, as they were stored', async () => {
  const { patient, doctor } = await chart();
  const other = await chart();
  const theirs = await uploaded(other.doctor, other.patient.ehrId);
  const mine = await uploaded(doctor, patient.ehrId);
  const body = await exampleOf(app, doctor, 'docsy.lab_report.v1');
  const data = (body.content as { data: Record<string, unknown> }[])[0]!.data;
  const unknownId = { ...mine, id: '00000000-0000-4000-8000-000000000000' };
  data.original_report = [theirs, { ...mine, sha256: 'b'.repeat(64) }, unknownId, mine];
  const url = `/api/ehr/${patient.ehrId}/compositions`;
  const refused = await app.inject({ method: 'POST', url, headers: doctor.headers, payload: body });
  const problem = assertProblem(refused, 422, 'validation-failed');
  assert.equal(
    problem.errors!.map((error) => error.path),
    [0, 1, 2].map((i) => `/content/0/data/original_report/${i}`),
  );
  assert.match(problem.errors![0]!.message, /no such file was uploaded to this record/);
  assert.match(problem.errors![1]!.message, /SHA-256 differ/);
  const contribution = await app.inject({
    method: 'POST',
    url: `/api/ehr/${patient.ehrId}/contributions`,
    headers: doctor.headers,
    payload: { versions: [{ changeType: 'creation', composition: body }] },
  });
  const named = assertProblem(contribution, 422, 'validation-failed').errors!.map((error) => error.path);
  assert.ok(named.includes('/versions/0/composition/content/0/data/original_report/0'), named.join());
  const listed = await app.inject({ url, headers: doctor.headers });
  assert.equal(listed.json<{ items: unknown[] }>().items, [], 'nothing was committed');
});

test('an attachment referenced only by compositions hidden from the caller is not found, as they are not', async () => {
  const { patient, doctor } = await chart();
  const value = await uploaded(doctor, patient.ehrId);
  const uid = await labReportWith(doctor, patient, value);
  // The pharmacist's policy hides lab reports.
  const pharmacist = await signedIn(app, 'pharmacist');
  assertProblem(await download(pharmacist, patient.ehrId, value.id), 404, 'not-found');
  // The patient restricts the lab report from their doctors.
  const restricted = await app.inject({
    method: 'PUT',
    url: `/api/ehr/${patient.ehrId}/compositions/${uid}/restriction`,
    headers: patient.headers,
    payload: { restricted: true },
  });
  assert.is(restricted.statusCode, 200, restricted.body);
  assertProblem(await download(doctor, patient.ehrId, value.id), 404, 'not-found');
  assert.is((await download(patient, patient.ehrId, value.id)).statusCode, 200);
});

test('uploads and reads are in the patient access log', async () => {
  const { patient, doctor } = await chart();
  const value = await uploaded(doctor, patient.ehrId);
  await download(patient, patient.ehrId, value.id);
  const log = await app.inject({ url: `/api/ehr/${patient.ehrId}/access-log`, headers: patient.headers });
  const actions = log.json<{ items: { action: string; resource?: string }[] }>().items;
  assert.ok(actions.some((e) => e.action === 'attachment.upload' && e.resource === value.id));
  assert.ok(actions.some((e) => e.action === 'attachment.read' && e.resource === value.id));
});

test('stored files cannot be changed, and a tampered one is never served', async () => {
  const { patient, doctor } = await chart();
  const value = await uploaded(doctor, patient.ehrId);
  let refused = false;
  try {
    await sql`update attachment set name = 'x' where ehr_id = ${patient.ehrId}`.execute(db);
  } catch {
    refused = true;
  }
  assert.ok(refused, 'the database refuses UPDATE on attachment');
  await db.transaction().execute(async (trx) => {
    await sql`alter table attachment disable trigger attachment_append_only`.execute(trx);
    await sql`update attachment set content = ${samplePng(9, 9)} where ehr_id = ${patient.ehrId}`.execute(trx);
    await sql`alter table attachment enable trigger attachment_append_only`.execute(trx);
  });
  const read = await download(doctor, patient.ehrId, value.id);
  const problem = assertProblem(read, 500, 'integrity-check-failed');
  assert.match(problem.detail, /SHA-256/);
});

test.run();
