import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, type SignedIn } from '../support/accounts.js';
import { careFor } from '../support/care.js';
import { assertProblem } from '../support/problem-assertions.js';
import { book, bookableDoctor, daysAhead, everyDay, freeStarts } from '../support/scheduling.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const horizonDays = 30;
const app = await buildTestApp({ config: { bookingHorizonDays: horizonDays } });
const { db } = await testDatabase();
test.after(() => app.close());

const post = (who: SignedIn, url: string, payload: Json) =>
  app.inject({ method: 'POST', url, headers: who.headers, payload });
const openRecord = (who: SignedIn, ehrId: string) => app.inject({ url: `/api/ehr/${ehrId}`, headers: who.headers });

test('20 concurrent bookings of one slot: exactly one 201, the rest 409 slot-taken', async () => {
  const doctor = await bookableDoctor(app);
  const patients = await Promise.all(Array.from({ length: 20 }, () => signedInPatient(app)));
  const start = daysAhead(2, '10:00');
  const responses = await Promise.all(patients.map((patient) => book(app, patient, doctor.user.id, start)));
  const statuses = responses.map((response) => response.statusCode);
  assert.is(statuses.filter((status) => status === 201).length, 1, statuses.join(','));
  for (const response of responses.filter((r) => r.statusCode !== 201)) assertProblem(response, 409, 'slot-taken');
  const booked = await db
    .selectFrom('appointment')
    .select('patient_id')
    .where('practitioner_id', '=', doctor.user.id)
    .where('status', '=', 'booked')
    .execute();
  assert.is(booked.length, 1);
  const winner = responses.findIndex((response) => response.statusCode === 201);
  assert.is(booked[0]!.patient_id, patients[winner]!.user.id);
  const starts = await freeStarts(app, patients[0]!, doctor.user.id, daysAhead(2, '09:00'), daysAhead(2, '11:00'));
  assert.equal(starts, [daysAhead(2, '09:00'), daysAhead(2, '09:30'), daysAhead(2, '10:30')]);
});

test('one patient cannot be booked with two practitioners at the same time: 409', async () => {
  const [first, second] = [await bookableDoctor(app), await bookableDoctor(app)];
  const patient = await signedInPatient(app);
  const start = daysAhead(3, '11:00');
  assert.is((await book(app, patient, first.user.id, start)).statusCode, 201);
  assertProblem(await book(app, patient, second.user.id, start), 409, 'patient-double-booked');
  assert.is((await book(app, patient, second.user.id, daysAhead(3, '11:30'))).statusCode, 201);
});

test('a booking answers the appointment with names, place and offset; both see it in their lists', async () => {
  const doctor = await bookableDoctor(app, everyDay, { name: 'Dr Slot' });
  const patient = await signedInPatient(app, { name: 'Pat Booker' });
  const start = daysAhead(4, '08:30');
  const response = await book(app, patient, doctor.user.id, start, 'Persistent cough');
  assert.is(response.statusCode, 201, response.body);
  const appointment = response.json<Json>();
  assert.is(response.headers.location, `/api/appointments/${appointment.id}`);
  assert.equal(
    { ...appointment, id: undefined, bookedAt: undefined },
    {
      id: undefined,
      practitionerId: doctor.user.id,
      practitionerName: 'Dr Slot',
      patientId: patient.user.id,
      patientName: 'Pat Booker',
      ehrId: patient.ehrId,
      start,
      end: daysAhead(4, '09:00'),
      location: 'Room 1',
      status: 'booked',
      reason: 'Persistent cough',
      bookedAt: undefined,
    },
  );
  for (const who of [patient, doctor]) {
    const list = await app.inject({ url: '/api/appointments', headers: who.headers });
    assert.is(list.statusCode, 200, list.body);
    assert.equal(
      list.json<{ items: Json[] }>().items.map((item) => item.id),
      [appointment.id],
    );
  }
  const event = await db
    .selectFrom('audit_event')
    .select(['actor_id', 'details'])
    .where('chain_key', '=', patient.ehrId)
    .where('action', '=', 'appointment.book')
    .executeTakeFirstOrThrow();
  assert.is(event.actor_id, patient.user.id);
  assert.not.match(JSON.stringify(event.details), /cough/, 'the reason is not in the audit log');
});

