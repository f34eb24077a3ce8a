/**
 * The authorization matrix (issue 6, "Done when"): every route × every caller × own and another
 * patient's record, with the expected allow or deny. A route the app registers without a row
 * here fails the first test, so a new route cannot be added without deciding who may call it.
 *
 * Allowed means a success (2xx); denied means 403; an anonymous caller gets 401 on every route
 * that is not public. "Own" record: a patient's own, or for a practitioner a patient in their
 * care (an appointment); "other": a patient with no relationship to the caller.
 */
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Role } from '../../server/access/roles.js';
import { signedIn, signedInPatient, testAccount, testPassword } from '../support/accounts.js';
import { callers, matrixContexts, type MatrixContext, type Whose } from '../support/authorization-fixtures.js';
import { archetypeDocument, templateDocument } from '../support/knowledge-fixtures.js';
import { samplePng } from '../support/sample-files.js';
import { bookAppointment } from '../../server/scheduling/appointment-service.js';
import { replaceAvailability } from '../../server/scheduling/availability-service.js';
import { bookableDoctor, daysAhead, everyDay } from '../support/scheduling.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());
const contexts = await matrixContexts(app);
const { db } = await testDatabase();
const schedulingDoctor = await bookableDoctor(app);

const everyone: Role[] = ['patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller', 'admin'];
const clinical: Role[] = ['patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist'];
const practitioners: Role[] = ['doctor', 'nurse', 'lab_technician', 'pharmacist'];

/** Who is allowed: `public` (anyone, signed in or not), some roles, or per record for EHR routes. */
type Allowed = 'public' | Role[] | { own: Role[]; other: Role[] };

interface Row {
  allowed: Allowed;
  request(context: MatrixContext): Promise<InjectOptions>;
}

const fresh = () => randomBytes(5).toString('hex');
const ehr = async (c: MatrixContext, path = '') => `/api/ehr/${(await c.record()).ehrId}${path}`;

