import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CompositionCommits } from '../../server/ehr/composition-commits.js';
import { ApiError } from '../../server/http/api-error.js';
import { KnowledgeRegistry } from '../../server/knowledge/knowledge-registry.js';
import { signedIn } from '../support/accounts.js';
import { asClinician, exampleOf, openChart } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
test.after(() => app.close());
const legacy = 'docsy.allergy_record_legacy.v1';
const { db } = await testDatabase();
const commits = new CompositionCommits(db, KnowledgeRegistry.open(db), testConfig.systemId);

/** A v1 allergy recorded years ago, loaded as history (the legacy template is deprecated now). */
async function recordedUnderV1() {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, legacy);
  body.context = { ...(body.context as Json), startTime: '2019-05-14T10:00:00Z' };
  const committer = { id: chart.clinician.user.id, name: chart.clinician.user.name, role: 'doctor' };
  const committed = await commits.importHistory(chart.ehrId, [{ changeType: 'creation', body }], committer);
  return { chart, body, ...committed.versions[0]! };
}

test('v2 is published and v1 deprecated; a clinician cannot start a new v1 allergy', async () => {
  const doctor = await signedIn(app, 'doctor');
  const lifecycle = async (id: string) =>
    (await app.inject({ url: `/api/archetypes/${id}`, headers: doctor.headers })).json<{
      'x-archetype': { lifecycle: string };
    }>()['x-archetype'].lifecycle;
  assert.is(await lifecycle('openEHR-EHR-EVALUATION.adverse_reaction_risk.v2'), 'published');
  assert.is(await lifecycle('openEHR-EHR-EVALUATION.adverse_reaction_risk.v1'), 'deprecated');
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, legacy);
  const refused = await asClinician(app, chart, { method: 'POST', url: `${chart.base}/compositions`, payload: body });
  assert.match(assertProblem(refused, 422).errors![0]!.message, 'is deprecated and takes no new compositions');
});

test('a v1 allergy still reads, with its own template revision and the v1 archetype', async () => {
  const { chart, uid, versionUid } = await recordedUnderV1();
  const read = await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}` });
  assert.is(read.statusCode, 200, read.body);
  const composition = read.json<{ template: Json; content: { archetype: string; data: Json }[] }>();
  assert.equal(composition.template, { id: legacy, revision: '1.0.0' });
  assert.is(composition.content[0]!.archetype, 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v1');
  assert.equal(composition.content[0]!.data.status, { code: 'confirmed', terminology: 'local', value: 'Confirmed' });
  assert.is(read.headers.etag, `"${versionUid}"`);
  const list = await asClinician(app, chart, { url: `${chart.base}/compositions?template=${legacy}` });
  assert.equal(
    list.json<{ items: { uid: string }[] }>().items.map((item) => item.uid),
    [uid],
  );
});

test('a v1 allergy renders with the form definition of its own revision (status, not verification status)', async () => {
  const { chart } = await recordedUnderV1();
  const form = await asClinician(app, chart, { url: `/api/templates/${legacy}/form?revision=1.0.0` });
  assert.is(form.statusCode, 200, form.body);
  const definition = form.json<{
    template: { lifecycle: string };
    archetypes: Json;
    slots: { children: { key: string }[] }[];
  }>();
  assert.is(definition.template.lifecycle, 'deprecated');
  assert.equal(definition.archetypes['openEHR-EHR-EVALUATION.adverse_reaction_risk.v1'], '1.0.0');
  const keys = definition.slots[0]!.children.map((child) => child.key);
  assert.ok(keys.includes('status') && !keys.includes('verification_status'), keys.join(', '));
});

test('a v1 allergy renders as a PDF document from its own revision', async () => {
  const { chart, uid } = await recordedUnderV1();
  const pdf = await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}/pdf` });
  assert.is(pdf.statusCode, 200, pdf.body.slice(0, 300));
  assert.is(pdf.headers['content-type'], 'application/pdf');
  assert.is(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
});

test('a v1 allergy still validates: an amendment under its own (deprecated) revision is accepted', async () => {
  const { chart, uid, versionUid, body } = await recordedUnderV1();
  const content = body.content as { data: Json }[];
  content[0]!.data.comment = 'Reviewed: still avoids penicillins.';
  const amended = await asClinician(app, chart, {
    method: 'PUT',
    url: `${chart.base}/compositions/${uid}`,
    payload: body,
    headers: { 'if-match': `"${versionUid}"` },
  });
  assert.is(amended.statusCode, 200, amended.body);
  assert.equal(amended.json<{ template: Json }>().template, { id: legacy, revision: '1.0.0' });
  content[0]!.data.status = { code: 'unconfirmed', terminology: 'local', value: 'Unconfirmed' };
  const invalid = await asClinician(app, chart, {
    method: 'PUT',
    url: `${chart.base}/compositions/${uid}`,
    payload: body,
    headers: { 'if-match': amended.headers.etag as string },
  });
  assert.equal(
    assertProblem(invalid, 422).errors!.map((e) => e.path),
    ['/content/0/data/status/code'],
  );
});

test('loading history still validates each composition against its own revision', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, legacy);
  (body.content as { data: Json }[])[0]!.data.status = { code: 'active', terminology: 'local', value: 'Active' };
  const committer = { id: chart.clinician.user.id, name: 'Dr', role: 'doctor' };
  const refusal = await commits
    .importHistory(chart.ehrId, [{ changeType: 'creation', body }], committer)
    .catch((e: unknown) => e);
  assert.instance(refusal, ApiError);
  assert.equal(
    (refusal as ApiError).errors!.map((e) => e.path),
    ['/versions/0/composition/content/0/data/status/code'],
  );
  const list = await asClinician(app, chart, { url: `${chart.base}/compositions` });
  assert.equal(list.json<{ items: unknown[] }>().items, []);
});

test.run();
