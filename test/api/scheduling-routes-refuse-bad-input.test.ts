import fc from 'fast-check';
import { test } from 'uvu';
import { signedInPatient } from '../support/accounts.js';
import { book, bookableDoctor, daysAhead, everyDay } from '../support/scheduling.js';
import { badBytes, jsonDocuments, nearValidBodies, refusedByAll, type WriteRoute } from '../support/bad-input.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const runs = Number(process.env.DOCSY_FUZZ_RUNS ?? 40);
const doctor = await bookableDoctor(app);
const patient = await signedInPatient(app);
const appointment = (await book(app, patient, doctor.user.id, daysAhead(2, '10:00'))).json<{ id: string }>();

/** The rows these routes change. */
async function state(): Promise<string> {
  const count = (table: 'availability_rule' | 'availability_exception' | 'appointment' | 'care_relationship') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  const mine = await db
    .selectFrom('appointment')
    .select(['status', 'starts_at'])
    .where('id', '=', appointment.id)
    .executeTakeFirstOrThrow();
  const counts = await Promise.all(
    (['availability_rule', 'availability_exception', 'appointment', 'care_relationship'] as const).map(count),
  );
  return JSON.stringify([counts, mine]);
}

/** Every scheduling route that takes a body, with a caller who may use it. */
function writes(payload: string | Buffer): WriteRoute[] {
  const send = (method: 'POST' | 'PUT', url: string, headers: Record<string, string>) =>
    [
      `${method} ${url}`,
      () => app.inject({ method, url, payload, headers: { 'content-type': 'application/json', ...headers } }),
    ] as WriteRoute;
  return [
    send('PUT', '/api/practitioners/me/availability', doctor.headers),
    send('POST', '/api/appointments', patient.headers),
    send('POST', `/api/appointments/${appointment.id}/cancel`, patient.headers),
    send('POST', `/api/appointments/${appointment.id}/reschedule`, patient.headers),
  ];
}

const refused = (payload: string | Buffer) => refusedByAll(writes(payload), state);

test('arbitrary bytes (malformed JSON, invalid UTF-8) get a 4xx problem and change nothing', async () => {
  await fc.assert(fc.asyncProperty(badBytes, refused), { numRuns: runs });
});

test('arbitrary JSON documents get a 4xx problem and change nothing', async () => {
  await fc.assert(fc.asyncProperty(jsonDocuments, refused), { numRuns: runs });
});

test('near-valid bodies (one field wrong, missing or extra) get a 4xx problem and change nothing', async () => {
  const valid: Json = {
    rules: everyDay.rules,
    exceptions: [{ kind: 'leave', start: daysAhead(20, '00:00'), end: daysAhead(21, '00:00') }],
    practitionerId: doctor.user.id,
    start: daysAhead(3, '11:00'),
    reason: 'Check-up',
  };
  const wrongValues = [
    fc.constant([{ weekday: 'monday', start: '25:00', end: '10:00', slotMinutes: 7, location: '', timeZone: 'X' }]),
    fc.constant('2026-02-30T10:00:00Z'),
  ];
  await fc.assert(fc.asyncProperty(nearValidBodies(valid, wrongValues), refused), { numRuns: runs });
});

test.run();
