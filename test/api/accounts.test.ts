import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findEhr } from '../../server/ehr/ehr-repository.js';
import { signedIn, testAccount, testPassword } from '../support/accounts.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const freshEmail = (who = 'person') => `${who}-${randomBytes(6).toString('hex')}@example.org`;
const password = 'a quiet harbour at dawn';
const post = (url: string, payload: unknown, headers: Json = {}) =>
  app.inject({ method: 'POST', url, payload: payload as Json, headers: headers as Record<string, string> });
const register = (body: Json) => post('/api/auth/register', body);
const login = (email: string, pass: string) => post('/api/auth/login', { email, password: pass });

test('a patient registers, is active at once with an EHR of their own, and signs in', async () => {
  const email = freshEmail('ann');
  const response = await register({ email, password, name: 'Ann Patient', role: 'patient', birthDate: '1984-02-29' });
  assert.is(response.statusCode, 201, response.body);
  const { user } = response.json<{ user: Json }>();
  assert.equal(Object.keys(user).sort(), ['calendarUrl', 'ehrId', 'email', 'id', 'name', 'roles', 'status']);
  assert.equal([user.email, user.name, user.roles, user.status], [email, 'Ann Patient', ['patient'], 'active']);
  assert.match(String(user.calendarUrl), /^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const ehr = await findEhr(db, String(user.ehrId));
  assert.is(ehr?.subjectId, user.id, 'the EHR is about the new account');

  const signIn = await login(email.toUpperCase(), password);
  assert.is(signIn.statusCode, 200, 'the email is matched without case');
  const tokens = signIn.json<{ accessToken: string; refreshToken: string; expiresIn: number; user: Json }>();
  assert.is(tokens.expiresIn, 900);
  assert.equal(tokens.user, user);
  const me = await app.inject({
    method: 'GET',
    url: '/api/me',
    headers: { authorization: `Bearer ${tokens.accessToken}` },
  });
  assert.equal(me.json(), user);
});

test('a practitioner registers as pending and cannot sign in until approved; nobody registers as admin', async () => {
  for (const role of ['doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller']) {
    const email = freshEmail(role);
    const response = await register({ email, password, name: `A ${role}`, role });
    assert.is(response.statusCode, 201, response.body);
    const { user } = response.json<{ user: Json }>();
    assert.equal([user.status, user.roles, user.ehrId], ['pending', [role], undefined]);
    const problem = assertProblem(await login(email, password), 403, 'forbidden');
    assert.match(problem.detail, /waiting for an administrator/);
  }
  const admin = assertProblem(
    await register({ email: freshEmail('admin'), password, name: 'Root', role: 'admin' }),
    422,
    'validation-failed',
  );
  assert.equal(admin.errors?.[0]?.path, '/role');
});

test('weak passwords are refused, naming the field', async () => {
  const email = freshEmail();
  const base = { email, name: 'Ben', role: 'patient', birthDate: '1990-01-01' };
  const short = assertProblem(await register({ ...base, password: 'abc123' }), 422, 'validation-failed');
  assert.equal(
    short.errors?.map((e) => e.path),
    ['/password'],
  );
  const common = assertProblem(await register({ ...base, password: 'Password123' }), 422);
  assert.equal(common.errors, [{ path: '/password', message: 'is one of the most common passwords; choose another' }]);
  const own = assertProblem(await register({ ...base, password: email }), 422);
  assert.equal(own.errors, [{ path: '/password', message: 'must not be your email address' }]);
  assertProblem(await login(email, 'Password123'), 401, 'unauthorized');
});

test('birth dates: required for a patient, real, not in the future, and only for patients', async () => {
  const base = { password, name: 'Cleo', role: 'patient' };
  const missing = assertProblem(await register({ ...base, email: freshEmail() }), 422);
  assert.equal(missing.errors, [{ path: '/birthDate', message: 'is required for a patient' }]);
  const future = assertProblem(await register({ ...base, email: freshEmail(), birthDate: '2999-01-01' }), 422);
  assert.equal(future.errors, [{ path: '/birthDate', message: 'must not be in the future' }]);
  assertProblem(await register({ ...base, email: freshEmail(), birthDate: '2023-02-30' }), 422);
  const doctor = { ...base, role: 'doctor', email: freshEmail(), birthDate: '1970-01-01' };
  assert.equal(assertProblem(await register(doctor), 422).errors?.[0]?.path, '/birthDate');
});

test('an email that has an account (in any case) is a conflict and creates nothing', async () => {
  const { email } = await testAccount('nurse');
  const problem = assertProblem(
    await register({ email: email.toUpperCase(), password, name: 'Twin', role: 'patient', birthDate: '1990-01-01' }),
    409,
    'conflict',
  );
  assert.match(problem.detail, /has an account|exists/);
  const rows = await db
    .selectFrom('account')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .execute();
  assert.is(rows.length, 1);
});

test('unknown fields and wrong types are refused, never dropped', async () => {
  const problem = assertProblem(
    await register({
      email: freshEmail(),
      password,
      name: 'D',
      role: 'patient',
      birthDate: '1990-01-01',
      isAdmin: true,
    }),
    422,
  );
  assert.equal(problem.errors, [{ path: '/isAdmin', message: 'is not an allowed field' }]);
  assertProblem(await post('/api/auth/login', { email: 'x@example.org', password: 12345678 }), 422);
  assertProblem(await post('/api/auth/refresh', {}), 422);
});

test('a wrong password and an unknown email get the same 401; every attempt is audited without the password', async () => {
  const { user, email } = await testAccount('doctor');
  const wrong = assertProblem(await login(email, 'not the password at all'), 401, 'unauthorized');
  const unknown = assertProblem(await login(freshEmail(), 'not the password at all'), 401, 'unauthorized');
  assert.is(wrong.detail, unknown.detail);
  assert.is((await login(email, testPassword)).statusCode, 200);
  const events = await db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'details', 'address'])
    .where('actor_id', '=', user.id)
    .where('action', '=', 'login')
    .orderBy('seq')
    .execute();
  assert.equal(
    events.map((e) => [e.action, e.outcome]),
    [
      ['login', 'failure'],
      ['login', 'success'],
    ],
  );
  assert.ok(events[0]!.address, 'the address is kept');
  assert.not.match(JSON.stringify(events), /not the password|test-password/);
});