test('the list pages by start with a cursor and filters by window and status', async () => {
  const doctor = await bookableDoctor(app);
  const patients = await Promise.all([1, 2, 3].map(() => signedInPatient(app)));
  for (const [index, patient] of patients.entries()) {
    assert.is((await book(app, patient, doctor.user.id, daysAhead(5, `1${index}:00`))).statusCode, 201);
  }
  const first = await app.inject({ url: '/api/appointments?limit=2', headers: doctor.headers });
  const firstPage = first.json<{ items: Json[]; next: string }>();
  assert.equal(
    firstPage.items.map((item) => item.start),
    [daysAhead(5, '10:00'), daysAhead(5, '11:00')],
  );
  const second = await app.inject({
    url: `/api/appointments?limit=2&cursor=${firstPage.next}`,
    headers: doctor.headers,
  });
  assert.equal(
    second.json<{ items: Json[]; next?: string }>().items.map((item) => item.patientId),
    [patients[2]!.user.id],
  );
  assert.is(second.json<Json>().next, undefined);
  const window = `from=${encodeURIComponent(daysAhead(5, '10:30'))}&to=${encodeURIComponent(daysAhead(5, '11:30'))}`;
  const windowed = await app.inject({ url: `/api/appointments?${window}`, headers: doctor.headers });
  assert.is(windowed.json<{ items: Json[] }>().items.length, 1);
  const cancelled = await app.inject({ url: '/api/appointments?status=cancelled', headers: doctor.headers });
  assert.equal(cancelled.json<{ items: Json[] }>().items, []);
});

test('past, beyond the horizon, off the slot grid and during leave: refused with a specific 422, nothing written', async () => {
  const doctor = await bookableDoctor(app, {
    ...everyDay,
    exceptions: [{ kind: 'leave', start: daysAhead(6, '12:00'), end: daysAhead(6, '14:00') }],
  });
  const patient = await signedInPatient(app);
  const at = (start: string) => book(app, patient, doctor.user.id, start);
  assertProblem(await at(daysAhead(-1, '10:00')), 422, 'slot-in-past');
  assertProblem(await at(daysAhead(horizonDays + 2, '10:00')), 422, 'slot-beyond-horizon');
  const offGrid = assertProblem(await at(daysAhead(6, '10:10')), 422, 'not-a-slot');
  assert.equal(offGrid.errors, [{ path: '/start', message: "must be the start of one of the practitioner's slots" }]);
  assertProblem(await at(daysAhead(6, '07:30')), 422, 'not-a-slot');
  assertProblem(await at(daysAhead(6, '12:30')), 422, 'not-a-slot');
  const written = await db.selectFrom('appointment').select('id').where('patient_id', '=', patient.user.id).execute();
  assert.equal(written, []);
});

test('bad input is a 4xx naming the field; unknown ids are 404', async () => {
  const doctor = await bookableDoctor(app);
  const patient = await signedInPatient(app);
  const start = daysAhead(7, '10:00');
  const unknownField = assertProblem(
    await post(patient, '/api/appointments', { practitionerId: doctor.user.id, start, when: 'now' }),
    422,
    'validation-failed',
  );
  assert.equal(
    unknownField.errors?.map((error) => error.path),
    ['/when'],
  );
  const badTypes = assertProblem(
    await post(patient, '/api/appointments', { practitionerId: 'nobody', start: 'tomorrow' }),
    422,
    'validation-failed',
  );
  assert.equal(badTypes.errors?.map((error) => error.path).sort(), ['/practitionerId', '/start']);
  const noPractitioner = assertProblem(await post(patient, '/api/appointments', { start }), 422, 'validation-failed');
  assert.equal(
    noPractitioner.errors?.map((error) => error.path),
    ['/practitionerId'],
  );
  assertProblem(await book(app, patient, randomUUID(), start), 404, 'not-found');
  const nurse = await signedIn(app, 'nurse');
  assertProblem(await book(app, patient, (await signedIn(app, 'modeller')).user.id, start), 404);
  assertProblem(await post(patient, `/api/appointments/${randomUUID()}/cancel`, { reason: 'x' }), 404, 'not-found');
  assertProblem(await post(patient, '/api/appointments/not-a-uuid/cancel', { reason: 'x' }), 400, 'invalid-request');
  assertProblem(await post(nurse, '/api/appointments', { start, patientId: patient.user.id }), 403, 'forbidden');
});

test('cancel frees the slot and ends care: the doctor is refused the record again', async () => {
  const doctor = await bookableDoctor(app);
  const patient = await signedInPatient(app);
  const start = daysAhead(8, '15:00');
  assertProblem(await openRecord(doctor, patient.ehrId), 403);
  const booked = (await book(app, patient, doctor.user.id, start)).json<Json>();
  assert.is((await openRecord(doctor, patient.ehrId)).statusCode, 200, 'the booking puts the patient in care');
  const window = [daysAhead(8, '15:00'), daysAhead(8, '15:30')] as const;
  assert.equal(await freeStarts(app, patient, doctor.user.id, ...window), []);

  const stranger = await signedInPatient(app);
  assertProblem(await post(stranger, `/api/appointments/${booked.id}/cancel`, { reason: 'Not mine' }), 404);
  assertProblem(await post(patient, `/api/appointments/${booked.id}/cancel`, {}), 422, 'validation-failed');

  const cancelled = await post(patient, `/api/appointments/${booked.id}/cancel`, { reason: 'Feeling better' });
  assert.is(cancelled.statusCode, 200, cancelled.body);
  assert.equal([cancelled.json<Json>().status, cancelled.json<Json>().cancelReason], ['cancelled', 'Feeling better']);
  assert.equal(await freeStarts(app, patient, doctor.user.id, ...window), [start]);
  assertProblem(await openRecord(doctor, patient.ehrId), 403);
  assertProblem(
    await post(doctor, `/api/appointments/${booked.id}/cancel`, { reason: 'Again' }),
    409,
    'appointment-closed',
  );
  assert.is((await book(app, await signedInPatient(app), doctor.user.id, start)).statusCode, 201, 'bookable again');
});

