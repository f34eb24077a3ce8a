import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, type SignedIn } from '../support/accounts.js';
import { forgeToken, tokenClaims } from '../support/forged-tokens.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig, testDatabase } from '../support/test-app.js';

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const me = (authorization?: string) =>
  app.inject({ method: 'GET', url: '/api/me', headers: authorization ? { authorization } : {} });

function refused(response: Awaited<ReturnType<typeof me>>, challenge = /error="invalid_token"/) {
  const problem = assertProblem(response, 401, 'unauthorized');
  assert.match(String(response.headers['www-authenticate']), challenge);
  return problem;
}

const hs256 = { alg: 'HS256', typ: 'JWT' };

function claimsOf(user: SignedIn): Record<string, unknown> {
  return tokenClaims(user.token);
}

test('an access token is an HS256 JWT of 15 minutes with issuer, audience, roles and session', async () => {
  const doctor = await signedIn(app, 'doctor');
  const header = JSON.parse(Buffer.from(doctor.token.split('.')[0]!, 'base64url').toString()) as { alg: string };
  assert.is(header.alg, 'HS256');
  const claims = claimsOf(doctor);
  assert.is(claims.sub, doctor.user.id);
  assert.equal(claims.roles, ['doctor']);
  assert.match(String(claims.sid), /^[0-9a-f-]{36}$/);
  assert.is(claims.iss, `docsy:${testConfig.systemId}`);
  assert.is(claims.aud, 'docsy-api');
  assert.is(Number(claims.exp) - Number(claims.iat), 900);
  assert.is((await me(doctor.authorization)).statusCode, 200);
});

test('no token, or a header that is not a bearer token: 401 with a challenge', async () => {
  refused(await me(), /^Bearer realm="docsy"$/);
  refused(await me('Basic dXNlcjpwYXNz'), /^Bearer realm="docsy"$/);
  refused(await me('Bearer'), /^Bearer realm="docsy"$/);
});

test('a tampered signature or payload: 401', async () => {
  const nurse = await signedIn(app, 'nurse');
  const [head, payload, signature] = nurse.token.split('.') as [string, string, string];
  const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
  refused(await me(`Bearer ${head}.${payload}.${flipped}`));
  const promoted = Buffer.from(JSON.stringify({ ...claimsOf(nurse), roles: ['admin'] })).toString('base64url');
  refused(await me(`Bearer ${head}.${promoted}.${signature}`));
});

test('alg none, and other algorithms: 401', async () => {
  const doctor = await signedIn(app, 'doctor');
  refused(await me(`Bearer ${forgeToken('', { alg: 'none', typ: 'JWT' }, claimsOf(doctor))}`));
  refused(await me(`Bearer ${forgeToken(testConfig.jwtSecret, { alg: 'HS512', typ: 'JWT' }, claimsOf(doctor))}`));
});

test('a token signed with our secret but expired, or for another audience or issuer: 401', async () => {
  const doctor = await signedIn(app, 'doctor');
  const claims = claimsOf(doctor);
  const now = Math.floor(Date.now() / 1000);
  const forged = (changes: Record<string, unknown>) =>
    `Bearer ${forgeToken(testConfig.jwtSecret, hs256, { ...claims, ...changes })}`;
  assert.is((await me(forged({}))).statusCode, 200, 'the forging itself is faithful');
  const expired = refused(await me(forged({ iat: now - 1000, exp: now - 60 })));
  assert.match(expired.detail, /expired/);
  refused(await me(forged({ aud: 'another-api' })));
  refused(await me(forged({ iss: 'docsy:elsewhere' })));
  refused(await me(forged({ sid: 'not-a-session' })));
  refused(await me(forged({ sid: randomUUID() })));
  refused(await me(forged({ sub: randomUUID() })), /invalid_token/);
});

test('a refresh token used as an access token: 401', async () => {
  const patient = await signedIn(app, 'patient');
  refused(await me(`Bearer ${patient.refreshToken}`));
});

test('after logout the access token and the refresh token stop working at once', async () => {
  const patient = await signedIn(app, 'patient');
  const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: patient.headers });
  assert.is(logout.statusCode, 204);
  refused(await me(patient.authorization));
  const again = await app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    payload: { refreshToken: patient.refreshToken },
  });
  refused(again, /^Bearer realm="docsy"$/);
});

test('a disabled user is refused at once, with any token', async () => {
  const pharmacist = await signedIn(app, 'pharmacist');
  assert.is((await me(pharmacist.authorization)).statusCode, 200);
  await sql`update account set status = 'disabled' where id = ${pharmacist.user.id}`.execute(db);
  refused(await me(pharmacist.authorization));
  const refresh = await app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    payload: { refreshToken: pharmacist.refreshToken },
  });
  assertProblem(refresh, 401);
});

test('HEAD requests are authenticated like GET', async () => {
  const response = await app.inject({ method: 'HEAD', url: '/api/me' });
  assert.is(response.statusCode, 401);
});

test.run();