test('refresh tokens rotate and work once; reusing an old one ends the whole session', async () => {
  const doctor = await signedIn(app, 'doctor');
  const refresh = (refreshToken: string) => post('/api/auth/refresh', { refreshToken });
  const first = await refresh(doctor.refreshToken);
  assert.is(first.statusCode, 200, first.body);
  const next = first.json<{ accessToken: string; refreshToken: string; user: Json }>();
  assert.is.not(next.refreshToken, doctor.refreshToken);
  assert.is(next.user.id, doctor.user.id);
  const nextHeaders = { authorization: `Bearer ${next.accessToken}` };
  assert.is((await app.inject({ method: 'GET', url: '/api/me', headers: nextHeaders })).statusCode, 200);

  const reused = assertProblem(await refresh(doctor.refreshToken), 401, 'unauthorized');
  assert.match(reused.detail, /already used/);
  assertProblem(await refresh(next.refreshToken), 401);
  assertProblem(await app.inject({ method: 'GET', url: '/api/me', headers: nextHeaders }), 401);
  assertProblem(await app.inject({ method: 'GET', url: '/api/me', headers: doctor.headers }), 401);
  assertProblem(await refresh('rt_not-a-token'), 401);
});

test('two concurrent refreshes with one token: at most one succeeds', async () => {
  const nurse = await signedIn(app, 'nurse');
  const answers = await Promise.all(
    [1, 2, 3].map(() => post('/api/auth/refresh', { refreshToken: nurse.refreshToken })),
  );
  const statuses = answers.map((a) => a.statusCode).sort();
  assert.ok(statuses.filter((s) => s === 200).length <= 1, `statuses ${statuses.join(',')}`);
  assert.ok(statuses.every((s) => s === 200 || s === 401));
});

test('a session lives in the database: logging out one session leaves the others', async () => {
  const patient = await signedIn(app, 'patient');
  const other = await login(patient.email, testPassword);
  const otherHeaders = { authorization: `Bearer ${other.json<{ accessToken: string }>().accessToken}` };
  assert.is((await post('/api/auth/logout', undefined, patient.headers)).statusCode, 204);
  assert.is((await app.inject({ method: 'GET', url: '/api/me', headers: otherHeaders })).statusCode, 200);
  assertProblem(await post('/api/auth/logout', undefined, patient.headers), 401);
});

test.run();