test('cancelling leaves another care relationship in place', async () => {
  const doctor = await bookableDoctor(app);
  const patient = await signedInPatient(app);
  await careFor(doctor, patient);
  const booked = (await book(app, patient, doctor.user.id, daysAhead(8, '16:00'))).json<Json>();
  assert.is((await post(doctor, `/api/appointments/${booked.id}/cancel`, { reason: 'Clinic closed' })).statusCode, 200);
  assert.is((await openRecord(doctor, patient.ehrId)).statusCode, 200);
});

test('reschedule moves the appointment atomically: new slot taken, old one free; a taken slot is 409', async () => {
  const doctor = await bookableDoctor(app);
  const [patient, other] = [await signedInPatient(app), await signedInPatient(app)];
  const booked = (await book(app, patient, doctor.user.id, daysAhead(9, '09:00'))).json<Json>();
  assert.is((await book(app, other, doctor.user.id, daysAhead(9, '10:00'))).statusCode, 201);
  const url = `/api/appointments/${booked.id}/reschedule`;
  assertProblem(await post(patient, url, { start: daysAhead(9, '10:00'), reason: 'Later' }), 409, 'slot-taken');
  assertProblem(await post(patient, url, { start: daysAhead(9, '10:05'), reason: 'Later' }), 422, 'not-a-slot');
  assertProblem(await post(other, url, { start: daysAhead(9, '11:00'), reason: 'Not mine' }), 404);

  const moved = await post(doctor, url, { start: daysAhead(9, '11:00'), reason: 'Clinic runs late' });
  assert.is(moved.statusCode, 200, moved.body);
  assert.equal(
    [moved.json<Json>().id, moved.json<Json>().start, moved.json<Json>().rescheduleReason],
    [booked.id, daysAhead(9, '11:00'), 'Clinic runs late'],
  );
  const starts = await freeStarts(app, patient, doctor.user.id, daysAhead(9, '09:00'), daysAhead(9, '11:30'));
  assert.equal(starts, [daysAhead(9, '09:00'), daysAhead(9, '09:30'), daysAhead(9, '10:30')]);
  assert.is((await openRecord(doctor, patient.ehrId)).statusCode, 200, 'care follows the appointment');
  const events = await db
    .selectFrom('audit_event')
    .select('action')
    .where('chain_key', '=', patient.ehrId)
    .where('action', 'like', 'appointment.%')
    .orderBy('seq')
    .execute();
  assert.equal(
    events.map((event) => event.action),
    ['appointment.book', 'appointment.reschedule'],
  );
});

test('a practitioner books a patient in their care into their own calendar; not a stranger', async () => {
  const doctor = await bookableDoctor(app);
  const [inCare, stranger] = [await signedInPatient(app), await signedInPatient(app)];
  await careFor(doctor, inCare);
  const start = daysAhead(10, '13:00');
  const followUp = await post(doctor, '/api/appointments', { patientId: inCare.user.id, start, reason: 'Follow-up' });
  assert.is(followUp.statusCode, 201, followUp.body);
  assert.is(followUp.json<Json>().patientId, inCare.user.id);
  const refused = await post(doctor, '/api/appointments', {
    patientId: stranger.user.id,
    start: daysAhead(10, '14:00'),
  });
  assertProblem(refused, 403, 'forbidden');
  const denial = await db
    .selectFrom('audit_event')
    .select(['actor_id', 'details'])
    .where('chain_key', '=', stranger.ehrId)
    .where('action', '=', 'access.denied')
    .executeTakeFirstOrThrow();
  assert.equal(denial, {
    actor_id: doctor.user.id,
    details: { action: 'appointment.book', reason: 'no-care-relationship' },
  });
  const elsewhere = await bookableDoctor(app);
  const other = { patientId: inCare.user.id, practitionerId: elsewhere.user.id, start: daysAhead(10, '15:00') };
  assertProblem(await post(doctor, '/api/appointments', other), 403, 'forbidden');
  assertProblem(await post(inCare, '/api/appointments', { ...other, patientId: stranger.user.id }), 403);
});

test.run();
