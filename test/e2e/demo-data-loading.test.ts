import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createAccount } from '../../server/access/account-service.js';
import { CalendarTokens } from '../../server/access/calendar-token.js';
import { hashPassword } from '../../server/access/password-hashing.js';
import { createDatabase } from '../../server/db/create-database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../scripts/test-runner/throwaway-database.js';
import { runScript } from '../support/command-line.js';
import { listeningUrl, startServerProcess, type ServerProcess } from '../support/server-process.js';

const jwtSecret = 'demo-data-test-secret-that-is-long-enough-0123456789';
const databases: ThrowawayDatabase[] = [];
/** The database the first test seeds; later tests use it as it is. */
let seeded: string | undefined;
const servers: ServerProcess[] = [];
test.after(async () => {
  servers.forEach((server) => server.child.kill('SIGKILL'));
  await Promise.all(databases.map((database) => database.drop()));
});

async function freshDatabase(): Promise<string> {
  const database = await createThrowawayDatabase();
  databases.push(database);
  return database.url;
}

function seed(env: Record<string, string>) {
  return runScript('seed-demo.ts', [], { JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn', ...env });
}

async function start(env: Record<string, string>): Promise<string> {
  const server = startServerProcess({ PORT: '0', JWT_SECRET: jwtSecret, ...env });
  servers.push(server);
  return listeningUrl(server, 120_000);
}

async function signIn(url: string, email: string): Promise<{ token: string; id: string; ehrId?: string }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'docsy-demo' }),
  });
  assert.is(login.status, 200, `${email} signs in with the demo password`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const me = (await (await get(url, '/api/me', accessToken)).json()) as { id: string; ehrId?: string };
  return { token: accessToken, id: me.id, ehrId: me.ehrId };
}

function get(url: string, path: string, token: string): Promise<Response> {
  return fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

test('npm run seed loads Postgres (audit chain intact); demo logins work, appointments and attachments are there, the care rule shows; a second run changes nothing', async () => {
  const databaseUrl = await freshDatabase();
  const first = await seed({ DATABASE_URL: databaseUrl });
  seeded = databaseUrl;
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, /^seed: loaded the demo data: 63 accounts, \d+ compositions/);

  const audit = await runScript('audit-verify.ts', [], { DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret });
  assert.is(audit.code, 0, audit.stdout + audit.stderr);
  assert.match(audit.stdout, /^audit log ok: \d+ events checked/);

  const second = await seed({ DATABASE_URL: databaseUrl });
  assert.is(second.code, 0, second.stderr);
  assert.match(second.stdout, 'seed: the demo data is already loaded');

  const url = await start({ DATABASE_URL: databaseUrl, DOCSY_DEMO: '1' });
  const patient = await signIn(url, 'patient@docsy.demo');
  const patient2 = await signIn(url, 'patient2@docsy.demo');
  const doctor = await signIn(url, 'doctor@docsy.demo');
  const doctor2 = await signIn(url, 'doctor2@docsy.demo');
  for (const email of ['nurse', 'lab', 'pharmacist', 'modeller', 'admin']) await signIn(url, `${email}@docsy.demo`);

  const chart = await get(url, `/api/ehr/${patient.ehrId}/compositions?limit=500`, doctor.token);
  assert.is(chart.status, 200, 'doctor@ reads patient@’s record');
  const items = ((await chart.json()) as { items: { template: { id: string } }[] }).items;
  const templates = new Set(items.map((item) => item.template.id));
  for (const id of [
    'docsy.allergy_record_legacy.v1',
    'docsy.allergy_record.v1',
    'docsy.prescription.v1',
    'docsy.lab_report.v1',
    'docsy.vital_signs.v1',
  ])
    assert.ok(templates.has(id), `patient@’s chart has ${id}`);

  const appointments = await get(url, '/api/appointments?limit=500', doctor.token);
  assert.is(appointments.status, 200);
  const mine = ((await appointments.json()) as { items: { patientId: string; start: string; status: string }[] }).items;
  const withPatient = mine.filter((a) => a.patientId === patient.id && a.status === 'booked');
  const now = new Date().toISOString();
  assert.ok(
    withPatient.some((a) => new Date(a.start).toISOString() < now),
    'doctor@ saw patient@ before',
  );
  assert.ok(
    withPatient.some((a) => new Date(a.start).toISOString() > now),
    'doctor@ sees patient@ soon',
  );
  const doctor2Days = await get(url, '/api/appointments?limit=500', doctor2.token);
  const doctor2Patients = ((await doctor2Days.json()) as { items: { patientId: string }[] }).items.map(
    (a) => a.patientId,
  );
  assert.ok(doctor2Patients.length > 0 && !doctor2Patients.includes(patient2.id), 'doctor2@ has none with patient2@');

  const imaging = await get(
    url,
    `/api/ehr/${patient.ehrId}/compositions?template=docsy.imaging_report.v1`,
    patient.token,
  );
  const report = ((await imaging.json()) as { items: { uid: string }[] }).items[0]!;
  const full = await get(url, `/api/ehr/${patient.ehrId}/compositions/${report.uid}`, patient.token);
  const data = ((await full.json()) as { content: { data: { original_report: { id: string; sha256: string }[] } }[] })
    .content[0]!.data;
  const file = await get(url, `/api/ehr/${patient.ehrId}/attachments/${data.original_report[0]!.id}`, patient.token);
  assert.is(file.status, 200, 'patient@ downloads the signed imaging report');
  assert.is(file.headers.get('content-type'), 'application/pdf');
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.is(createHash('sha256').update(bytes).digest('hex'), data.original_report[0]!.sha256);

  const refused = await get(url, `/api/ehr/${patient2.ehrId}/compositions`, doctor2.token);
  assert.is(refused.status, 403, 'doctor2@ has no care relationship with patient2@');
  const own = await get(url, `/api/ehr/${patient2.ehrId}/compositions`, patient2.token);
  assert.is(own.status, 200);
  assert.ok(((await own.json()) as { items: unknown[] }).items.length > 0, 'patient2@ has a history');
});

