import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compositionValidators } from '../../server/knowledge/composition-validators.js';
import type { FormDefinition } from '../../server/knowledge/form-definition.js';
import { KnowledgeRegistry } from '../../server/knowledge/knowledge-registry.js';
import { signedIn } from '../support/accounts.js';
import { archetypeDocument, templateDocument } from '../support/knowledge-fixtures.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const modeller = await signedIn(app, 'modeller');
const doctor = await signedIn(app, 'doctor');
const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as Json, headers: modeller.headers });
const get = (url: string) => app.inject({ method: 'GET', url, headers: doctor.headers });

/** A fresh archetype id, so tests never meet each other's data. */
const freshId = (cls = 'OBSERVATION') => `test-EHR-${cls}.t${randomBytes(5).toString('hex')}.v1`;

function severity(id: string, revision: string, codes: string[], extra: Json = {}): Json {
  return archetypeDocument({
    id,
    revision,
    properties: {
      finding: { $ref: 'docsy:dt/text', title: 'Finding', maxLength: 200, examples: ['Wheeze on expiration'] },
      severity: {
        $ref: 'docsy:dt/coded_text',
        title: 'Severity',
        'x-codes': codes.map((code) => ({ code, value: code[0]!.toUpperCase() + code.slice(1) })),
      },
      ...extra,
    },
    required: ['finding'],
  });
}

test('an archetype and a template no code knows are published, resolved and validated without a restart', async () => {
  const id = freshId();
  const templateId = `test.t${randomBytes(5).toString('hex')}.v1`;
  const created = await post('/api/archetypes', severity(id, '1.0.0', ['mild', 'severe']));
  assert.is(created.statusCode, 201, created.body);
  assert.is(created.headers.location, `/api/archetypes/${id}?revision=1.0.0`);
  assert.equal(created.json<Json>().outcome, 'created');

  const template = templateDocument({
    id: templateId,
    archetypes: { [id]: '1.0.0' },
    slots: [{ id: 'finding', archetype: id, max: 2 }],
  });
  assert.is((await post('/api/templates', template)).statusCode, 201);

  const formResponse = await get(`/api/templates/${templateId}/form`);
  assert.is(formResponse.statusCode, 200);
  const form = formResponse.json<FormDefinition>();
  assert.equal(form.archetypes, { [id]: '1.0.0' });
  assert.equal(
    form.slots[0]!.children.map((c) => c.key),
    ['finding', 'severity'],
  );

  const example = (await get(`/api/templates/${templateId}/example`)).json<Json>();
  assert.equal(compositionValidators.validate(form, example), []);
  const broken = {
    ...example,
    content: [
      {
        slot: 'finding',
        archetype: id,
        revision: '1.0.0',
        data: { severity: { code: 'moderate', terminology: 'local', value: 'Moderate' } },
      },
    ],
  };
  const errors = compositionValidators.validate(form, broken).sort((a, b) => a.path.localeCompare(b.path));
  assert.equal(errors, [
    { path: '/content/0/data/finding', message: 'Finding: is required' },
    { path: '/content/0/data/severity/code', message: 'Severity: must be one of Mild or Severe' },
  ]);
});

test('reading needs a signed-in user; publishing needs the modeller role', async () => {
  assertProblem(await app.inject({ method: 'GET', url: '/api/templates' }), 401, 'unauthorized');
  assertProblem(await app.inject({ method: 'GET', url: '/api/templates/docsy.vital_signs.v1/form' }), 401);
  const patient = await signedIn(app, 'patient');
  const read = await app.inject({ method: 'GET', url: '/api/templates', headers: patient.headers });
  assert.is(read.statusCode, 200);
  const id = freshId();
  const refused = await app.inject({
    method: 'POST',
    url: '/api/archetypes',
    payload: severity(id, '1.0.0', ['mild']),
    headers: doctor.headers,
  });
  assert.match(assertProblem(refused, 403, 'forbidden').detail, /modeller/);
  assertProblem(
    await app.inject({ method: 'POST', url: '/api/archetypes', payload: severity(id, '1.0.0', ['mild']) }),
    401,
  );
  assertProblem(await get(`/api/archetypes/${id}`), 404, 'not-found');
  const created = await post('/api/archetypes', severity(id, '1.0.0', ['mild']));
  assert.is(created.statusCode, 201);
  const revisions = (await get(`/api/archetypes/${id}/revisions`)).json<{ items: { createdBy: string }[] }>();
  assert.is(revisions.items[0]!.createdBy, `user:${modeller.user.id}`);
});

test('publishing the same revision again changes nothing; other content under that revision is a conflict', async () => {
  const id = freshId();
  assert.is((await post('/api/archetypes', severity(id, '1.0.0', ['mild']))).statusCode, 201);
  const again = await post('/api/archetypes', severity(id, '1.0.0', ['mild']));
  assert.equal([again.statusCode, again.json<Json>().outcome], [200, 'unchanged']);
  const problem = assertProblem(
    await post('/api/archetypes', severity(id, '1.0.0', ['mild', 'severe'])),
    409,
    'conflict',
  );
  assert.match(problem.detail, /already released with other content; publish a new revision/);
});

