import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signIn, testAccount, type SignedIn } from '../support/accounts.js';
import { assertProblem } from '../support/problem-assertions.js';
import { tamper } from '../support/audit-tampering.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());
const admin = await signedIn(app, 'admin');

const as = (who: SignedIn, method: 'GET' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Json }) });

test('an admin lists pending accounts and approves one, who can then sign in', async () => {
  const { user, email } = await testAccount('doctor', { status: 'pending' });
  const pending = (await as(admin, 'GET', '/api/admin/accounts?status=pending&limit=500')).json<{ items: Json[] }>();
  assert.ok(pending.items.some((item) => item.id === user.id));
  assert.ok(pending.items.every((item) => item.status === 'pending'));

  const approved = await as(admin, 'PUT', `/api/admin/accounts/${user.id}/status`, { status: 'active' });
  assert.is(approved.statusCode, 200, approved.body);
  assert.is(approved.json<Json>().status, 'active');
  assert.is((await signIn(app, email)).user.status, 'active');
});

test('an admin finds accounts by words of the name or the email, in any case, with the other filters', async () => {
  const tag = randomUUID().slice(0, 8);
  const { user: doctor } = await testAccount('doctor', { name: `Orla O_Brien-${tag}` });
  const { user: nurse, email } = await testAccount('nurse', { name: `Nuala Byrne ${tag}`, status: 'pending' });
  const found = async (query: string) =>
    (await as(admin, 'GET', `/api/admin/accounts?limit=500&${query}`))
      .json<{ items: { id: string }[] }>()
      .items.map((item) => item.id)
      .sort();
  assert.equal(await found(`q=${tag}`), [doctor.id, nurse.id].sort());
  assert.equal(await found(`q=${encodeURIComponent(`ORLA ${tag}`)}`), [doctor.id], 'every word, any case');
  assert.equal(await found(`q=${encodeURIComponent(`o_brien-${tag}`)}`), [doctor.id]);
  assert.equal(await found(`q=${encodeURIComponent(`o%brien-${tag}`)}`), [], '% is matched as itself');
  assert.equal(await found(`q=${encodeURIComponent(email.split('@')[0]!)}`), [nurse.id], 'the email too');
  assert.equal(await found(`q=${tag}&status=pending`), [nurse.id]);
  assert.equal(await found(`q=${tag}&role=doctor`), [doctor.id]);
  const empty = await as(admin, 'GET', '/api/admin/accounts?q=');
  assertProblem(empty, 400);
  assert.match(empty.body, /q/);
});

test('disabling an account ends its sessions at once; re-enabling lets it sign in again', async () => {
  const nurse = await signedIn(app, 'nurse');
  assert.is(
    (await as(admin, 'PUT', `/api/admin/accounts/${nurse.user.id}/status`, { status: 'disabled' })).statusCode,
    200,
  );
  assertProblem(await as(nurse, 'GET', '/api/me'), 401);
  const refresh = await app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    payload: { refreshToken: nurse.refreshToken },
  });
  assertProblem(refresh, 401);
  assert.is(
    (await as(admin, 'PUT', `/api/admin/accounts/${nurse.user.id}/status`, { status: 'active' })).statusCode,
    200,
  );
  assert.is((await as(await signIn(app, nurse.email), 'GET', '/api/me')).statusCode, 200);
});