test('npm run seed refuses a database that holds data of its own, and writes nothing', async () => {
  const databaseUrl = await freshDatabase();
  const database = await createDatabase({ databaseUrl, dataDir: '', dbPoolSize: 1 });
  try {
    await migrateToLatest(database.db);
    const context = { db: database.db, systemId: 'docsy.local', calendar: new CalendarTokens(jwtSecret) };
    const passwordHash = await hashPassword('a real clinic password', { N: 1024, r: 8, p: 1 });
    await createAccount(context, {
      email: 'someone@clinic.example',
      name: 'Real User',
      roles: ['doctor'],
      status: 'active',
      passwordHash,
    });
    const refused = await seed({ DATABASE_URL: databaseUrl });
    assert.is(refused.code, 1);
    assert.is(refused.stdout, '');
    assert.is(
      refused.stderr.trim(),
      'seed: refused: this database holds accounts or records that are not demo data; seed an empty database',
    );
    const accounts = await database.db.selectFrom('account').select('email').execute();
    assert.equal(accounts, [{ email: 'someone@clinic.example' }]);
    assert.is((await database.db.selectFrom('demo_load').selectAll().execute()).length, 0);
  } finally {
    await database.close();
  }
});

test('a server outside demo mode refuses to start while demo accounts have the demo password', async () => {
  const databaseUrl = seeded!;
  const server = startServerProcess({ PORT: '0', JWT_SECRET: jwtSecret, DATABASE_URL: databaseUrl, DOCSY_DEMO: '' });
  servers.push(server);
  assert.is(await server.exited, 1);
  assert.is(
    server.output().trim(),
    'docsy: this database holds demo accounts with the demo password (docsy-demo); start with DOCSY_DEMO=1 to run the demo, or use another database',
  );
});

test('the first npm start on an empty embedded database loads the demo data; a restart keeps it', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'docsy-demo-')), 'data');
  const server = startServerProcess({ PORT: '0', DATA_DIR: dataDir, DOCSY_DEMO: '', LOG_LEVEL: 'info' });
  servers.push(server);
  const url = await listeningUrl(server, 180_000);
  assert.match(server.output(), /demo data loaded: 63 accounts, \d+ compositions in [\d.]+ s/);
  const patient = await signIn(url, 'patient@docsy.demo');
  const record = await get(url, `/api/ehr/${patient.ehrId}/compositions`, patient.token);
  assert.is(record.status, 200);
  server.child.kill('SIGTERM');
  assert.is(await server.exited, 0);

  const restarted = startServerProcess({ PORT: '0', DATA_DIR: dataDir, DOCSY_DEMO: '', LOG_LEVEL: 'info' });
  servers.push(restarted);
  const again = await listeningUrl(restarted, 60_000);
  assert.not.match(restarted.output(), 'demo data loaded');
  await signIn(again, 'doctor@docsy.demo');
  restarted.child.kill('SIGTERM');
  assert.is(await restarted.exited, 0);
});

test.run();
