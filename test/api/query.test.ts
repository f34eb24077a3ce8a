import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, type SignedInPatient } from '../support/accounts.js';
import { careFor } from '../support/care.js';
import { exampleOf } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;
type Result = {
  columns: { name: string; path: string }[];
  rows: unknown[][];
  offset: number;
  fetch: number;
  more: boolean;
};

const app = await buildTestApp();
test.after(() => app.close());

// A fresh doctor: their scope (the patients in their care) keeps other tests' data out.
const doctor = await signedIn(app, 'doctor');
const [ann, bob, cat] = [await signedInPatient(app), await signedInPatient(app), await signedInPatient(app)];
await careFor(doctor, ann);
await careFor(doctor, bob);

const allergy = { archetype: 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v2' };
async function recordAllergy(
  patient: SignedInPatient,
  substance: { code: string; value: string },
  active: boolean,
  startTime: string,
) {
  const writer = patient === cat ? await careOf(cat) : doctor;
  const body = await exampleOf(app, writer, 'docsy.allergy_record.v1');
  const entry = (body.content as { data: Json }[])[0]!;
  entry.data.substance = { ...substance, terminology: 'SNOMED-CT' };
  entry.data.active_inactive = active
    ? { code: 'active', terminology: 'local', value: 'Active' }
    : { code: 'inactive', terminology: 'local', value: 'Inactive' };
  (body.context as Json).startTime = startTime;
  const response = await app.inject({
    method: 'POST',
    url: `/api/ehr/${patient.ehrId}/compositions`,
    payload: body,
    headers: writer.headers,
  });
  assert.is(response.statusCode, 201, response.body);
  return response.json<{ uid: string }>().uid;
}

/** Cat's record is written by another doctor, who has her in their care. */
let catsDoctor: Awaited<ReturnType<typeof signedIn>> | undefined;
async function careOf(patient: SignedInPatient) {
  catsDoctor ??= await signedIn(app, 'doctor');
  await careFor(catsDoctor, patient);
  return catsDoctor;
}

const penicillin = { code: '764146007', value: 'Penicillin' };
const annPenicillin = await recordAllergy(ann, penicillin, true, '2024-05-01T10:00:00+02:00');
await recordAllergy(ann, { code: '372687004', value: 'Amoxicillin' }, true, '2024-06-01T10:00:00+02:00');
const bobPenicillin = await recordAllergy(bob, penicillin, true, '2025-01-15T09:00:00Z');
await recordAllergy(bob, penicillin, false, '2019-03-03T09:00:00Z');
await recordAllergy(cat, penicillin, true, '2025-02-01T09:00:00Z');

const activePenicillin = `SELECT e/ehr_id/value AS ehr, c/uid AS composition, a/data/substance/value AS substance
  FROM EHR e CONTAINS COMPOSITION c CONTAINS EVALUATION a[${allergy.archetype}]
  WHERE a/data/substance/code = $code AND a/data/active_inactive/code = 'active'
  ORDER BY c/context/startTime DESC`;

const query = (user: { headers: Json }, payload: Json) =>
  app.inject({ method: 'POST', url: '/api/query', payload, headers: user.headers as Record<string, string> });

test('a doctor finds the active penicillin allergies of the patients in their care, newest first', async () => {
  const response = await query(doctor, { q: activePenicillin, params: { code: penicillin.code } });
  assert.is(response.statusCode, 200, response.body);
  const result = response.json<Result>();
  assert.equal(result.columns, [
    { name: 'ehr', path: 'e/ehr_id/value' },
    { name: 'composition', path: 'c/uid' },
    { name: 'substance', path: 'a/data/substance/value' },
  ]);
  assert.equal(result.rows, [
    [bob.ehrId, bobPenicillin, 'Penicillin'],
    [ann.ehrId, annPenicillin, 'Penicillin'],
  ]);
  assert.equal([result.offset, result.fetch, result.more], [0, 100, false]);
});

test('a patient reaches only their own record', async () => {
  const result = (await query(ann, { q: activePenicillin, params: { code: penicillin.code } })).json<Result>();
  assert.equal(result.rows, [[ann.ehrId, annPenicillin, 'Penicillin']]);
  const modeller = await signedIn(app, 'modeller');
  assert.equal(
    (await query(modeller, { q: activePenicillin, params: { code: penicillin.code } })).json<Result>().rows,
    [],
  );
});

test('a composition the patient restricted is out of the doctor’s results', async () => {
  const restrict = await app.inject({
    method: 'PUT',
    url: `/api/ehr/${bob.ehrId}/compositions/${bobPenicillin}/restriction`,
    payload: { restricted: true },
    headers: bob.headers,
  });
  assert.is(restrict.statusCode, 200, restrict.body);
  const result = (await query(doctor, { q: activePenicillin, params: { code: penicillin.code } })).json<Result>();
  assert.equal(
    result.rows.map((row) => row[1]),
    [annPenicillin],
  );
  await app.inject({
    method: 'PUT',
    url: `/api/ehr/${bob.ehrId}/compositions/${bobPenicillin}/restriction`,
    payload: { restricted: false },
    headers: bob.headers,
  });
});

test('COUNT(*), LIKE, matches, NOT, pages and their "more"', async () => {
  const from = `FROM COMPOSITION c CONTAINS EVALUATION a[${allergy.archetype}]`;
  const count = (await query(doctor, { q: `SELECT COUNT(*) AS n ${from}` })).json<Result>();
  assert.equal(count.rows, [[4]]);
  const like = (
    await query(doctor, { q: `SELECT a/data/substance/value ${from} WHERE a/data/substance/value LIKE 'Amox%'` })
  ).json<Result>();
  assert.equal(like.rows, [['Amoxicillin']]);
  const matches = (
    await query(doctor, { q: `SELECT c/uid ${from} WHERE a/data/substance/code matches {'372687004', '1'} ` })
  ).json<Result>();
  assert.is(matches.rows.length, 1);
  const inactive = (
    await query(doctor, { q: `SELECT c/uid ${from} WHERE NOT a/data/active_inactive/code = 'active'` })
  ).json<Result>();
  assert.is(inactive.rows.length, 1);
  const first = (
    await query(doctor, { q: `SELECT c/uid ${from} ORDER BY c/context/startTime`, fetch: 3 })
  ).json<Result>();
  assert.equal([first.rows.length, first.more], [3, true]);
  const rest = (
    await query(doctor, { q: `SELECT c/uid ${from} ORDER BY c/context/startTime`, fetch: 3, offset: 3 })
  ).json<Result>();
  assert.equal([rest.rows.length, rest.more], [1, false]);
  const after = (
    await query(doctor, { q: `SELECT c/uid ${from} WHERE c/context/startTime > '2024-05-15T00:00:00Z'` })
  ).json<Result>();
  assert.is(after.rows.length, 2);
});

test('clusters inside entries are reached: analytes of a lab report flagged high or low', async () => {
  const body = await exampleOf(app, doctor, 'docsy.lab_report.v1');
  const created = await app.inject({
    method: 'POST',
    url: `/api/ehr/${ann.ehrId}/compositions`,
    payload: body,
    headers: doctor.headers,
  });
  assert.is(created.statusCode, 201, created.body);
  const result = (
    await query(doctor, {
      q: `SELECT r/data/analyte_name/value AS analyte, r/data/interpretation/code AS flag
          FROM EHR e[ehr_id/value = $ehr] CONTAINS COMPOSITION c[docsy.lab_report.v1]
            CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.laboratory_test_result.v1]
            CONTAINS CLUSTER r[openEHR-EHR-CLUSTER.laboratory_test_analyte.v1]
          WHERE r/data/interpretation/code matches {'high', 'low'}`,
      params: { ehr: ann.ehrId },
    })
  ).json<Result>();
  assert.ok(result.rows.length >= 1, JSON.stringify(result));
  assert.ok(result.rows.every((row) => row[1] === 'high' || row[1] === 'low'));
});

test('each EHR a query reads from gets an event its patient sees in the access log', async () => {
  await query(doctor, { q: activePenicillin, params: { code: penicillin.code } });
  const log = await app.inject({ method: 'GET', url: `/api/ehr/${ann.ehrId}/access-log`, headers: ann.headers });
  assert.is(log.statusCode, 200, log.body);
  assert.match(log.body, 'query.read');
});

test('bad queries are 422 problems that say where and what', async () => {
  const syntax = assertProblem(await query(doctor, { q: 'SELECT c/uid FROM' }), 422, 'validation-failed');
  assert.equal(syntax.errors, [{ path: '/q', message: 'expected COMPOSITION, but the query ended (at character 18)' }]);
  const missing = assertProblem(await query(doctor, { q: activePenicillin }), 422);
  assert.equal(missing.errors, [{ path: '/params/code', message: 'the parameter $code is not given in params' }]);
  const alias = assertProblem(await query(doctor, { q: 'SELECT x/uid FROM COMPOSITION c' }), 422);
  assert.match(alias.errors![0]!.message, 'unknown name "x"; the query names c');
  const date = assertProblem(
    await query(doctor, { q: "SELECT c/uid FROM COMPOSITION c WHERE c/context/startTime > '2024-02-30'" }),
    422,
  );
  assert.match(date.errors![0]!.message, 'which is not a date-time');
  assertProblem(await query(doctor, { q: 'SELECT c/uid FROM COMPOSITION c', fetch: 5000 }), 422);
  assertProblem(
    await app.inject({ method: 'POST', url: '/api/query', payload: { q: 'SELECT c/uid FROM COMPOSITION c' } }),
    401,
  );
});

test.run();
