import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FormDefinition } from '../../server/knowledge/form-definition.js';
import { signedIn } from '../support/accounts.js';
import { archetypeDocument, templateDocument } from '../support/knowledge-fixtures.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;
type Preview = { form: FormDefinition; breaking: { path: string; kind: string; message: string }[] };

const app = await buildTestApp();
test.after(() => app.close());
const modeller = await signedIn(app, 'modeller');
const preview = (payload: Json, headers = modeller.headers) =>
  app.inject({ method: 'POST', url: '/api/knowledge/preview', payload, headers });
const freshId = () => `test-EHR-OBSERVATION.p${randomBytes(5).toString('hex')}.v1`;
const draft = (id: string, revision = '1.0.0', codes = ['mild', 'severe']) =>
  archetypeDocument({
    id,
    revision,
    lifecycle: 'draft',
    properties: {
      finding: { $ref: 'docsy:dt/text', title: 'Finding', maxLength: 200, examples: ['Wheeze'] },
      severity: {
        $ref: 'docsy:dt/coded_text',
        title: 'Severity',
        'x-codes': codes.map((code) => ({ code, value: code })),
      },
    },
    required: ['finding'],
  });

test('a draft archetype alone previews as a one-slot form, and nothing is stored', async () => {
  const id = freshId();
  const response = await preview({ archetypes: [draft(id)] });
  assert.is(response.statusCode, 200, response.body);
  const { form, breaking } = response.json<Preview>();
  assert.equal(
    form.slots.map((s) => [s.archetype.id, s.children.map((c) => c.key)]),
    [[id, ['finding', 'severity']]],
  );
  assert.equal(breaking, []);
  assertProblem(await app.inject({ method: 'GET', url: `/api/archetypes/${id}`, headers: modeller.headers }), 404);
});

test('a draft template over a draft archetype previews with its constraints', async () => {
  const id = freshId();
  const template = templateDocument({
    id: `test.p${randomBytes(4).toString('hex')}.v1`,
    archetypes: { [id]: '1.0.0' },
    slots: [{ id: 's', archetype: id, constraints: { '/severity': { codes: ['severe'] } } }],
  });
  const { form } = (await preview({ template, archetypes: [draft(id)] })).json<Preview>();
  const severity = form.slots[0]!.children.find((c) => c.key === 'severity')!;
  assert.equal(
    severity.kind === 'element' && severity.value.type === 'coded_text' && severity.value.codes?.map((c) => c.code),
    ['severe'],
  );
});

test('the preview reports breaking changes against the latest released revision', async () => {
  const id = freshId();
  const released = { ...draft(id), 'x-archetype': { ...(draft(id)['x-archetype'] as Json), lifecycle: 'published' } };
  assert.is(
    (await app.inject({ method: 'POST', url: '/api/archetypes', payload: released, headers: modeller.headers }))
      .statusCode,
    201,
  );
  const { breaking } = (await preview({ archetypes: [draft(id, '1.1.0', ['mild'])] })).json<Preview>();
  assert.equal(
    breaking.map((b) => [b.path, b.kind]),
    [['/archetypes/0: /severity', 'codes-removed']],
  );
});

test('each edit of an unstored revision is previewed as it is now, and then publishes', async () => {
  const archetypeId = freshId();
  const published = archetypeDocument({
    id: archetypeId,
    properties: { finding: { $ref: 'docsy:dt/text', title: 'Finding', maxLength: 200, examples: ['Wheeze'] } },
  });
  const template = templateDocument({
    id: `test.p${randomBytes(4).toString('hex')}.v1`,
    archetypes: { [archetypeId]: '1.0.0' },
    slots: [{ id: 's', archetype: archetypeId, min: 1 }],
  });
  for (const [collection, payload] of [
    ['archetypes', published],
    ['templates', template],
  ] as const) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/${collection}`,
      payload,
      headers: modeller.headers,
    });
    assert.is(response.statusCode, 201, response.body);
  }
  // The modeller's next revision keeps "published" while it is edited: the same id and revision each time.
  const edit = (slot: Json) => ({
    ...template,
    revision: '1.1.0',
    slots: [{ id: 's', archetype: archetypeId, ...slot }],
  });
  const narrowed = (await preview({ template: edit({ min: 2, max: 2 }) })).json<Preview>();
  assert.equal(
    narrowed.breaking.map((b) => b.kind),
    ['occurrences-narrowed'],
  );
  const relabelled = await preview({ template: edit({ min: 1, max: 1, label: 'Findings' }) });
  assert.is(relabelled.statusCode, 200, relabelled.body);
  assert.equal(relabelled.json<Preview>().breaking, []);
  const publishing = await app.inject({
    method: 'POST',
    url: '/api/templates',
    payload: edit({ min: 1, max: 1, label: 'Findings' }),
    headers: modeller.headers,
  });
  assert.is(publishing.statusCode, 201, publishing.body);
});

test('problems in a draft are named with paths into the request; only modellers preview', async () => {
  const broken = draft(freshId());
  (broken.properties as Json).finding = { $ref: 'docsy:dt/text', title: 'Finding', 'x-widget': 'slider' };
  const problem = assertProblem(await preview({ archetypes: [broken] }), 422, 'validation-failed');
  assert.equal(
    problem.errors?.map((e) => e.path),
    ['/archetypes/0/properties/finding/x-widget'],
  );
  const doctor = await signedIn(app, 'doctor');
  assertProblem(await preview({ archetypes: [draft(freshId())] }, doctor.headers), 403, 'forbidden');
  assertProblem(await preview({}), 422);
});

test.run();