test('roles are assigned; patient cannot be added or removed; an admin keeps their own role and status', async () => {
  const modeller = await signedIn(app, 'modeller');
  const assigned = await as(admin, 'PUT', `/api/admin/accounts/${modeller.user.id}/roles`, {
    roles: ['modeller', 'doctor'],
  });
  assert.equal(assigned.json<Json>().roles, ['modeller', 'doctor']);
  assert.equal((await as(modeller, 'GET', '/api/me')).json<Json>().roles, ['modeller', 'doctor'], 'applies at once');

  const addPatient = await as(admin, 'PUT', `/api/admin/accounts/${modeller.user.id}/roles`, { roles: ['patient'] });
  assert.equal(assertProblem(addPatient, 422).errors, [{ path: '/roles', message: 'must not add "patient"' }]);
  assertProblem(await as(admin, 'PUT', `/api/admin/accounts/${modeller.user.id}/roles`, { roles: [] }), 422);
  assertProblem(await as(admin, 'PUT', `/api/admin/accounts/${admin.user.id}/roles`, { roles: ['doctor'] }), 409);
  assertProblem(await as(admin, 'PUT', `/api/admin/accounts/${admin.user.id}/status`, { status: 'disabled' }), 409);
  assertProblem(await as(admin, 'PUT', `/api/admin/accounts/${randomUUID()}/status`, { status: 'active' }), 404);
});

test('only admins administer', async () => {
  const doctor = await signedIn(app, 'doctor');
  for (const url of ['/api/admin/accounts', '/api/admin/policy', '/api/admin/audit/verify']) {
    assertProblem(await as(doctor, 'GET', url), 403, 'forbidden');
    assertProblem(await app.inject({ method: 'GET', url }), 401);
  }
  const denials = await db
    .selectFrom('audit_event')
    .select('resource')
    .where('actor_id', '=', doctor.user.id)
    .where('action', '=', 'access.denied')
    .execute();
  assert.is(denials.length, 3, 'every denial is audited');
});

test('the policy is read and replaced as data, and applies at once', async () => {
  const original = (await as(admin, 'GET', '/api/admin/policy')).json<{ rules: Json[] }>().rules;
  assert.ok(
    original.some((r) => r.role === 'nurse' && r.target === 'docsy.prescription.v1' && r.effect === 'deny'),
    'the defaults are seeded',
  );
  try {
    const extra = { role: 'pharmacist', target: 'class:OBSERVATION', action: 'read', effect: 'allow' };
    const replaced = await as(admin, 'PUT', '/api/admin/policy', { rules: [...original, extra] });
    assert.is(replaced.statusCode, 200, replaced.body);
    assert.is(replaced.json<{ rules: Json[] }>().rules.length, original.length + 1);
    const twice = assertProblem(await as(admin, 'PUT', '/api/admin/policy', { rules: [extra, extra] }), 422);
    assert.equal(twice.errors, [{ path: '/rules/1', message: 'repeats rule 0' }]);
    const badTarget = { ...extra, target: 'not a template' };
    assertProblem(await as(admin, 'PUT', '/api/admin/policy', { rules: [badTarget] }), 422);
    assert.is(
      (await as(admin, 'GET', '/api/admin/policy')).json<{ rules: Json[] }>().rules.length,
      original.length + 1,
    );
  } finally {
    await as(admin, 'PUT', '/api/admin/policy', { rules: original });
  }
});

test('the audit chain verifies, and a changed row makes verification fail and name it', async () => {
  const verify = async () => (await as(admin, 'GET', '/api/admin/audit/verify')).json<Json>();
  const before = await verify();
  assert.equal([before.ok, before.firstBroken], [true, null]);
  assert.ok(Number(before.checked) > 0);
  const patient = await testAccount('patient');
  const ehrId = patient.user.ehrId!;
  await as(admin, 'GET', '/api/admin/accounts?limit=1');
  await sql`select docsy_audit_append(${ehrId}, 'composition.read', 'success', null, null, ${ehrId}::uuid, null, '{}'::jsonb, null)`.execute(
    db,
  );
  await tamper(sql`update audit_event set outcome = 'denied' where chain_key = ${ehrId} and seq = 1`);
  try {
    const after = await verify();
    assert.is(after.ok, false);
    assert.equal(after.firstBroken, {
      chainKey: ehrId,
      seq: 1,
      reason: 'its content does not match its hash (changed after it was written)',
    });
  } finally {
    await tamper(sql`update audit_event set outcome = 'success' where chain_key = ${ehrId} and seq = 1`);
  }
  assert.is((await verify()).ok, true);
});

test.run();
