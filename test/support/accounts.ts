import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createAccount } from '../../server/access/account-service.js';
import { accountView, type AccountView } from '../../server/access/account-view.js';
import { CalendarTokens } from '../../server/access/calendar-token.js';
import { hashPassword } from '../../server/access/password-hashing.js';
import type { AccountStatus, Role } from '../../server/access/roles.js';
import { testConfig, testDatabase } from './test-app.js';

/** The password of every account these helpers create. */
export const testPassword = 'test-password-of-docsy';

// Hashed once, with cheap scrypt parameters (stored in the hash, so login verifies with them).
const testPasswordHash = hashPassword(testPassword, { N: 1024, r: 8, p: 1 });

/** A signed-in test user: the account, its tokens, and the header to send. */
export interface SignedIn {
  user: AccountView;
  email: string;
  token: string;
  refreshToken: string;
  /** `Bearer <token>`, the `Authorization` header's value. */
  authorization: string;
  /** `{ authorization }`, to spread into `app.inject`'s headers. */
  headers: { authorization: string };
}

/** A patient signed in, with their EHR id. */
export type SignedInPatient = SignedIn & { ehrId: string };

/**
 * Creates an account directly in the test database (fresh random email, any status; a patient
 * gets an EHR) without signing in.
 *
 * @example
 * const { email } = await testAccount('doctor', { status: 'pending' });
 */
export async function testAccount(
  role: Role,
  options: { status?: AccountStatus; name?: string; birthDate?: string } = {},
): Promise<{ user: AccountView; email: string }> {
  const { db } = await testDatabase();
  const context = { db, systemId: testConfig.systemId, calendar: new CalendarTokens(testConfig.jwtSecret) };
  const email = `${role.replace('_', '-')}-${randomBytes(6).toString('hex')}@example.org`;
  const row = await createAccount(context, {
    email,
    name: options.name ?? `Test ${role}`,
    roles: [role],
    status: options.status ?? 'active',
    passwordHash: await testPasswordHash,
    ...(role === 'patient' ? { birthDate: options.birthDate ?? '1980-04-02' } : {}),
  });
  const user = accountView(context, row);
  return { user, email };
}

/**
 * Creates an active account of `role` and signs it in through `POST /api/auth/login`.
 *
 * @example
 * const doctor = await signedIn(app, 'doctor');
 * await app.inject({ method: 'GET', url: '/api/me', headers: doctor.headers });
 */
export async function signedIn(app: FastifyInstance, role: Role, options: { name?: string } = {}): Promise<SignedIn> {
  const { email } = await testAccount(role, options);
  return signIn(app, email);
}

/**
 * Signs in an existing account with {@link testPassword}; throws unless the login succeeds.
 *
 * @example
 * const again = await signIn(app, doctor.email);
 */
export async function signIn(app: FastifyInstance, email: string): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ accessToken: string; refreshToken: string; user: AccountView }>();
  const authorization = `Bearer ${body.accessToken}`;
  return {
    user: body.user,
    email,
    token: body.accessToken,
    refreshToken: body.refreshToken,
    authorization,
    headers: { authorization },
  };
}

/**
 * A patient with an EHR, signed in.
 *
 * @example
 * const patient = await signedInPatient(app);
 * await app.inject({ method: 'GET', url: `/api/ehr/${patient.ehrId}/compositions`, headers: patient.headers });
 */
export async function signedInPatient(app: FastifyInstance, options: { name?: string } = {}): Promise<SignedInPatient> {
  const patient = await signedIn(app, 'patient', options);
  return { ...patient, ehrId: patient.user.ehrId! };
}