test('a compatible revision is accepted; a breaking one is refused with each change, and nothing is stored', async () => {
  const id = freshId();
  await post('/api/archetypes', severity(id, '1.0.0', ['mild', 'severe']));
  assert.is((await post('/api/archetypes', severity(id, '1.1.0', ['mild', 'moderate', 'severe']))).statusCode, 201);

  const breaking = severity(id, '1.2.0', ['mild', 'moderate'], { grade: { $ref: 'docsy:dt/count', title: 'Grade' } });
  (breaking.required as string[]).push('grade');
  const problem = assertProblem(await post('/api/archetypes', breaking), 422, 'validation-failed');
  assert.match(problem.detail, /2 breaking change/);
  assert.equal(
    problem.errors?.map((e) => e.path),
    ['/properties/severity', '/properties/grade'],
  );
  assert.match(
    problem.errors![0]!.message,
    /^breaking change \(codes-removed\): code "severe" \(Severe\) was removed; a breaking change needs a new major version/,
  );
  assert.match(problem.errors![1]!.message, /new-mandatory-element/);
  const revisions = (await get(`/api/archetypes/${id}/revisions`)).json<{ items: { revision: string }[] }>();
  assert.equal(
    revisions.items.map((r) => r.revision),
    ['1.0.0', '1.1.0'],
  );
});

test('a dry run reports without storing', async () => {
  const id = freshId();
  const checked = await post('/api/archetypes?dryRun=true', severity(id, '1.0.0', ['mild']));
  assert.equal([checked.statusCode, checked.json<Json>().outcome], [200, 'checked']);
  assertProblem(await get(`/api/archetypes/${id}`), 404, 'not-found');
});

test('an invalid file is refused with every problem, named for a modeller', async () => {
  const document = archetypeDocument({
    id: freshId(),
    properties: {
      weight: { $ref: 'docsy:dt/quantity', title: 'Weight', 'x-unit': [{ unit: 'kg' }] },
      code: { $ref: 'docsy:dt/text', title: 'Code', pattern: '^(a|aa)+$' },
    },
  });
  const problem = assertProblem(await post('/api/archetypes', document), 422, 'validation-failed');
  assert.equal(problem.errors?.[0]?.path, '/properties/weight/x-unit');
  assert.match(problem.errors![0]!.message, /did you mean "x-units"/);
  assertProblem(await post('/api/archetypes', [1, 2]), 422);
});

test('a template pinning a revision the registry lacks is refused', async () => {
  const id = freshId();
  await post('/api/archetypes', severity(id, '1.0.0', ['mild']));
  const template = templateDocument({
    id: `test.t${randomBytes(5).toString('hex')}.v1`,
    archetypes: { [id]: '1.3.0' },
    slots: [{ id: 's', archetype: id }],
  });
  const problem = assertProblem(await post('/api/templates', template), 422);
  assert.equal(problem.errors, [
    { path: `/archetypes/${id}`, message: `archetype ${id} revision 1.3.0 is not in the registry` },
  ]);
});

test('a revision below the latest released one is refused', async () => {
  const id = freshId();
  await post('/api/archetypes', severity(id, '1.2.0', ['mild']));
  const problem = assertProblem(await post('/api/archetypes', severity(id, '1.1.0', ['mild'])), 422);
  assert.equal(problem.errors, [
    { path: '/x-archetype/revision', message: 'must be above 1.2.0, the latest released revision' },
  ]);
});

test('a published revision can be deprecated, and still serves its form', async () => {
  const id = freshId();
  const templateId = `test.t${randomBytes(5).toString('hex')}.v1`;
  await post('/api/archetypes', severity(id, '1.0.0', ['mild']));
  const template = templateDocument({
    id: templateId,
    archetypes: { [id]: '1.0.0' },
    slots: [{ id: 's', archetype: id }],
  });
  await post('/api/templates', template);
  const deprecated = await post('/api/templates', { ...template, lifecycle: 'deprecated' });
  assert.equal([deprecated.statusCode, deprecated.json<Json>().outcome], [200, 'updated']);
  const form = await get(`/api/templates/${templateId}/form?revision=1.0.0`);
  assert.is(form.statusCode, 200);
  assert.is(form.json<FormDefinition>().template.lifecycle, 'deprecated');
  assert.match(String(form.headers['cache-control']), /immutable/);
});

