import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, testAccount } from '../support/accounts.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());

const lookUp = (id: string, headers?: { authorization: string }) =>
  app.inject({ method: 'GET', url: `/api/patients/${id}`, ...(headers ? { headers } : {}) });

test('a practitioner reads one patient’s summary by id, without a care relationship', async () => {
  const { user } = await testAccount('patient', { name: 'Lou Kup', birthDate: '1950-02-03' });
  for (const role of ['doctor', 'nurse', 'lab_technician', 'pharmacist'] as const) {
    const practitioner = await signedIn(app, role);
    const response = await lookUp(user.id, practitioner.headers);
    assert.is(response.statusCode, 200, role);
    assert.equal(response.json(), { id: user.id, name: 'Lou Kup', birthDate: '1950-02-03', ehrId: user.ehrId });
  }
});

test('an unknown, disabled or non-patient account is 404; a malformed id 400', async () => {
  const doctor = await signedIn(app, 'doctor');
  const disabled = await testAccount('patient', { status: 'disabled' });
  const nurse = await testAccount('nurse');
  for (const id of [randomUUID(), disabled.user.id, nurse.user.id])
    assertProblem(await lookUp(id, doctor.headers), 404, 'not-found');
  assertProblem(await lookUp('not-a-uuid', doctor.headers), 400, 'invalid-request');
});

test('patients, modellers and admins cannot look patients up; anonymous callers are 401', async () => {
  const { user } = await testAccount('patient');
  for (const role of ['patient', 'modeller', 'admin'] as const) {
    assertProblem(await lookUp(user.id, (await signedIn(app, role)).headers), 403, 'forbidden');
  }
  assertProblem(await lookUp(user.id), 401);
});

test.run();
