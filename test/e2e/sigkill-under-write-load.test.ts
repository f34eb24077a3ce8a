import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createAccount } from '../../server/access/account-service.js';
import { CalendarTokens } from '../../server/access/calendar-token.js';
import { recordAppointmentCare } from '../../server/access/care-relationships.js';
import { hashPassword } from '../../server/access/password-hashing.js';
import { createDatabase, type DatabaseHandle } from '../../server/db/create-database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { historyProblems } from '../support/ehr-consistency.js';
import { listeningUrl, startServerProcess, type ServerProcess } from '../support/server-process.js';

type Json = Record<string, unknown>;

const jwtSecret = 'sigkill-test-secret-that-is-long-enough-0123456789';
const password = 'a-password-for-the-crash-test';
const writers = 16;
const running: ServerProcess[] = [];
test.after(() => running.forEach((server) => server.child.kill('SIGKILL')));

interface Engine {
  env: Record<string, string>;
  database: () => Promise<DatabaseHandle>;
}

/** A doctor and a patient (with an EHR) in their care, created directly in the database before the server starts. */
async function prepare(engine: Engine): Promise<{ email: string; ehrId: string }> {
  const database = await engine.database();
  try {
    await migrateToLatest(database.db);
    const context = { db: database.db, systemId: 'docsy.local', calendar: new CalendarTokens(jwtSecret) };
    const passwordHash = await hashPassword(password, { N: 1024, r: 8, p: 1 });
    const suffix = Math.random().toString(36).slice(2);
    const email = `crash-doctor-${suffix}@example.org`;
    const doctor = await createAccount(context, {
      email,
      name: 'Dr Crash',
      roles: ['doctor'],
      status: 'active',
      passwordHash,
    });
    const patient = await createAccount(context, {
      email: `crash-patient-${suffix}@example.org`,
      name: 'Pat Crash',
      roles: ['patient'],
      status: 'active',
      passwordHash,
      birthDate: '1970-01-01',
    });
    await recordAppointmentCare(database.db, {
      appointmentId: randomUUID(),
      patientId: patient.id,
      practitionerId: doctor.id,
      start: new Date(),
    });
    return { email, ehrId: patient.ehr_id! };
  } finally {
    await database.close();
  }
}

async function start(engine: Engine): Promise<{ server: ServerProcess; url: string }> {
  const server = startServerProcess({ PORT: '0', JWT_SECRET: jwtSecret, ...engine.env });
  running.push(server);
  return { server, url: await listeningUrl(server, 60_000) };
}

async function call(url: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = {
    'content-type': 'application/json',
    ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
  };
  return fetch(url, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
}

/**
 * Commits from `writers` clients at once (each creates a composition, then keeps amending it)
 * until the server dies; returns every acknowledged version with the body that acknowledged it.
 */
async function writeUntilKilled(
  url: string,
  token: string,
  ehrId: string,
  kill: () => void,
): Promise<{ acknowledged: Map<string, string>; sent: number }> {
  const example = (await (await call(`${url}/api/templates/docsy.vital_signs.v1/example`, { token })).json()) as Json;
  const acknowledged = new Map<string, string>();
  let sent = 0;
  const writer = async (n: number) => {
    let uid: string | undefined;
    let etag: string | undefined;
    for (let i = 0; ; i++) {
      sent++;
      const body = JSON.stringify({
        ...example,
        context: { ...(example.context as Json), facility: `Ward ${n}.${i}` },
      });
      const response = await call(`${url}/api/ehr/${ehrId}/compositions${uid ? `/${uid}` : ''}`, {
        method: uid ? 'PUT' : 'POST',
        body,
        token,
        ...(etag ? { headers: { 'if-match': etag } } : {}),
      }).catch(() => undefined);
      if (!response) return;
      const text = await response.text().catch(() => undefined);
      if (text === undefined) return;
      assert.ok(response.status === 201 || response.status === 200, `${response.status} ${text}`);
      const stored = JSON.parse(text) as { uid: string; versionUid: string };
      acknowledged.set(stored.versionUid, text);
      uid = stored.uid;
      etag = response.headers.get('etag')!;
      if (acknowledged.size === 60) kill();
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, n) => writer(n)));
  return { acknowledged, sent };
}

async function killedUnderLoadLosesNothing(engine: Engine): Promise<void> {
  const { email, ehrId } = await prepare(engine);
  const first = await start(engine);
  const login = await call(`${first.url}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  assert.is(login.status, 200);
  const { accessToken } = (await login.json()) as { accessToken: string };

  const { acknowledged, sent } = await writeUntilKilled(first.url, accessToken, ehrId, () =>
    first.server.child.kill('SIGKILL'),
  );
  assert.is(await first.server.exited, null, 'killed by the signal');
  assert.ok(acknowledged.size >= 60, `${acknowledged.size} commits acknowledged before the kill`);
  assert.ok(sent > acknowledged.size, 'commits were in flight when the server was killed');

  const second = await start(engine);
  for (const [versionUid, body] of acknowledged) {
    const read = await call(`${second.url}/api/ehr/${ehrId}/compositions/${versionUid}`, { token: accessToken });
    assert.is(read.status, 200, versionUid);
    assert.is(await read.text(), body, `${versionUid} reads back as acknowledged`);
  }
  second.server.child.kill('SIGTERM');
  assert.is(await second.server.exited, 0);

  const database = await engine.database();
  try {
    assert.equal(await historyProblems(database.db, ehrId), []);
  } finally {
    await database.close();
  }
}

test('SIGKILL under write load on Postgres: every acknowledged commit survives, none is partial', async () => {
  const databaseUrl = process.env.DOCSY_TEST_DATABASE_URL;
  assert.ok(databaseUrl, 'DOCSY_TEST_DATABASE_URL is set by the test runner');
  await killedUnderLoadLosesNothing({
    env: { DATABASE_URL: databaseUrl },
    database: () => createDatabase({ databaseUrl, dataDir: '', dbPoolSize: 2 }),
  });
});

test('SIGKILL under write load on the embedded database: every acknowledged commit survives, none is partial', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'docsy-sigkill-')), 'data');
  await killedUnderLoadLosesNothing({
    env: { DATA_DIR: dataDir },
    database: () => createDatabase({ databaseUrl: undefined, dataDir, dbPoolSize: 1 }),
  });
});

test.run();
