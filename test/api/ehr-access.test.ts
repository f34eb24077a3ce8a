import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, type SignedIn, type SignedInPatient } from '../support/accounts.js';
import { careFor } from '../support/care.js';
import { exampleOf } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const send = (who: SignedIn, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = {}) =>
  app.inject({
    method,
    url,
    headers: { ...who.headers, ...headers },
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });

async function commitAs(who: SignedIn, patient: SignedInPatient, templateId: string): Promise<string> {
  const response = await send(
    who,
    'POST',
    `/api/ehr/${patient.ehrId}/compositions`,
    await exampleOf(app, who, templateId),
  );
  assert.is(response.statusCode, 201, response.body);
  return response.json<{ uid: string }>().uid;
}

const listed = async (who: SignedIn, patient: SignedInPatient) => {
  const response = await send(who, 'GET', `/api/ehr/${patient.ehrId}/compositions?limit=500`);
  assert.is(response.statusCode, 200, response.body);
  return response.json<{ items: { uid: string; restricted: boolean; template: { id: string } }[] }>().items;
};

/** A patient with a prescription, vital signs and a lab report written by their doctor. */
async function patientWithRecord() {
  const patient = await signedInPatient(app);
  const doctor = await signedIn(app, 'doctor');
  await careFor(doctor, patient);
  const prescription = await commitAs(doctor, patient, 'docsy.prescription.v1');
  const vitals = await commitAs(doctor, patient, 'docsy.vital_signs.v1');
  const lab = await commitAs(doctor, patient, 'docsy.lab_report.v1');
  return { patient, doctor, uids: { prescription, vitals, lab } };
}

test('a patient reads their own record; another patient and a modeller are refused', async () => {
  const { patient, uids } = await patientWithRecord();
  assert.is((await listed(patient, patient)).length, 3);
  assert.is((await send(patient, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.vitals}`)).statusCode, 200);
  assert.is((await send(patient, 'GET', `/api/ehr/${patient.ehrId}`)).json<Json>().compositionCount, 3);
  const stranger = await signedInPatient(app);
  assertProblem(await send(stranger, 'GET', `/api/ehr/${patient.ehrId}/compositions`), 403, 'forbidden');
  const modeller = await signedIn(app, 'modeller');
  const problem = assertProblem(await send(modeller, 'GET', `/api/ehr/${patient.ehrId}`), 403);
  assert.match(problem.detail, /no access to patient records/);
  const body = await exampleOf(app, patient, 'docsy.vital_signs.v1');
  assertProblem(await send(patient, 'POST', `/api/ehr/${patient.ehrId}/compositions`, body), 403);
});

test('a nurse records vital signs but not prescriptions; the refusal is audited', async () => {
  const patient = await signedInPatient(app);
  const nurse = await signedIn(app, 'nurse');
  await careFor(nurse, patient);
  await commitAs(nurse, patient, 'docsy.vital_signs.v1');
  const body = await exampleOf(app, nurse, 'docsy.prescription.v1');
  const refused = assertProblem(await send(nurse, 'POST', `/api/ehr/${patient.ehrId}/compositions`, body), 403);
  assert.match(refused.detail, /permission policy/);
  const denial = await db
    .selectFrom('audit_event')
    .select('details')
    .where('chain_key', '=', patient.ehrId)
    .where('actor_id', '=', nurse.user.id)
    .where('action', '=', 'access.denied')
    .executeTakeFirstOrThrow();
  assert.equal(denial.details, { action: 'create', reason: 'policy', template: 'docsy.prescription.v1' });
});

test('a doctor without a care relationship is refused, reads and writes alike', async () => {
  const { patient, uids } = await patientWithRecord();
  const other = await signedIn(app, 'doctor');
  assertProblem(await send(other, 'GET', `/api/ehr/${patient.ehrId}/compositions`), 403);
  assertProblem(await send(other, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.vitals}`), 403);
  assertProblem(await send(other, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.vitals}/versions`), 403);
  const body = await exampleOf(app, other, 'docsy.vital_signs.v1');
  assertProblem(await send(other, 'POST', `/api/ehr/${patient.ehrId}/compositions`, body), 403);
  assertProblem(
    await send(other, 'DELETE', `/api/ehr/${patient.ehrId}/compositions/${uids.vitals}`, undefined, {
      'if-match': '"x"',
    }),
    403,
  );
});

test('a lab technician with an open order sees lab and imaging reports only', async () => {
  const { patient, doctor, uids } = await patientWithRecord();
  const lab = await signedIn(app, 'lab_technician');
  assertProblem(await send(lab, 'GET', `/api/ehr/${patient.ehrId}/compositions`), 403);
  await send(doctor, 'POST', `/api/ehr/${patient.ehrId}/orders`, { kind: 'lab', description: 'Lipids' });
  assert.equal(
    (await listed(lab, patient)).map((item) => item.uid),
    [uids.lab],
  );
  assertProblem(await send(lab, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.prescription}`), 404);
  assert.equal((await send(lab, 'GET', `/api/ehr/${patient.ehrId}`)).json<Json>().compositionCount, 1);
  await commitAs(lab, patient, 'docsy.lab_report.v1');
});

