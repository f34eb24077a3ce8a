import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, testAccount } from '../support/accounts.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());

type Found = { items: { id: string; name: string; birthDate: string | null; ehrId: string }[]; next?: string };
const doctor = await signedIn(app, 'doctor');
const search = async (q: string, extra = '') =>
  app.inject({ method: 'GET', url: `/api/patients?q=${encodeURIComponent(q)}${extra}`, headers: doctor.headers });

// A surname no other test uses, so the results are exactly these patients.
const surname = `Zq${randomBytes(4).toString('hex')}`;
const ada = await testAccount('patient', { name: `Ada ${surname}`, birthDate: '1971-12-10' });
const alan = await testAccount('patient', { name: `Alan ${surname}`, birthDate: '1962-06-23' });
await testAccount('patient', { name: `Pending ${surname}`, status: 'disabled' });
await testAccount('nurse', { name: `Nurse ${surname}` });

test('a practitioner finds active patients by words of their name, ordered by name', async () => {
  const found = (await search(surname.toLowerCase())).json<Found>();
  assert.equal(
    found.items.map((p) => p.name),
    [`Ada ${surname}`, `Alan ${surname}`],
  );
  assert.equal(found.items[0], {
    id: ada.user.id,
    name: `Ada ${surname}`,
    birthDate: '1971-12-10',
    ehrId: ada.user.ehrId!,
  });
  assert.equal(
    (await search(`ala ${surname}`)).json<Found>().items.map((p) => p.id),
    [alan.user.id],
  );
});

test('by birth date and by email', async () => {
  assert.ok((await search('1962-06-23')).json<Found>().items.some((p) => p.id === alan.user.id));
  assert.equal(
    (await search(ada.email.toUpperCase())).json<Found>().items.map((p) => p.id),
    [ada.user.id],
  );
});

test('results come in pages', async () => {
  const first = (await search(surname, '&limit=1')).json<Found>();
  assert.equal(
    first.items.map((p) => p.id),
    [ada.user.id],
  );
  const second = (await search(surname, `&limit=1&cursor=${first.next}`)).json<Found>();
  assert.equal([second.items.map((p) => p.id), second.next], [[alan.user.id], undefined]);
});

test('patients, modellers and admins cannot search; a query of one letter is refused', async () => {
  for (const role of ['patient', 'modeller', 'admin'] as const) {
    const other = await signedIn(app, role);
    assertProblem(
      await app.inject({ method: 'GET', url: `/api/patients?q=${surname}`, headers: other.headers }),
      403,
      'forbidden',
    );
  }
  assertProblem(await search('a'), 400);
  assertProblem(await app.inject({ method: 'GET', url: `/api/patients?q=${surname}` }), 401);
});

test.run();
