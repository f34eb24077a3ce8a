import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { test } from 'uvu';
import { signedIn, signedInPatient, signIn, testAccount } from '../support/accounts.js';
import { careFor } from '../support/care.js';
import { commit, committedIds, exampleOf, openChart } from '../support/compositions.js';
import { badBytes, jsonDocuments, nearValidBodies, refusedByAll, type WriteRoute } from '../support/bad-input.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const runs = Number(process.env.DOCSY_FUZZ_RUNS ?? 40);
// Its own address: failed logins here must not count against other tests' sign-ins.
const remoteAddress = `203.0.113.${randomBytes(1)[0]}-fuzz-${randomBytes(3).toString('hex')}`;

const chart = await openChart(app);
const patient = await signedInPatient(app);
await careFor(chart.clinician, patient);
const composition = committedIds(
  await commit(app, chart, await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1')),
);
const chartOwner = await db
  .selectFrom('account')
  .select('email')
  .where('ehr_id', '=', chart.ehrId)
  .executeTakeFirstOrThrow();
const chartPatient = await signIn(app, chartOwner.email);
const admin = await signedIn(app, 'admin');
const target = await testAccount('nurse', { status: 'pending' });

/** The tables whose rows are the state these routes change (audit events and login counters aside). */
const stateTables = [
  'account',
  'auth_session',
  'refresh_token',
  'care_relationship',
  'clinical_order',
  'break_glass',
  'composition_allowance',
  'permission_rule',
] as const;

async function state(): Promise<string> {
  const counts = await Promise.all(
    stateTables.map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  const flags = await db
    .selectFrom('account')
    .select(['status', 'roles'])
    .where('id', '=', target.user.id)
    .executeTakeFirstOrThrow();
  const restricted = await db
    .selectFrom('composition')
    .select('restricted')
    .where('uid', '=', composition.uid)
    .executeTakeFirstOrThrow();
  return JSON.stringify([counts.map((c) => Number(c.n)), flags, restricted]);
}

/** Every write route of the access capability that takes a body, with a caller who may use it. */
function writes(payload: string | Buffer): WriteRoute[] {
  const send = (method: 'POST' | 'PUT', url: string, headers: Record<string, string> = {}) =>
    [
      `${method} ${url}`,
      () =>
        app.inject({
          method,
          url,
          payload,
          remoteAddress,
          headers: { 'content-type': 'application/json', ...headers },
        }),
    ] as WriteRoute;
  return [
    send('POST', '/api/auth/register'),
    send('POST', '/api/auth/login'),
    send('POST', '/api/auth/refresh'),
    send('PUT', `/api/ehr/${chart.ehrId}/grants/${chart.clinician.user.id}`, chartPatient.headers),
    send('PUT', `/api/ehr/${chart.ehrId}/compositions/${composition.uid}/restriction`, chartPatient.headers),
    send('POST', `/api/ehr/${patient.ehrId}/break-glass`, chart.clinician.headers),
    send('POST', `/api/ehr/${patient.ehrId}/orders`, chart.clinician.headers),
    send('PUT', `/api/admin/accounts/${target.user.id}/status`, admin.headers),
    send('PUT', `/api/admin/accounts/${target.user.id}/roles`, admin.headers),
  ];
}

/**
 * Each route answers a 4xx problem that changed no state, or a success when the body happened
 * to be valid (`{}` grants open-ended access, for one).
 */
const refused = (payload: string | Buffer) => refusedByAll(writes(payload), state);

test('arbitrary bytes (malformed JSON, invalid UTF-8) get a 4xx problem and change nothing', async () => {
  await fc.assert(fc.asyncProperty(badBytes, refused), { numRuns: runs });
});

test('arbitrary JSON documents get a 4xx problem and change nothing', async () => {
  await fc.assert(fc.asyncProperty(jsonDocuments, refused), { numRuns: runs });
});

test('near-valid bodies (one field wrong, missing or extra) get a 4xx problem and change nothing', async () => {
  const valid: Json = {
    email: 'someone@example.org',
    password: 'a long and unusual passphrase',
    name: 'Some One',
    role: 'patient',
    birthDate: '1990-01-01',
    refreshToken: 'rt_x',
    reason: 'Emergency',
    kind: 'lab',
    description: 'Full blood count',
    restricted: true,
    status: 'active',
    roles: ['nurse'],
  };
  await fc.assert(fc.asyncProperty(nearValidBodies(valid), refused), { numRuns: runs });
});

test.run();
