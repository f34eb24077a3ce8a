import { parse as parseContentDisposition } from 'content-disposition';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, type SignedIn, type SignedInPatient } from '../support/accounts.js';
import { careFor } from '../support/care.js';
import { exampleOf } from '../support/compositions.js';
import { fontsOf, pdfText } from '../support/pdf-text.js';
import { assertProblem } from '../support/problem-assertions.js';
import { sampleDicom, sampleJpeg, samplePng } from '../support/sample-files.js';
import { buildTestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;
type Entry = { slot: string; archetype: string; revision: string; data: Json };

const app = await buildTestApp();
test.after(() => app.close());

/** A patient (with a name and birth date) in the care of a named doctor. */
async function chart() {
  const patient = await signedInPatient(app, { name: 'Zoë Testperson' });
  const doctor = await signedIn(app, 'doctor', { name: 'Dr Ada Example' });
  await careFor(doctor, patient);
  return { patient, doctor };
}

async function commitAs(who: SignedIn, patient: SignedInPatient, body: Json) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/ehr/${patient.ehrId}/compositions`,
    headers: who.headers,
    payload: body,
  });
  assert.is(response.statusCode, 201, response.body);
  return response.json<{ uid: string; versionUid: string }>();
}

const pdfOf = (who: SignedIn, patient: SignedInPatient, uid: string) =>
  app.inject({ url: `/api/ehr/${patient.ehrId}/compositions/${uid}/pdf`, headers: who.headers });

async function readPdf(who: SignedIn, patient: SignedInPatient, uid: string) {
  const response = await pdfOf(who, patient, uid);
  assert.is(response.statusCode, 200, response.body);
  assert.is(response.headers['content-type'], 'application/pdf');
  assert.ok(response.rawPayload.subarray(0, 5).toString('latin1') === '%PDF-');
  return { response, ...(await pdfText(response.rawPayload)) };
}

test('a prescription PDF carries what a pharmacy needs, on every page the patient, composer and version', async () => {
  const { patient, doctor } = await chart();
  const body = await exampleOf(app, doctor, 'docsy.prescription.v1');
  const content = body.content as Entry[];
  const second = structuredClone(content[0]!);
  second.data.medication_item = { code: '387207008', terminology: 'SNOMED-CT', value: 'Ibuprofen' };
  second.data.dose_and_timing = [
    { dose: { magnitude: 400, unit: 'mg' }, frequency: { magnitude: 2, unit: '/d' }, direction_duration: 'P2W' },
  ];
  (second.data.dispense as Json).number_of_repeats = 2;
  content.push(second);
  const { versionUid, uid } = await commitAs(doctor, patient, body);

  const { response, pages, all } = await readPdf(patient, patient, uid);
  const disposition = parseContentDisposition(String(response.headers['content-disposition']));
  assert.is(disposition.type, 'attachment');
  assert.match(disposition.parameters.filename!, /^prescription-2026-03-02-v1\.pdf$/);
  for (const [i, page] of pages.entries()) {
    assert.ok(page.includes('Zoë Testperson'), `patient name on page ${i + 1}`);
    assert.ok(page.includes('2 April 1980'), `birth date on page ${i + 1}`);
    assert.ok(page.includes(patient.ehrId), `identifier on page ${i + 1}`);
    assert.ok(page.includes('Dr Ada Example'), `composer on page ${i + 1}`);
    assert.ok(page.includes('2 March 2026'), `date on page ${i + 1}`);
    assert.ok(page.includes(versionUid), `version id on page ${i + 1}`);
    assert.ok(page.includes(`Page ${i + 1} of ${pages.length}`), `page number on page ${i + 1}`);
  }
  for (const value of ['Amoxicillin', '500 mg', 'Oral route', '3 per day', '7 days']) {
    assert.ok(all.includes(value), `${value} in ${all}`);
  }
  for (const value of ['Ibuprofen', '400 mg', '2 per day', '2 weeks']) assert.ok(all.includes(value), value);
  assert.ok(all.includes('Take ONE capsule THREE times a day for 7 days'), 'directions');
  assert.ok(all.includes('Prescriber Dr Ada Example'), 'the prescriber');
  assert.not.ok(all.includes('Superseded'));
});

test('a lab report PDF lists each analyte with value, unit, reference range and flag; abnormal flags stand out', async () => {
  const { patient, doctor } = await chart();
  const body = await exampleOf(app, doctor, 'docsy.lab_report.v1');
  const data = (body.content as Entry[])[0]!.data;
  const results = data.test_result as Entry[];
  const platelets = structuredClone(results[0]!);
  platelets.data.analyte_name = { code: '777-3', terminology: 'LOINC', value: 'Platelets [#/volume] in Blood' };
  platelets.data.analyte_result = { type: 'quantity', value: { magnitude: 250, unit: '10*9/L' } };
  platelets.data.normal_range = { low: { magnitude: 150, unit: '10*9/L' }, high: { magnitude: 400, unit: '10*9/L' } };
  platelets.data.interpretation = { code: 'normal', terminology: 'local', value: 'Normal' };
  results.push(platelets);
  const { uid } = await commitAs(doctor, patient, body);

  const { response, all } = await readPdf(doctor, patient, uid);
  for (const value of ['Hemoglobin [Mass/volume] in Blood', '11.2 g/dL', '12–15.5 g/dL', '* Low']) {
    assert.ok(all.includes(value), `${value} in ${all}`);
  }
  for (const value of ['Platelets [#/volume] in Blood', '250', '150–400', 'Normal'])
    assert.ok(all.includes(value), value);
  assert.ok(all.includes('outside the normal range'));
  assert.ok(all.includes('Mild normocytic anaemia'), 'the conclusion');
  assert.not.ok(all.includes('* Normal'));
  // The flag is drawn in the column headers' bold font; a normal result is not.
  const fonts = await fontsOf(response.rawPayload, ['Flag', '* Low', 'Platelets']);
  assert.equal(fonts['* Low'], fonts.Flag);
  assert.not.equal(fonts.Platelets, fonts.Flag);
});

test('an imaging report PDF shows findings, impression and thumbnails of the attached images', async () => {
  const { patient, doctor } = await chart();
  const upload = async (bytes: Buffer, name: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/ehr/${patient.ehrId}/attachments?filename=${name}`,
      headers: { ...doctor.headers, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    assert.is(response.statusCode, 201, response.body);
    return response.json<Json>();
  };
  const body = await exampleOf(app, doctor, 'docsy.imaging_report.v1');
  (body.content as Entry[])[0]!.data.images = [
    await upload(samplePng(32, 24), 'pa-view.png'),
    await upload(sampleJpeg(24, 32), 'lateral-view.jpg'),
    await upload(sampleDicom(), 'series-1.dcm'),
  ];
  const { uid } = await commitAs(doctor, patient, body);

  const { response, all } = await readPdf(patient, patient, uid);
  assert.ok(all.includes('Right lower lobe pneumonia.'), 'the impression');
  assert.ok(all.includes('Patchy consolidation in the right lower zone'), 'the findings');
  for (const name of ['pa-view.png', 'lateral-view.jpg', 'series-1.dcm']) assert.ok(all.includes(name), name);
  const images = response.rawPayload.toString('latin1').match(/\/Subtype \/Image/g) ?? [];
  assert.ok(images.length >= 2, `two thumbnails drawn, found ${images.length}`);
});

