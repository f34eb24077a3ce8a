import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, type SignedIn } from '../support/accounts.js';
import { careFor, endCare } from '../support/care.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const request = (who: SignedIn, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json) =>
  app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
const orders = (who: SignedIn, ehrId: string) => request(who, 'GET', `/api/ehr/${ehrId}/orders`);

async function deniedEvents(ehrId: string, actorId: string): Promise<Json[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select(['details'])
    .where('chain_key', '=', ehrId)
    .where('actor_id', '=', actorId)
    .where('action', '=', 'access.denied')
    .execute();
  return rows.map((row) => row.details as Json);
}

test('a practitioner opens a record only in a care relationship; the denial is audited', async () => {
  const doctor = await signedIn(app, 'doctor');
  const patient = await signedInPatient(app);
  const denied = assertProblem(await orders(doctor, patient.ehrId), 403, 'forbidden');
  assert.match(denied.detail, /no care relationship/);
  assert.equal(await deniedEvents(patient.ehrId, doctor.user.id), [{ action: 'read', reason: 'no-care-relationship' }]);

  const appointment = await careFor(doctor, patient);
  assert.is((await orders(doctor, patient.ehrId)).statusCode, 200);
  await endCare(appointment);
  assertProblem(await orders(doctor, patient.ehrId), 403);
});

test('an appointment gives access from booking until a year after it; older ones do not', async () => {
  const nurse = await signedIn(app, 'nurse');
  const patient = await signedInPatient(app);
  const day = 24 * 3600 * 1000;
  await careFor(nurse, patient, { start: new Date(Date.now() - 400 * day) });
  assertProblem(await orders(nurse, patient.ehrId), 403);
  await careFor(nurse, patient, { start: new Date(Date.now() + 30 * day) });
  assert.is((await orders(nurse, patient.ehrId)).statusCode, 200, 'an upcoming appointment counts');
});

test('the patient reads their own record; another patient, a modeller and an admin may not', async () => {
  const patient = await signedInPatient(app);
  assert.is((await orders(patient, patient.ehrId)).statusCode, 200);
  const other = await signedInPatient(app);
  assertProblem(await orders(other, patient.ehrId), 403);
  for (const role of ['modeller', 'admin'] as const) {
    assertProblem(await orders(await signedIn(app, role), patient.ehrId), 403);
  }
  assertProblem(await orders(patient, randomUUID()), 404, 'not-found');
});

test('a patient grants a practitioner access, lists and revokes it; nobody else can', async () => {
  const patient = await signedInPatient(app);
  const doctor = await signedIn(app, 'doctor', { name: 'Dr Grant' });
  const url = `/api/ehr/${patient.ehrId}/grants/${doctor.user.id}`;
  assertProblem(await orders(doctor, patient.ehrId), 403);

  const granted = await request(patient, 'PUT', url, {});
  assert.is(granted.statusCode, 200, granted.body);
  assert.equal(granted.json<Json>().practitioner, { id: doctor.user.id, name: 'Dr Grant', roles: ['doctor'] });
  assert.is(granted.json<Json>().until, null);
  assert.is((await orders(doctor, patient.ehrId)).statusCode, 200);
  const list = (await request(patient, 'GET', `/api/ehr/${patient.ehrId}/grants`)).json<{ items: Json[] }>();
  assert.is(list.items.length, 1);

  assertProblem(await request(doctor, 'GET', `/api/ehr/${patient.ehrId}/grants`), 403);
  assertProblem(await request(await signedInPatient(app), 'PUT', url, {}), 403);
  assertProblem(await request(patient, 'PUT', `/api/ehr/${patient.ehrId}/grants/${patient.user.id}`, {}), 404);
  const past = assertProblem(await request(patient, 'PUT', url, { until: '2020-01-01T00:00:00Z' }), 422);
  assert.equal(past.errors, [{ path: '/until', message: 'must be in the future' }]);

  assert.is((await request(patient, 'DELETE', url)).statusCode, 204);
  assertProblem(await orders(doctor, patient.ehrId), 403);
  assertProblem(await request(patient, 'DELETE', url), 404);
});

test('a grant with an end stops at its end', async () => {
  const patient = await signedInPatient(app);
  const nurse = await signedIn(app, 'nurse');
  const soon = new Date(Date.now() + 60_000).toISOString();
  await request(patient, 'PUT', `/api/ehr/${patient.ehrId}/grants/${nurse.user.id}`, { until: soon });
  assert.is((await orders(nurse, patient.ehrId)).statusCode, 200);
  await sql`update care_relationship set valid_until = now() - interval '1 second' where practitioner_id = ${nurse.user.id}`.execute(
    db,
  );
  assertProblem(await orders(nurse, patient.ehrId), 403);
});

