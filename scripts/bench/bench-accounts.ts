import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { createAccount } from '../../server/access/account-service.js';
import { CalendarTokens } from '../../server/access/calendar-token.js';
import { hashPassword } from '../../server/access/password-hashing.js';
import type { Database } from '../../server/db/database.js';
import { openPostgresPool } from '../../server/db/postgres-engine.js';

/** The benchmark's doctor, signed in: what every figure's requests carry. */
export interface BenchDoctor {
  id: string;
  name: string;
  authorization: string;
}

const password = `bench-${randomBytes(12).toString('hex')}`;

/**
 * Makes the doctor the load runs as, through the API as a practitioner joins: registers
 * (pending), is approved by an administrator (`PUT /api/admin/accounts/{id}/status`), signs in.
 * The administrator is created in the database, as demo data does (no one registers as one).
 * The patients' grants to the doctor, one per EHR of the data set, are written in one statement:
 * a patient grants through the API only for their own record, one login each.
 *
 * @example
 * const doctor = await benchDoctor(baseUrl, databaseUrl, jwtSecret);
 * await fetch(`${baseUrl}/api/me`, { headers: { authorization: doctor.authorization } });
 */
export async function benchDoctor(baseUrl: string, databaseUrl: string, jwtSecret: string): Promise<BenchDoctor> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPostgresPool(databaseUrl, 1) }) });
  try {
    const adminEmail = `bench-admin-${randomBytes(4).toString('hex')}@example.org`;
    await createAccount(
      { db, systemId: 'docsy.local', calendar: new CalendarTokens(jwtSecret) },
      {
        email: adminEmail,
        name: 'Bench Admin',
        roles: ['admin'],
        status: 'active',
        passwordHash: await hashPassword(password),
      },
    );
    const admin = await signIn(baseUrl, adminEmail);
    const email = `bench-doctor-${randomBytes(4).toString('hex')}@example.org`;
    const name = 'Dr Bench Runner';
    const registered = await call<{ user: { id: string } }>(baseUrl, 'POST', '/api/auth/register', {
      body: { email, password, name, role: 'doctor' },
    });
    const id = registered.user.id;
    await call(baseUrl, 'PUT', `/api/admin/accounts/${id}/status`, {
      body: { status: 'active' },
      authorization: admin,
    });
    await grantEveryEhr(db, id);
    return { id, name, authorization: await signIn(baseUrl, email) };
  } finally {
    await db.destroy();
  }
}

/**
 * For the embedded database, which one process opens at a time: creates the doctor, active, with
 * every patient's grant, before the server starts; {@link signInDoctor} signs it in afterwards.
 *
 * @example
 * const email = await embeddedDoctor(db, jwtSecret);
 */
export async function embeddedDoctor(db: Kysely<Database>, jwtSecret: string): Promise<string> {
  const email = `bench-doctor-${randomBytes(4).toString('hex')}@example.org`;
  const account = await createAccount(
    { db, systemId: 'docsy.local', calendar: new CalendarTokens(jwtSecret) },
    { email, name: 'Dr Bench Runner', roles: ['doctor'], status: 'active', passwordHash: await hashPassword(password) },
  );
  await grantEveryEhr(db, account.id);
  return email;
}

/**
 * Signs in a doctor made by {@link embeddedDoctor} through the API.
 *
 * @example
 * const doctor = await signInDoctor(baseUrl, email);
 */
export async function signInDoctor(baseUrl: string, email: string): Promise<BenchDoctor> {
  const { accessToken, user } = await call<{ accessToken: string; user: { id: string; name: string } }>(
    baseUrl,
    'POST',
    '/api/auth/login',
    { body: { email, password } },
  );
  return { id: user.id, name: user.name, authorization: `Bearer ${accessToken}` };
}

/** Every EHR's patient grants the practitioner access (one statement, not one login per patient). */
async function grantEveryEhr(db: Kysely<Database>, practitionerId: string): Promise<void> {
  await sql`
    insert into care_relationship (id, ehr_id, practitioner_id, kind, valid_from)
    select gen_random_uuid(), ehr_id, ${practitionerId}::uuid, 'grant', now() - interval '1 minute' from ehr`.execute(
    db,
  );
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const { accessToken } = await call<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', {
    body: { email, password },
  });
  return `Bearer ${accessToken}`;
}

/**
 * One JSON request; throws with the answer unless it is a 2xx.
 *
 * @example
 * const me = await call<{ id: string }>(baseUrl, 'GET', '/api/me', { authorization });
 */
export async function call<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; authorization?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.authorization) headers.authorization = options.authorization;
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