test('a pharmacist reads any patient’s prescriptions and allergies, nothing else, always audited', async () => {
  const { patient, uids } = await patientWithRecord();
  const pharmacist = await signedIn(app, 'pharmacist');
  assert.equal(
    (await listed(pharmacist, patient)).map((item) => item.template.id),
    ['docsy.prescription.v1'],
  );
  const read = await send(pharmacist, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.prescription}`);
  assert.is(read.statusCode, 200);
  assertProblem(await send(pharmacist, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.vitals}`), 404);
  const log = (await send(patient, 'GET', `/api/ehr/${patient.ehrId}/access-log`)).json<{ items: Json[] }>();
  const pharmacistEvents = log.items.filter((item) => (item.actor as Json | null)?.id === pharmacist.user.id);
  assert.equal(
    pharmacistEvents.map((item) => item.action),
    ['composition.read', 'composition.list'],
  );
});

test('restricted compositions vanish for practitioners (but those allowed, and under break-glass)', async () => {
  const { patient, doctor, uids } = await patientWithRecord();
  const allowedNurse = await signedIn(app, 'nurse');
  await careFor(allowedNurse, patient);
  const restriction = `/api/ehr/${patient.ehrId}/compositions/${uids.prescription}/restriction`;
  const restricted = await send(patient, 'PUT', restriction, { restricted: true, allowed: [allowedNurse.user.id] });
  assert.is(restricted.statusCode, 200, restricted.body);
  assert.equal(
    restricted.json<{ allowed: { id: string }[] }>().allowed.map((a) => a.id),
    [allowedNurse.user.id],
  );

  assert.not.ok((await listed(doctor, patient)).some((item) => item.uid === uids.prescription));
  assert.is((await send(doctor, 'GET', `/api/ehr/${patient.ehrId}`)).json<Json>().compositionCount, 2);
  assertProblem(await send(doctor, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.prescription}`), 404);
  assertProblem(await send(doctor, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.prescription}/versions`), 404);
  const amend = await send(
    doctor,
    'PUT',
    `/api/ehr/${patient.ehrId}/compositions/${uids.prescription}`,
    await exampleOf(app, doctor, 'docsy.prescription.v1'),
    { 'if-match': `"${uids.prescription}::docsy.local::1"` },
  );
  assertProblem(amend, 404);

  assert.ok((await listed(allowedNurse, patient)).some((item) => item.uid === uids.prescription && item.restricted));
  const own = await listed(patient, patient);
  assert.ok(own.find((item) => item.uid === uids.prescription)?.restricted, 'the patient sees it, marked');

  const emergency = await signedIn(app, 'doctor');
  await send(emergency, 'POST', `/api/ehr/${patient.ehrId}/break-glass`, { reason: 'Anaphylaxis in the ward' });
  assert.is(
    (await send(emergency, 'GET', `/api/ehr/${patient.ehrId}/compositions/${uids.prescription}`)).statusCode,
    200,
  );

  assertProblem(await send(doctor, 'PUT', restriction, { restricted: false }), 403);
  const freed = await send(patient, 'PUT', restriction, { restricted: false });
  assert.equal(freed.json<Json>(), { uid: uids.prescription, restricted: false, allowed: [] });
  assert.ok((await listed(doctor, patient)).some((item) => item.uid === uids.prescription));
});

test('restriction bodies are checked', async () => {
  const { patient, doctor, uids } = await patientWithRecord();
  const url = `/api/ehr/${patient.ehrId}/compositions/${uids.vitals}/restriction`;
  const notPractitioner = assertProblem(
    await send(patient, 'PUT', url, { restricted: true, allowed: [patient.user.id] }),
    422,
  );
  assert.equal(notPractitioner.errors, [{ path: '/allowed/0', message: 'is not an active practitioner' }]);
  const freeWithList = assertProblem(
    await send(patient, 'PUT', url, { restricted: false, allowed: [doctor.user.id] }),
    422,
  );
  assert.equal(freeWithList.errors?.[0]?.path, '/allowed');
  assertProblem(await send(patient, 'PUT', url, { restricted: 'yes' }), 422);
  const missing = `/api/ehr/${patient.ehrId}/compositions/00000000-0000-4000-8000-000000000000/restriction`;
  assertProblem(await send(patient, 'PUT', missing, { restricted: true }), 404);
  assert.equal((await send(patient, 'GET', url)).json<Json>(), { uid: uids.vitals, restricted: false, allowed: [] });
});

test('queries reach only what the caller may read', async () => {
  const { patient, doctor, uids } = await patientWithRecord();
  await send(patient, 'PUT', `/api/ehr/${patient.ehrId}/compositions/${uids.vitals}/restriction`, { restricted: true });
  const q = `SELECT c/uid AS uid FROM EHR e CONTAINS COMPOSITION c WHERE e/ehr_id/value = '${patient.ehrId}'`;
  const uidsFor = async (who: SignedIn) => {
    const response = await send(who, 'POST', '/api/query', { q });
    assert.is(response.statusCode, 200, response.body);
    return response
      .json<{ rows: string[][] }>()
      .rows.map((row) => row[0])
      .sort();
  };
  assert.equal(await uidsFor(patient), [uids.prescription, uids.vitals, uids.lab].sort());
  assert.equal(await uidsFor(doctor), [uids.prescription, uids.lab].sort(), 'the restricted one is absent');
  assert.equal(await uidsFor(await signedIn(app, 'doctor')), [], 'no care relationship, nothing');
  assert.equal(await uidsFor(await signedIn(app, 'pharmacist')), [uids.prescription]);
  assert.equal(await uidsFor(await signedIn(app, 'admin')), []);
});

test.run();