const rows: Record<string, Row> = {
  'GET /api/health': { allowed: 'public', request: async () => ({ url: '/api/health' }) },
  'POST /api/auth/register': {
    allowed: 'public',
    request: async () => ({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: `r-${fresh()}@example.org`, password: 'a quiet harbour', name: 'R', role: 'nurse' },
    }),
  },
  'POST /api/auth/login': {
    allowed: 'public',
    request: async () => {
      const { email } = await testAccount('nurse');
      return { method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } };
    },
  },
  'POST /api/auth/refresh': {
    allowed: 'public',
    request: async () => {
      const { refreshToken } = await signedIn(app, 'nurse');
      return { method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } };
    },
  },
  'POST /api/auth/logout': {
    allowed: everyone,
    // Its own session, so the caller's token keeps working for the next rows.
    request: async (c) => ({ method: 'POST', url: '/api/auth/logout', headers: await ownSession(c) }),
  },
  'GET /api/me': { allowed: everyone, request: async () => ({ url: '/api/me' }) },

  'GET /api/archetypes': { allowed: everyone, request: async () => ({ url: '/api/archetypes' }) },
  'GET /api/archetypes/:id': {
    allowed: everyone,
    request: async () => ({ url: '/api/archetypes/openEHR-EHR-OBSERVATION.blood_pressure.v2' }),
  },
  'GET /api/archetypes/:id/revisions': {
    allowed: everyone,
    request: async () => ({ url: '/api/archetypes/openEHR-EHR-OBSERVATION.blood_pressure.v2/revisions' }),
  },
  'POST /api/archetypes': {
    allowed: ['modeller'],
    request: async () => ({ method: 'POST', url: '/api/archetypes', payload: finding(`t${fresh()}`) }),
  },
  'GET /api/templates': { allowed: everyone, request: async () => ({ url: '/api/templates' }) },
  'GET /api/templates/:id': {
    allowed: everyone,
    request: async () => ({ url: '/api/templates/docsy.vital_signs.v1' }),
  },
  'GET /api/templates/:id/revisions': {
    allowed: everyone,
    request: async () => ({ url: '/api/templates/docsy.vital_signs.v1/revisions' }),
  },
  'POST /api/templates': {
    allowed: ['modeller'],
    request: async () => ({ method: 'POST', url: '/api/templates', payload: bloodPressureTemplate(`t${fresh()}`) }),
  },
  'POST /api/knowledge/preview': {
    allowed: ['modeller'],
    request: async () => ({
      method: 'POST',
      url: '/api/knowledge/preview',
      payload: { template: bloodPressureTemplate(`t${fresh()}`) },
    }),
  },
  'GET /api/templates/:id/form': {
    allowed: everyone,
    request: async () => ({ url: '/api/templates/docsy.vital_signs.v1/form' }),
  },
  'GET /api/templates/:id/example': {
    allowed: everyone,
    request: async () => ({ url: '/api/templates/docsy.vital_signs.v1/example' }),
  },
  'GET /api/terminology': { allowed: everyone, request: async () => ({ url: '/api/terminology' }) },
  'GET /api/terminology/:valueSet': {
    allowed: everyone,
    request: async () => ({ url: '/api/terminology/snomed-substances?q=pen' }),
  },
  'PUT /api/terminology/:valueSet': {
    allowed: ['modeller'],
    request: async () => ({
      method: 'PUT',
      url: `/api/terminology/test-${fresh()}?title=T&codeSystem=LOINC`,
      headers: { 'content-type': 'text/csv' },
      payload: 'code,display,synonyms\nx1,Thing,\n',
    }),
  },

  'POST /api/query': {
    // Everyone may ask; the answer holds only what the caller may read (ehr-access.test.ts).
    allowed: everyone,
    request: async () => ({ method: 'POST', url: '/api/query', payload: { q: 'SELECT c/uid FROM COMPOSITION c' } }),
  },
  'GET /api/patients': { allowed: practitioners, request: async () => ({ url: '/api/patients?q=Test' }) },
  'GET /api/patients/:id': {
    // Names whose record it is (as a search would), care relationship or not.
    allowed: practitioners,
    request: async (c) => ({ url: `/api/patients/${(await c.record()).patient.user.id}` }),
  },
  'GET /api/orders': { allowed: ['lab_technician'], request: async () => ({ url: '/api/orders' }) },

  'PUT /api/practitioners/me/availability': {
    allowed: practitioners,
    request: async () => ({ method: 'PUT', url: '/api/practitioners/me/availability', payload: everyDay }),
  },
  'GET /api/practitioners/me/availability': {
    allowed: practitioners,
    request: async () => ({ url: '/api/practitioners/me/availability' }),
  },
  'GET /api/practitioners': { allowed: everyone, request: async () => ({ url: '/api/practitioners' }) },
  'GET /api/practitioners/:id/slots': {
    allowed: everyone,
    request: async () => ({ url: `/api/practitioners/${schedulingDoctor.user.id}/slots` }),
  },
  'POST /api/appointments': {
    // A patient books for themselves; a practitioner for a patient in their care, into their own calendar.
    allowed: { own: ['patient', ...practitioners], other: ['patient'] },
    request: async (c) => {
      const start = nextSlotStart();
      if (c.caller === 'patient') {
        return {
          method: 'POST',
          url: '/api/appointments',
          payload: { practitionerId: schedulingDoctor.user.id, start },
        };
      }
      const me = await callerId(c);
      if (me && practitioners.includes(c.caller as Role)) await replaceAvailability(db, me, everyDay);
      const { patient } = await c.record();
      return { method: 'POST', url: '/api/appointments', payload: { patientId: patient.user.id, start } };
    },
  },
  'GET /api/calendar/:token.ics': {
    // The secret URL is the credential (calendar-feed.test.ts).
    allowed: 'public',
    request: async () => ({ url: (await signedInPatient(app)).user.calendarUrl }),
  },
  'POST /api/me/calendar/rotate': {
    allowed: everyone,
    request: async () => ({ method: 'POST', url: '/api/me/calendar/rotate' }),
  },
  'GET /api/appointments': {
    allowed: ['patient', ...practitioners],
    request: async () => ({ url: '/api/appointments' }),
  },
  'POST /api/appointments/:id/cancel': {
    // Someone else's appointment is 404 (appointment-booking.test.ts).
    allowed: ['patient', ...practitioners],
    request: async (c) => ({
      method: 'POST',
      url: `/api/appointments/${await appointmentOf(c)}/cancel`,
      payload: { reason: 'Cannot come' },
    }),
  },
  'POST /api/appointments/:id/reschedule': {
    allowed: ['patient', ...practitioners],
    request: async (c) => ({
      method: 'POST',
      url: `/api/appointments/${await appointmentOf(c)}/reschedule`,
      payload: { start: nextSlotStart(), reason: 'Clash' },
    }),
  },

  'GET /api/admin/accounts': { allowed: ['admin'], request: async () => ({ url: '/api/admin/accounts?limit=1' }) },
  'PUT /api/admin/accounts/:accountId/status': {
    allowed: ['admin'],
    request: async () => {
      const { user } = await testAccount('nurse', { status: 'pending' });
      return { method: 'PUT', url: `/api/admin/accounts/${user.id}/status`, payload: { status: 'active' } };
    },
  },
  'PUT /api/admin/accounts/:accountId/roles': {
    allowed: ['admin'],
    request: async () => {
      const { user } = await testAccount('nurse');
      return { method: 'PUT', url: `/api/admin/accounts/${user.id}/roles`, payload: { roles: ['nurse', 'doctor'] } };
    },
  },
  'GET /api/admin/policy': { allowed: ['admin'], request: async () => ({ url: '/api/admin/policy' }) },
  'PUT /api/admin/policy': {
    allowed: ['admin'],
    // The policy as it is: replacing it with itself changes nothing for the other rows.
    request: async () => ({ method: 'PUT', url: '/api/admin/policy', payload: await currentPolicy() }),
  },
  'GET /api/admin/audit/verify': { allowed: ['admin'], request: async () => ({ url: '/api/admin/audit/verify' }) },

  'GET /api/ehr/:ehrId': {
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c) }),
  },
  'POST /api/ehr/:ehrId/compositions': {
    allowed: { own: practitioners, other: ['pharmacist'] },
    request: async (c) => ({ method: 'POST', url: await ehr(c, '/compositions'), payload: await c.body(c.authorable) }),
  },
  'GET /api/ehr/:ehrId/compositions': {
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c, '/compositions') }),
  },
  'GET /api/ehr/:ehrId/compositions/:uid': {
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c, `/compositions/${(await c.composition(c.readable)).uid}`) }),
  },
  'PUT /api/ehr/:ehrId/compositions/:uuid': {
    allowed: { own: practitioners, other: ['pharmacist'] },
    request: async (c) => {
      const { uid, versionUid } = await c.composition(c.authorable);
      return {
        method: 'PUT',
        url: await ehr(c, `/compositions/${uid}`),
        headers: { 'if-match': `"${versionUid}"` },
        payload: await c.body(c.authorable),
      };
    },
  },
  'DELETE /api/ehr/:ehrId/compositions/:uuid': {
    allowed: { own: ['doctor', 'nurse'], other: [] },
    request: async (c) => {
      const { uid, versionUid } = await c.composition(c.authorable);
      return {
        method: 'DELETE',
        url: await ehr(c, `/compositions/${uid}`),
        headers: { 'if-match': `"${versionUid}"` },
      };
    },
  },
  'GET /api/ehr/:ehrId/compositions/:uid/pdf': {
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c, `/compositions/${(await c.composition(c.readable)).uid}/pdf`) }),
  },
  'GET /api/ehr/:ehrId/compositions/:uuid/versions': {
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c, `/compositions/${(await c.composition(c.readable)).uid}/versions`) }),
  },
  'GET /api/ehr/:ehrId/compositions/:uuid/versions/:version': {
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c, `/compositions/${(await c.composition(c.readable)).uid}/versions/1`) }),
  },
  'POST /api/ehr/:ehrId/contributions': {
    allowed: { own: practitioners, other: ['pharmacist'] },
    request: async (c) => ({
      method: 'POST',
      url: await ehr(c, '/contributions'),
      payload: { versions: [{ changeType: 'creation', composition: await c.body(c.authorable) }] },
    }),
  },
  'GET /api/ehr/:ehrId/contributions/:contributionId': {
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c, `/contributions/${(await c.composition(c.readable)).contributionId}`) }),
  },
  'POST /api/ehr/:ehrId/attachments': {
    // Whoever authors some template in the record (the file is for a composition to come).
    allowed: { own: practitioners, other: ['pharmacist'] },
    request: async (c) => ({
      method: 'POST',
      url: await ehr(c, '/attachments?filename=scan.png'),
      headers: { 'content-type': 'image/png' },
      payload: samplePng(),
    }),
  },
  'GET /api/ehr/:ehrId/attachments/:id': {
    // Not yet referenced: whoever may read the record (attachments.test.ts covers hidden references).
    allowed: { own: clinical, other: ['pharmacist'] },
    request: async (c) => ({ url: await ehr(c, `/attachments/${await c.attachment()}`) }),
  },
  'GET /api/ehr/:ehrId/grants': {
    allowed: { own: ['patient'], other: [] },
    request: async (c) => ({ url: await ehr(c, '/grants') }),
  },
  'PUT /api/ehr/:ehrId/grants/:practitionerId': {
    allowed: { own: ['patient'], other: [] },
    request: async (c) => ({
      method: 'PUT',
      url: await ehr(c, `/grants/${(await signedIn(app, 'doctor')).user.id}`),
      payload: {},
    }),
  },
  'DELETE /api/ehr/:ehrId/grants/:practitionerId': {
    allowed: { own: ['patient'], other: [] },
    request: async (c) => {
      const doctor = await signedIn(app, 'doctor');
      const { patient } = await c.record();
      await app.inject({
        method: 'PUT',
        url: await ehr(c, `/grants/${doctor.user.id}`),
        payload: {},
        headers: patient.headers,
      });
      return { method: 'DELETE', url: await ehr(c, `/grants/${doctor.user.id}`) };
    },
  },
  'POST /api/ehr/:ehrId/break-glass': {
    allowed: { own: practitioners, other: practitioners },
    request: async (c) => ({ method: 'POST', url: await ehr(c, '/break-glass'), payload: { reason: 'Emergency' } }),
  },
  'POST /api/ehr/:ehrId/orders': {
    allowed: { own: ['doctor'], other: [] },
    request: async (c) => ({
      method: 'POST',
      url: await ehr(c, '/orders'),
      payload: { kind: 'imaging', description: 'Chest X-ray' },
    }),
  },
  'GET /api/ehr/:ehrId/orders': {
    allowed: { own: ['patient', 'doctor', 'nurse', 'lab_technician'], other: [] },
    request: async (c) => ({ url: await ehr(c, '/orders') }),
  },
  'POST /api/ehr/:ehrId/orders/:orderId/close': {
    // The open order itself lets any lab technician open the record, hence "other" too.
    allowed: { own: ['doctor', 'lab_technician'], other: ['lab_technician'] },
    request: async (c) => ({
      method: 'POST',
      url: await ehr(c, `/orders/${await c.order()}/close`),
      payload: { status: 'fulfilled' },
    }),
  },
  'GET /api/ehr/:ehrId/access-log': {
    allowed: { own: ['patient'], other: [] },
    request: async (c) => ({ url: await ehr(c, '/access-log') }),
  },
  'GET /api/ehr/:ehrId/compositions/:uuid/restriction': {
    allowed: { own: ['patient'], other: [] },
    request: async (c) => ({ url: await ehr(c, `/compositions/${(await c.composition(c.readable)).uid}/restriction`) }),
  },
  'PUT /api/ehr/:ehrId/compositions/:uuid/restriction': {
    allowed: { own: ['patient'], other: [] },
    request: async (c) => ({
      method: 'PUT',
      url: await ehr(c, `/compositions/${(await c.composition(c.readable)).uid}/restriction`),
      payload: { restricted: true },
    }),
  },
};

