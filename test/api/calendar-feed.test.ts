import ICAL from 'ical.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedInPatient, type SignedIn } from '../support/accounts.js';
import { commit, exampleOf, type Chart } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { book, bookableDoctor, daysAhead, everyDay } from '../support/scheduling.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const calendarUrl = async (who: SignedIn) =>
  (await app.inject({ url: '/api/me', headers: who.headers })).json<{ calendarUrl: string }>().calendarUrl;

interface FeedEvent {
  uid: string;
  summary: string;
  location: string | null;
  start: string;
  rrule: string | null;
}

/** The events of a feed, parsed with ical.js. */
async function feedEvents(url: string): Promise<FeedEvent[]> {
  const response = await app.inject({ url });
  assert.is(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-type']), /^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(response.body) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: String(event.getFirstPropertyValue('uid')),
    summary: String(event.getFirstPropertyValue('summary')),
    location: (event.getFirstPropertyValue('location') as string | null) ?? null,
    start: String(event.getFirstPropertyValue('dtstart')),
    rrule: event.getFirstPropertyValue('rrule') ? String(event.getFirstPropertyValue('rrule')) : null,
  }));
}

async function prescribe(chart: Chart, orders: Json[]): Promise<void> {
  const body = await exampleOf(app, chart.clinician, 'docsy.prescription.v1');
  const [entry] = body.content as Json[];
  body.content = orders.map((order) => ({ ...entry, data: { ...(entry!.data as Json), ...order } }));
  await commit(app, chart, body);
}

const today = new Date().toISOString().slice(0, 10);

test('a patient feed holds their appointment and reminders of their active prescriptions; a doctor feed theirs', async () => {
  const doctor = await bookableDoctor(app, everyDay, { name: 'Dr Feed' });
  const patient = await signedInPatient(app, { name: 'Fay Feed' });
  const start = daysAhead(3, '09:00');
  const booked = await book(app, patient, doctor.user.id, start);
  assert.is(booked.statusCode, 201, booked.body);
  const chart = { ehrId: patient.ehrId, clinician: doctor, base: `/api/ehr/${patient.ehrId}` };
  const amoxicillin = {
    medication_item: 'Amoxicillin 500 mg capsules',
    dose_and_timing: [
      { dose: { magnitude: 1, unit: '{capsule}' }, frequency: { magnitude: 3, unit: '/d' }, direction_duration: 'P7D' },
    ],
    order_start: today,
    order_stop: undefined,
  };
  const metformin = {
    medication_item: 'Metformin',
    dose_and_timing: [{ dose: { magnitude: 500, unit: 'mg' }, interval: 'PT12H' }],
    order_start: today,
    order_stop: undefined,
  };
  const salbutamol = {
    medication_item: 'Salbutamol',
    dose_and_timing: [{ frequency: { magnitude: 4, unit: '/d' }, as_needed: true }],
    order_stop: undefined,
  };
  await prescribe(chart, [amoxicillin, metformin, salbutamol]);
  await prescribe(chart, [{ medication_item: 'Old course', order_start: '2025-01-01', order_stop: '2025-01-10' }]);

  const events = await feedEvents(await calendarUrl(patient));
  const appointment = events.find((event) => event.uid.startsWith('appointment-'));
  assert.equal(
    { summary: appointment?.summary, location: appointment?.location },
    { summary: 'Appointment with Dr Feed', location: 'Room 1' },
  );
  assert.is(new Date(appointment!.start).toISOString(), new Date(start).toISOString());

  const reminders = events.filter((event) => event.uid.startsWith('medication-'));
  const until = new Date(Date.parse(today) + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
  assert.equal(
    reminders.map((event) => [event.summary, event.start.slice(11, 16), event.rrule]),
    [
      ['Take Amoxicillin 500 mg capsules: 1 capsule', '08:00', `FREQ=DAILY;UNTIL=${until}T000000`],
      ['Take Amoxicillin 500 mg capsules: 1 capsule', '14:00', `FREQ=DAILY;UNTIL=${until}T000000`],
      ['Take Amoxicillin 500 mg capsules: 1 capsule', '20:00', `FREQ=DAILY;UNTIL=${until}T000000`],
      ['Take Metformin: 500 mg', '08:00', 'FREQ=HOURLY;INTERVAL=12'],
    ],
  );
  assert.ok(
    reminders.every((event) => event.start.startsWith(today) && !event.start.endsWith('Z')),
    'floating times',
  );

  const doctorEvents = await feedEvents(await calendarUrl(doctor));
  assert.equal(
    doctorEvents.map((event) => event.summary),
    ['Appointment: Fay Feed'],
  );
  const read = await db
    .selectFrom('audit_event')
    .select('details')
    .where('chain_key', '=', patient.ehrId)
    .where('action', '=', 'calendar.read')
    .executeTakeFirstOrThrow();
  assert.equal(read.details, { appointments: 1, medications: 2 });
});

test('a cancelled appointment leaves the feed', async () => {
  const doctor = await bookableDoctor(app);
  const patient = await signedInPatient(app);
  const booked = (await book(app, patient, doctor.user.id, daysAhead(4, '10:00'))).json<Json>();
  const url = await calendarUrl(patient);
  assert.is((await feedEvents(url)).length, 1);
  await app.inject({
    method: 'POST',
    url: `/api/appointments/${booked.id}/cancel`,
    headers: patient.headers,
    payload: { reason: 'Better' },
  });
  assert.equal(await feedEvents(url), []);
});

test('rotating the feed revokes the old URL (404) and /api/me shows the new one', async () => {
  const patient = await signedInPatient(app);
  const old = await calendarUrl(patient);
  assert.is((await app.inject({ url: old })).statusCode, 200);
  const rotated = await app.inject({ method: 'POST', url: '/api/me/calendar/rotate', headers: patient.headers });
  assert.is(rotated.statusCode, 200, rotated.body);
  const fresh = rotated.json<{ calendarUrl: string }>().calendarUrl;
  assert.is.not(fresh, old);
  assert.match(fresh, /^\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  assertProblem(await app.inject({ url: old }), 404, 'not-found');
  assert.is((await app.inject({ url: fresh })).statusCode, 200);
  assert.is(await calendarUrl(patient), fresh);
  assertProblem(await app.inject({ url: '/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics' }), 404);
  assertProblem(await app.inject({ url: '/api/calendar/not*a*token.ics' }), 400, 'invalid-request');
  assertProblem(await app.inject({ method: 'POST', url: '/api/me/calendar/rotate' }), 401);
});

test.run();