test('an older version says it is superseded; the latest does not', async () => {
  const { patient, doctor } = await chart();
  const body = await exampleOf(app, doctor, 'docsy.vital_signs.v1');
  const first = await commitAs(doctor, patient, body);
  const amended = await app.inject({
    method: 'PUT',
    url: `/api/ehr/${patient.ehrId}/compositions/${first.uid}`,
    headers: { ...doctor.headers, 'if-match': `"${first.versionUid}"` },
    payload: body,
  });
  assert.is(amended.statusCode, 200, amended.body);
  const old = await readPdf(patient, patient, first.versionUid);
  assert.ok(old.all.includes('Superseded: version 1 of 2'), old.all);
  assert.ok(old.all.includes(first.versionUid));
  const latest = await readPdf(patient, patient, first.uid);
  assert.not.ok(latest.all.includes('Superseded'));
  assert.ok(latest.all.includes(`${first.uid}::docsy.local::2`));
});

test('any template gets a PDF with its labels and units; long documents run over pages, framed on each', async () => {
  const { patient, doctor } = await chart();
  const body = await exampleOf(app, doctor, 'docsy.lab_report.v1');
  const data = (body.content as Entry[])[0]!.data;
  const analyte = (data.test_result as Entry[])[0]!;
  data.test_result = Array.from({ length: 45 }, (_, i) => {
    const copy = structuredClone(analyte);
    copy.data.comment = `Synthetic comment ${i + 1}: ${'checked twice against the control sample. '.repeat(3)}`;
    return copy;
  });
  const { uid } = await commitAs(doctor, patient, body);
  const { pages } = await readPdf(doctor, patient, uid);
  assert.ok(pages.length > 1, `${pages.length} pages`);
  pages.forEach((page, i) => {
    assert.ok(page.includes(`Page ${i + 1} of ${pages.length}`));
    assert.ok(page.includes('Zoë Testperson'));
  });
  assert.ok(pages.join(' ').includes('Synthetic comment 45'));

  const vitals = await commitAs(doctor, patient, await exampleOf(app, doctor, 'docsy.vital_signs.v1'));
  const { all } = await readPdf(doctor, patient, vitals.uid);
  assert.ok(/mm\[?Hg\]?/.test(all), `a unit in ${all}`);
});

test('the PDF follows the composition read: restricted is 404, deleted 410, no care 403; it is audited', async () => {
  const { patient, doctor } = await chart();
  const { uid, versionUid } = await commitAs(doctor, patient, await exampleOf(app, doctor, 'docsy.vital_signs.v1'));
  const stranger = await signedIn(app, 'doctor');
  assertProblem(await pdfOf(stranger, patient, uid), 403, 'forbidden');
  const restrict = await app.inject({
    method: 'PUT',
    url: `/api/ehr/${patient.ehrId}/compositions/${uid}/restriction`,
    headers: patient.headers,
    payload: { restricted: true },
  });
  assert.is(restrict.statusCode, 200, restrict.body);
  assertProblem(await pdfOf(doctor, patient, uid), 404, 'not-found');
  assert.is((await pdfOf(patient, patient, uid)).statusCode, 200);

  const log = await app.inject({ url: `/api/ehr/${patient.ehrId}/access-log`, headers: patient.headers });
  const events = log.json<{ items: { action: string; resource?: string }[] }>().items;
  assert.ok(events.some((event) => event.action === 'composition.pdf' && event.resource === versionUid));

  const other = await commitAs(doctor, patient, await exampleOf(app, doctor, 'docsy.vital_signs.v1'));
  const deleted = await app.inject({
    method: 'DELETE',
    url: `/api/ehr/${patient.ehrId}/compositions/${other.uid}`,
    headers: { ...doctor.headers, 'if-match': `"${other.versionUid}"` },
  });
  assert.is(deleted.statusCode, 204, deleted.body);
  assertProblem(await pdfOf(doctor, patient, other.uid), 410, 'gone');
  assert.is((await pdfOf(doctor, patient, other.versionUid)).statusCode, 200);
});

test.run();