test('every route the app registers has a row, and every row a route', () => {
  const registered = new Set(app.apiRoutes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
  const missing = [...registered].filter((route) => !rows[route]);
  const stale = Object.keys(rows).filter((route) => !registered.has(route));
  assert.equal(missing, [], `routes without a row in the authorization matrix: ${missing.join(', ')}`);
  assert.equal(stale, [], `rows for routes that do not exist: ${stale.join(', ')}`);
});

for (const [route, row] of Object.entries(rows)) {
  test(route, async () => {
    const records: Whose[] = Array.isArray(row.allowed) || row.allowed === 'public' ? ['own'] : ['own', 'other'];
    const wrong: string[] = [];
    for (const whose of records) {
      for (const caller of callers) {
        const expected = expectation(row.allowed, caller, whose);
        const context = await contexts.for(caller, whose);
        const request = await row.request(context);
        const response = await app.inject({ ...request, headers: { ...context.headers, ...request.headers } });
        const status = response.statusCode;
        const ok =
          expected === 'allow' ? status >= 200 && status < 300 : status === (expected === 'anonymous' ? 401 : 403);
        if (!ok)
          wrong.push(`${caller} (${whose} record): expected ${expected}, got ${status} ${response.body.slice(0, 160)}`);
      }
    }
    assert.equal(wrong, [], `${route}:\n${wrong.join('\n')}`);
  });
}

function expectation(allowed: Allowed, caller: (typeof callers)[number], whose: Whose): 'allow' | 'deny' | 'anonymous' {
  if (allowed === 'public') return 'allow';
  if (caller === 'anonymous') return 'anonymous';
  const roles = Array.isArray(allowed) ? allowed : allowed[whose];
  return roles.includes(caller) ? 'allow' : 'deny';
}

/** A second session of the caller, whose logout leaves the caller's own token working. */
async function ownSession(c: MatrixContext): Promise<Record<string, string>> {
  if (!c.headers.authorization) return {};
  const me = await app.inject({ url: '/api/me', headers: c.headers });
  const email = me.json<{ email: string }>().email;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: testPassword },
  });
  return { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
}