test('elements keep the order of the file after storage: a server started later shows the same form', async () => {
  const id = freshId();
  const templateId = `test.order${randomBytes(4).toString('hex')}.v1`;
  // Longer names first: an order that jsonb's normalisation (shorter keys first) would reverse.
  const archetype = archetypeDocument({
    id,
    properties: {
      presenting_complaint: { $ref: 'docsy:dt/text', title: 'Presenting complaint', maxLength: 200 },
      onset: { $ref: 'docsy:dt/text', title: 'Onset', maxLength: 200 },
      pain: { $ref: 'docsy:dt/count', title: 'Pain', minimum: 0, maximum: 10 },
    },
  });
  assert.is((await post('/api/archetypes', archetype)).statusCode, 201);
  const template = templateDocument({
    id: templateId,
    archetypes: { [id]: '1.0.0' },
    slots: [{ id: 's', archetype: id }],
  });
  assert.is((await post('/api/templates', template)).statusCode, 201);
  const later = KnowledgeRegistry.open(db);
  const labels = (await later.form(templateId)).slots[0]!.children.map((element) => element.label);
  assert.equal(labels, ['Presenting complaint', 'Onset', 'Pain']);
  const stored = (await get(`/api/archetypes/${id}`)).json<Json>();
  assert.equal(Object.keys(stored.properties as Json), ['presenting_complaint', 'onset', 'pain']);
});

test('the database itself refuses to change or remove a released revision', async () => {
  const id = freshId();
  await post('/api/archetypes', severity(id, '1.0.0', ['mild']));
  const change = sql`update knowledge_revision set title = 'Changed' where id = ${id}`.execute(db);
  await change.then(
    () => assert.unreachable('the update went through'),
    (error: Error) => assert.match(error.message, /released and cannot change/),
  );
  const removal = sql`delete from knowledge_revision where id = ${id}`.execute(db);
  await removal.then(
    () => assert.unreachable('the delete went through'),
    (error: Error) => assert.match(error.message, /released and cannot change/),
  );
});

test('lists are paginated with a cursor, and unknown ids are 404 problems', async () => {
  const first = (await get('/api/archetypes?limit=2')).json<{ items: { id: string }[]; next: string }>();
  assert.is(first.items.length, 2);
  const second = (await get(`/api/archetypes?limit=2&cursor=${first.next}`)).json<{ items: { id: string }[] }>();
  assert.ok(second.items[0]!.id > first.items[1]!.id, 'the next page starts after the last item');
  assertProblem(await get('/api/archetypes?cursor=nonsense'), 400);
  assertProblem(await get('/api/templates/docsy.nothing.v1/form'), 404, 'not-found');
  assertProblem(await get('/api/archetypes/openEHR-EHR-OBSERVATION.nothing.v1/revisions'), 404);
});

test('the worked example of docs/modelling.md publishes and refuses what the page says', async () => {
  const archetype = JSON.parse(
    await readFile('test/fixtures/modelling-example/openEHR-EHR-OBSERVATION.pulse_oximetry.v1.json', 'utf8'),
  );
  const template = JSON.parse(await readFile('test/fixtures/modelling-example/docsy.pulse_oximetry.v1.json', 'utf8'));
  assert.is((await post('/api/archetypes', archetype)).statusCode, 201);
  assert.is((await post('/api/templates', template)).statusCode, 201);
  const form = (await get('/api/templates/docsy.pulse_oximetry.v1/form')).json<FormDefinition>();
  const reading = (data: Json) => ({
    template: { id: 'docsy.pulse_oximetry.v1', revision: '1.0.0' },
    context: { startTime: '2026-11-26T08:15:00+01:00' },
    content: [{ slot: 'reading', archetype: 'openEHR-EHR-OBSERVATION.pulse_oximetry.v1', revision: '1.0.0', data }],
  });
  const oxygen = { code: 'supplemental_oxygen', terminology: 'local', value: 'Supplemental oxygen' };
  const roomAir = { code: 'room_air', terminology: 'local', value: 'Room air' };
  const spo2 = { numerator: 91, denominator: 100 };
  assert.equal(
    compositionValidators.validate(
      form,
      reading({
        spo2,
        pulse_rate: { magnitude: 96, unit: '/min' },
        inspired_oxygen: oxygen,
        oxygen_flow: { magnitude: 2, unit: 'L/min' },
      }),
    ),
    [],
  );
  assert.equal(compositionValidators.validate(form, reading({ spo2, pulse_rate: { magnitude: 400, unit: '/min' } })), [
    { path: '/content/0/data/pulse_rate/magnitude', message: 'Pulse rate: must be at most 350 beats/min' },
  ]);
  assert.equal(
    compositionValidators.validate(
      form,
      reading({
        spo2,
        pulse_rate: { magnitude: 96, unit: '/min' },
        inspired_oxygen: roomAir,
        oxygen_flow: { magnitude: 2, unit: 'L/min' },
      }),
    ),
    [
      {
        path: '/content/0/data/oxygen_flow',
        message: 'Oxygen flow rate: must be left empty unless Breathing is Supplemental oxygen',
      },
    ],
  );
  const withCpap = structuredClone(archetype);
  withCpap['x-archetype'].revision = '1.1.0';
  withCpap.properties.inspired_oxygen['x-codes'].push({ code: 'cpap', value: 'CPAP' });
  assert.is((await post('/api/archetypes', withCpap)).statusCode, 201);
  const withoutRoomAir = structuredClone(withCpap);
  withoutRoomAir['x-archetype'].revision = '1.2.0';
  withoutRoomAir.properties.inspired_oxygen['x-codes'].shift();
  assertProblem(await post('/api/archetypes', withoutRoomAir), 422);
});

test.run();