test('break-glass: 60 minutes of access with a reason, audited and shown to the patient', async () => {
  const patient = await signedInPatient(app);
  const doctor = await signedIn(app, 'doctor', { name: 'Dr Emergency' });
  assertProblem(await orders(doctor, patient.ehrId), 403);
  const reason = 'Unconscious in the emergency department';
  const glass = await request(doctor, 'POST', `/api/ehr/${patient.ehrId}/break-glass`, { reason });
  assert.is(glass.statusCode, 201, glass.body);
  const body = glass.json<{ expiresAt: string; startedAt: string; reason: string }>();
  assert.is(Date.parse(body.expiresAt) - Date.parse(body.startedAt), 60 * 60 * 1000);
  assert.is((await orders(doctor, patient.ehrId)).statusCode, 200);

  const log = (await request(patient, 'GET', `/api/ehr/${patient.ehrId}/access-log`)).json<{ items: Json[] }>();
  const byDoctor = log.items.filter((item) => (item.actor as Json | null)?.id === doctor.user.id);
  assert.equal(
    byDoctor.map((item) => [item.action, item.outcome, item.breakGlassReason]),
    [
      ['order.list', 'success', reason],
      ['break-glass', 'success', reason],
      ['access.denied', 'denied', undefined],
    ],
  );
  assert.equal(byDoctor[0]!.actor, { id: doctor.user.id, name: 'Dr Emergency', role: 'doctor' });

  assertProblem(await request(doctor, 'POST', `/api/ehr/${patient.ehrId}/break-glass`, { reason: '  ' }), 422);
  assertProblem(await request(patient, 'POST', `/api/ehr/${patient.ehrId}/break-glass`, { reason }), 403);
  assertProblem(await request(doctor, 'POST', `/api/ehr/${randomUUID()}/break-glass`, { reason }), 404);
});

test('an expired break-glass gives no access, and the table refuses changes', async () => {
  const patient = await signedInPatient(app);
  const nurse = await signedIn(app, 'nurse');
  await sql`
    insert into break_glass (id, ehr_id, practitioner_id, reason, started_at, expires_at)
    values (${randomUUID()}, ${patient.ehrId}, ${nurse.user.id}, 'old', now() - interval '2 hours', now() - interval '1 hour')
  `.execute(db);
  assertProblem(await orders(nurse, patient.ehrId), 403);
  await sql`update break_glass set expires_at = now() + interval '1 hour' where practitioner_id = ${nurse.user.id}`
    .execute(db)
    .then(
      () => assert.unreachable('the change went through'),
      (error: Error) => assert.match(error.message, /append-only/),
    );
});

test('an open order lets lab technicians open the record until it is closed', async () => {
  const patient = await signedInPatient(app);
  const doctor = await signedIn(app, 'doctor', { name: 'Dr Order' });
  const lab = await signedIn(app, 'lab_technician');
  await careFor(doctor, patient);
  assertProblem(await orders(lab, patient.ehrId), 403);

  const placed = await request(doctor, 'POST', `/api/ehr/${patient.ehrId}/orders`, {
    kind: 'lab',
    description: 'Full blood count',
  });
  assert.is(placed.statusCode, 201, placed.body);
  const order = placed.json<{ id: string; status: string; orderedBy: Json }>();
  assert.equal([order.status, order.orderedBy], ['open', { id: doctor.user.id, name: 'Dr Order' }]);
  assert.is((await orders(lab, patient.ehrId)).statusCode, 200);
  const worklist = (await request(lab, 'GET', '/api/orders?kind=lab&limit=500')).json<{
    items: { id: string; patient: { id: string; name: string } }[];
  }>();
  const listed = worklist.items.find((item) => item.id === order.id);
  assert.ok(listed, 'the order is on the lab worklist');
  assert.equal(
    listed.patient,
    { id: patient.user.id, name: patient.user.name },
    'naming the patient, whose chart it opens',
  );

  const close = (who: SignedIn, status: string) =>
    request(who, 'POST', `/api/ehr/${patient.ehrId}/orders/${order.id}/close`, { status });
  const closed = await close(lab, 'fulfilled');
  assert.is(closed.json<Json>().status, 'fulfilled');
  assertProblem(await close(doctor, 'cancelled'), 409, 'conflict');
  assertProblem(await orders(lab, patient.ehrId), 403);
});

test('only doctors order; pharmacists do not see orders', async () => {
  const patient = await signedInPatient(app);
  const nurse = await signedIn(app, 'nurse');
  const pharmacist = await signedIn(app, 'pharmacist');
  await careFor(nurse, patient);
  const payload = { kind: 'imaging', description: 'Chest X-ray' };
  assertProblem(await request(nurse, 'POST', `/api/ehr/${patient.ehrId}/orders`, payload), 403);
  assertProblem(await orders(pharmacist, patient.ehrId), 403);
  assertProblem(await request(pharmacist, 'GET', '/api/orders'), 403);
});

test('the access log is the patient’s only, newest first and paginated', async () => {
  const patient = await signedInPatient(app);
  const doctor = await signedIn(app, 'doctor');
  await careFor(doctor, patient);
  for (let i = 0; i < 3; i++) await orders(doctor, patient.ehrId);
  const first = (await request(patient, 'GET', `/api/ehr/${patient.ehrId}/access-log?limit=2`)).json<{
    items: { at: string; action: string }[];
    next: string;
  }>();
  assert.is(first.items.length, 2);
  const second = (
    await request(patient, 'GET', `/api/ehr/${patient.ehrId}/access-log?limit=2&cursor=${first.next}`)
  ).json<{ items: { at: string }[] }>();
  assert.ok(second.items.length >= 1);
  assert.ok(second.items[0]!.at <= first.items[1]!.at);
  assertProblem(await request(doctor, 'GET', `/api/ehr/${patient.ehrId}/access-log`), 403);
});

test.run();
