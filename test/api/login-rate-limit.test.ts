import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loginLimits } from '../../server/access/login-throttle.js';
import { testAccount, testPassword } from '../support/accounts.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

/** A fresh client address (documentation range plus random), so tests never share counters. */
const freshAddress = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}-${randomBytes(3).toString('hex')}`;
const login = (email: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

test('an account that failed too often waits, even with the right password; others are not affected', async () => {
  const { email, user } = await testAccount('doctor');
  for (let i = 0; i < loginLimits.perAccount; i++) {
    assertProblem(await login(email, 'wrong password here', freshAddress()), 401);
  }
  const blocked = await login(email, testPassword, freshAddress());
  const problem = assertProblem(blocked, 429, 'too-many-requests');
  const retryAfter = Number(blocked.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= loginLimits.windowSeconds, `Retry-After ${retryAfter}`);
  assert.match(problem.detail, /try again in \d+ seconds/);
  const other = await testAccount('doctor');
  assert.is((await login(other.email, testPassword, freshAddress())).statusCode, 200);

  const refused = await db
    .selectFrom('audit_event')
    .select('outcome')
    .where('actor_id', '=', user.id)
    .where('action', '=', 'login')
    .where(sql<boolean>`details->>'reason' = 'rate-limited'`)
    .execute();
  assert.equal(
    refused.map((e) => e.outcome),
    ['denied'],
  );

  await sql`update login_throttle set window_start = now() - interval '16 minutes' where key = ${`account:${user.id}`}`.execute(
    db,
  );
  assert.is((await login(email, testPassword, freshAddress())).statusCode, 200, 'a new window starts afresh');
});

test('a success gives the attempt back: failures below the limit never add up across sign-ins', async () => {
  const { email } = await testAccount('nurse');
  const address = freshAddress();
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < loginLimits.perAccount - 1; i++)
      assertProblem(await login(email, 'nope nope nope', address), 401);
    assert.is((await login(email, testPassword, address)).statusCode, 200);
  }
});

test('one address (a clinic) is limited by its failures only, never by its successful sign-ins', async () => {
  const clinic = freshAddress();
  const staff = await Promise.all(Array.from({ length: 4 }, () => testAccount('nurse')));
  for (let i = 0; i < loginLimits.perAddress + 20; i++) {
    const response = await login(staff[i % staff.length]!.email, testPassword, clinic);
    assert.is(response.statusCode, 200, `sign-in ${i + 1} from the clinic`);
  }

  const attacker = freshAddress();
  let failures = 0;
  while (failures < loginLimits.perAddress) {
    const { email } = await testAccount('patient');
    for (let i = 0; i < loginLimits.perAccount && failures < loginLimits.perAddress; i++, failures++) {
      assertProblem(await login(email, 'guessing wrongly', attacker), 401);
    }
  }
  const victim = await testAccount('doctor');
  const blocked = await login(victim.email, testPassword, attacker);
  assertProblem(blocked, 429, 'too-many-requests');
  assert.ok(Number(blocked.headers['retry-after']) >= 1);
  const unknownEmail = await login(`nobody-${randomBytes(4).toString('hex')}@example.org`, 'x', attacker);
  assertProblem(unknownEmail, 429);
  assert.is((await login(victim.email, testPassword, freshAddress())).statusCode, 200, 'other addresses still sign in');
});

test.run();
