import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AvailabilityInput } from '../../server/scheduling/availability.js';
import { signedIn, signedInPatient, type SignedIn } from '../support/accounts.js';
import { assertProblem } from '../support/problem-assertions.js';
import { book, bookableDoctor, daysAhead, everyDay, freeStarts } from '../support/scheduling.js';
import { buildTestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
test.after(() => app.close());

const url = '/api/practitioners/me/availability';
const put = (who: SignedIn, payload: unknown) =>
  app.inject({ method: 'PUT', url, headers: who.headers, payload: payload as Json });
const get = (who: SignedIn) => app.inject({ url, headers: who.headers });
/** Midnight UTC `days` from today, ready for a query string. */
const midnight = (days: number) => encodeURIComponent(daysAhead(days, '00:00'));

const london: AvailabilityInput = {
  rules: [
    {
      weekday: 'monday',
      start: '09:00',
      end: '12:30',
      slotMinutes: 15,
      location: 'Riverside clinic',
      timeZone: 'Europe/London',
    },
    {
      weekday: 'monday',
      start: '14:00',
      end: '17:00',
      slotMinutes: 30,
      location: 'Riverside clinic',
      timeZone: 'Europe/London',
    },
  ],
  exceptions: [
    { kind: 'leave', start: '2027-12-24T00:00:00Z', end: '2027-12-28T00:00:00Z', reason: 'Holiday' },
    {
      kind: 'extra',
      start: '2027-01-09T09:00:00+00:00',
      end: '2027-01-09T11:00:00+00:00',
      slotMinutes: 20,
      location: 'Hill clinic',
      timeZone: 'Europe/London',
    },
  ],
};

test('a practitioner replaces their availability and reads it back', async () => {
  const nurse = await signedIn(app, 'nurse');
  assert.equal((await get(nurse)).json(), { rules: [], exceptions: [] });
  const replaced = await put(nurse, london);
  assert.is(replaced.statusCode, 200, replaced.body);
  const expected = {
    rules: london.rules,
    exceptions: [
      london.exceptions[1], // extra hours at their zone's offset, leave in UTC
      { ...london.exceptions[0], start: '2027-12-24T00:00:00+00:00', end: '2027-12-28T00:00:00+00:00' },
    ],
  };
  assert.equal((await get(nurse)).json(), expected);
  assert.equal((await put(nurse, { rules: [], exceptions: [] })).json(), { rules: [], exceptions: [] });
  assert.equal((await get(nurse)).json(), { rules: [], exceptions: [] });
});

test('an invalid availability is 422 naming every failing field, and changes nothing', async () => {
  const doctor = await bookableDoctor(app);
  const before = (await get(doctor)).json();
  const invalid = {
    rules: [
      { ...london.rules[0], end: '08:00' },
      { ...london.rules[1], slotMinutes: 35 },
      { ...london.rules[1], weekday: 'tuesday', timeZone: 'Europe/Atlantis' },
      { ...london.rules[1], start: '15:00', end: '16:00' },
    ],
    exceptions: [{ kind: 'extra', start: '2027-01-09T09:00:00Z', end: '2027-01-09T10:00:00Z' }],
  };
  const problem = assertProblem(await put(doctor, invalid), 422, 'validation-failed');
  assert.equal(
    problem.errors?.map((error) => error.path),
    [
      '/rules/0/end',
      '/rules/1/slotMinutes',
      '/rules/2/timeZone',
      '/rules/3',
      '/exceptions/0/timeZone',
      '/exceptions/0/location',
      '/exceptions/0/slotMinutes',
    ],
  );
  const schema = assertProblem(
    await put(doctor, { rules: [{ ...london.rules[0], weekday: 'someday', start: '9am', extra: 1 }], exceptions: [] }),
    422,
  );
  assert.equal(schema.errors?.map((error) => error.path).sort(), [
    '/rules/0/extra',
    '/rules/0/start',
    '/rules/0/weekday',
  ]);
  assert.equal((await get(doctor)).json(), before);
});

test('slots: by the rules, minus leave, minus booked ones, minus past ones, with the zone offset', async () => {
  const doctor = await bookableDoctor(app, {
    ...everyDay,
    exceptions: [{ kind: 'leave', start: daysAhead(2, '09:00'), end: daysAhead(2, '10:00') }],
  });
  const patient = await signedInPatient(app);
  assert.is((await book(app, patient, doctor.user.id, daysAhead(2, '10:30'))).statusCode, 201);
  const starts = await freeStarts(app, patient, doctor.user.id, daysAhead(2, '08:00'), daysAhead(2, '11:30'));
  assert.equal(starts, [daysAhead(2, '08:00'), daysAhead(2, '08:30'), daysAhead(2, '10:00'), daysAhead(2, '11:00')]);
  const today = await freeStarts(app, patient, doctor.user.id, daysAhead(-1, '00:00'), daysAhead(1, '00:00'));
  assert.ok(
    today.every((start) => new Date(start) > new Date()),
    'no slot that has begun',
  );

  const london = await bookableDoctor(app, {
    rules: [
      { weekday: 'monday', start: '09:00', end: '10:00', slotMinutes: 30, location: 'A', timeZone: 'Europe/London' },
    ],
    exceptions: [],
  });
  const summer = await app.inject({
    url: `/api/practitioners/${london.user.id}/slots?from=${midnight(0)}&to=${midnight(60)}`,
    headers: patient.headers,
  });
  const items = summer.json<{ items: { start: string; end: string; location: string }[] }>().items;
  assert.ok(items.length >= 16, `${items.length} Monday slots in 60 days`);
  for (const slot of items) {
    assert.match(slot.start, /T(09|10):(00|30):00(\+01:00|\+00:00)$/);
    assert.is(new Date(slot.end).getTime() - new Date(slot.start).getTime(), 30 * 60 * 1000);
  }
});

test('a slots window is bounded (at most 62 days, end after start); unknown practitioners are 404', async () => {
  const doctor = await bookableDoctor(app);
  const patient = await signedInPatient(app);
  const slots = (query: string, id = doctor.user.id) =>
    app.inject({ url: `/api/practitioners/${id}/slots?${query}`, headers: patient.headers });
  const long = assertProblem(await slots(`from=${midnight(1)}&to=${midnight(64)}`), 422);
  assert.equal(
    long.errors?.map((error) => error.path),
    ['/to'],
  );
  assertProblem(await slots(`from=${midnight(2)}&to=${midnight(1)}`), 422, 'validation-failed');
  assertProblem(await slots('from=yesterday'), 400, 'invalid-request');
  assertProblem(await slots('', randomUUID()), 404, 'not-found');
  const week = (await slots('')).json<{ items: unknown[] }>().items.length;
  assert.ok(week >= 6 * 20 && week <= 7 * 20, `the default window is a week (${week} slots)`);
});

test('GET /api/practitioners lists active practitioners with availability, for anyone signed in', async () => {
  const bookable = await bookableDoctor(app, everyDay, { name: 'Aardvark Bookable' });
  const without = await signedIn(app, 'doctor', { name: 'Aardvark Without' });
  const patient = await signedInPatient(app);
  const items: Json[] = [];
  let cursor = '';
  do {
    const response = await app.inject({ url: `/api/practitioners?limit=500${cursor}`, headers: patient.headers });
    assert.is(response.statusCode, 200, response.body);
    const body = response.json<{ items: Json[]; next?: string }>();
    items.push(...body.items);
    cursor = body.next ? `&cursor=${body.next}` : '';
  } while (cursor);
  assert.ok(items.some((item) => item.id === bookable.user.id));
  assert.equal(
    items.find((item) => item.id === bookable.user.id),
    {
      id: bookable.user.id,
      name: 'Aardvark Bookable',
      roles: ['doctor'],
    },
  );
  assert.not.ok(items.some((item) => item.id === without.user.id));
});

test.run();