async function callerId(c: MatrixContext): Promise<string | undefined> {
  if (!c.headers.authorization) return undefined;
  return (await app.inject({ url: '/api/me', headers: c.headers })).json<{ id: string }>().id;
}

let slotsUsed = 0;
/** A fresh slot start of `everyDay` (tomorrow onwards), so no two matrix bookings collide. */
function nextSlotStart(): string {
  const n = slotsUsed++;
  const hour = String(8 + Math.floor((n % 20) / 2)).padStart(2, '0');
  return daysAhead(1 + Math.floor(n / 20), `${hour}:${n % 2 === 0 ? '00' : '30'}`);
}

/** A booked appointment of the caller's (the record's patient with the caller, or with a doctor). */
async function appointmentOf(c: MatrixContext): Promise<string> {
  const { patient } = await c.record();
  const me = await callerId(c);
  const practitionerId = me && practitioners.includes(c.caller as Role) ? me : schedulingDoctor.user.id;
  await replaceAvailability(db, practitionerId, everyDay);
  const booking = {
    practitionerId,
    patientId: patient.user.id,
    start: new Date(nextSlotStart()),
    bookedBy: practitionerId,
  };
  return (await bookAppointment(db, booking, { now: new Date(), horizonDays: 180 })).id;
}

async function currentPolicy(): Promise<Record<string, unknown>> {
  const admin = await signedIn(app, 'admin');
  return (await app.inject({ url: '/api/admin/policy', headers: admin.headers })).json<Record<string, unknown>>();
}

function finding(concept: string) {
  return archetypeDocument({
    id: `test-EHR-OBSERVATION.${concept}.v1`,
    properties: { finding: { $ref: 'docsy:dt/text', title: 'Finding', maxLength: 200 } },
    required: ['finding'],
  });
}

function bloodPressureTemplate(name: string) {
  const archetype = 'openEHR-EHR-OBSERVATION.blood_pressure.v2';
  return templateDocument({
    id: `test.${name}.v1`,
    archetypes: { [archetype]: '2.0.0' },
    slots: [{ id: 'bp', archetype }],
  });
}

test.run();
