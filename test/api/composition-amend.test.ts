import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn } from '../support/accounts.js';
import { asClinician, commit, committedIds, exampleOf, openChart, type Chart } from '../support/compositions.js';
import { archetypeDocument, templateDocument } from '../support/knowledge-fixtures.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
test.after(() => app.close());
const vitals = 'docsy.vital_signs.v1';

const put = (chart: Chart, uid: string, payload: unknown, ifMatch?: string, query = '') =>
  asClinician(app, chart, {
    method: 'PUT',
    url: `${chart.base}/compositions/${uid}${query}`,
    payload,
    ...(ifMatch !== undefined ? { headers: { 'if-match': ifMatch } } : {}),
  });
const remove = (chart: Chart, uid: string, ifMatch?: string, query = '') =>
  asClinician(app, chart, {
    method: 'DELETE',
    url: `${chart.base}/compositions/${uid}${query}`,
    ...(ifMatch !== undefined ? { headers: { 'if-match': ifMatch } } : {}),
  });

async function created(chart: Chart, templateId = vitals) {
  const body = await exampleOf(app, chart.clinician, templateId);
  const response = await commit(app, chart, body);
  return { body, response, ...committedIds(response) };
}

test('an amendment needs If-Match (428), names the current version or is refused with the current ETag (412)', async () => {
  const chart = await openChart(app);
  const { body, uid, versionUid, response } = await created(chart);
  assertProblem(await put(chart, uid, body), 428, 'precondition-required');

  const amended = await put(chart, uid, body, response.headers.etag as string, '?reason=Corrected%20position');
  assert.is(amended.statusCode, 200, amended.body);
  const second = `${uid}::${testConfig.systemId}::2`;
  assert.is(amended.headers.etag, `"${second}"`);
  assert.is(amended.json<Json>().versionUid, second);

  for (const stale of [
    `"${versionUid}"`,
    '*',
    `W/"${second}"`,
    second,
    `"${randomUUID()}::${testConfig.systemId}::2"`,
  ]) {
    const refused = await put(chart, uid, body, stale);
    const problem = assertProblem(refused, 412, 'precondition-failed');
    assert.is(refused.headers.etag, `"${second}"`, stale);
    assert.match(problem.detail, second);
  }
  const history = (await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}/versions` })).json<{
    items: Json[];
  }>();
  assert.equal(
    history.items.map((v) => [v.version, v.changeType, v.reason]),
    [
      [1, 'creation', undefined],
      [2, 'amendment', 'Corrected position'],
    ],
  );
});

test('a uid in the body must be the one in the URL (409); the same uid is accepted', async () => {
  const chart = await openChart(app);
  const { body, uid, response } = await created(chart);
  const other = await put(chart, uid, { ...body, uid: randomUUID() }, response.headers.etag as string);
  assert.equal(assertProblem(other, 409, 'conflict').errors![0]!.path, '/uid');
  const same = await put(chart, uid, { ...body, uid }, response.headers.etag as string);
  assert.is(same.statusCode, 200, same.body);
  assert.is(same.json<Json>().uid, uid);
});

test('a deletion writes a tombstone: 204, then 410 for the composition while its history stays readable', async () => {
  const chart = await openChart(app);
  const { body, uid, versionUid, response } = await created(chart);
  assertProblem(await remove(chart, uid), 428, 'precondition-required');
  const deleted = await remove(chart, uid, response.headers.etag as string, '?reason=Wrong%20patient');
  assert.is(deleted.statusCode, 204);
  const tombstone = `${uid}::${testConfig.systemId}::2`;
  assert.is(deleted.headers.etag, `"${tombstone}"`);
  assert.is(deleted.body, '');

  assertProblem(await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}` }), 410, 'gone');
  assertProblem(await asClinician(app, chart, { url: `${chart.base}/compositions/${tombstone}` }), 410, 'gone');
  const first = await asClinician(app, chart, { url: `${chart.base}/compositions/${versionUid}` });
  assert.is(first.body, response.body);
  assertProblem(await put(chart, uid, body, deleted.headers.etag as string), 410, 'gone');
  assertProblem(await remove(chart, uid, deleted.headers.etag as string), 410, 'gone');

  const entry = await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}/versions/2` });
  assert.is(entry.statusCode, 200);
  assert.equal(
    { ...entry.json<Json>(), committedAt: 'then' },
    {
      version: 2,
      versionUid: tombstone,
      changeType: 'deleted',
      lifecycle: 'deleted',
      committer: { id: chart.clinician.user.id, name: 'Dr Ada Example' },
      committedAt: 'then',
      template: { id: vitals, revision: '1.0.0' },
      contributionId: entry.json<Json>().contributionId,
      reason: 'Wrong patient',
      composition: null,
    },
  );
  const list = await asClinician(app, chart, { url: `${chart.base}/compositions` });
  assert.equal(list.json(), { items: [] });
});

test('amending or deleting a composition that does not exist is 404', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, vitals);
  const uid = randomUUID();
  const tag = `"${uid}::${testConfig.systemId}::1"`;
  assertProblem(await put(chart, uid, body, tag), 404, 'not-found');
  assertProblem(await remove(chart, uid, tag), 404, 'not-found');
  const otherEhr = { ...chart, base: `/api/ehr/${randomUUID()}` };
  assertProblem(await put(otherEhr, uid, body, tag), 404, 'not-found');
});

test('an amendment cannot change the template', async () => {
  const chart = await openChart(app);
  const { uid, response } = await created(chart);
  const allergy = await exampleOf(app, chart.clinician, 'docsy.allergy_record.v1');
  const problem = assertProblem(await put(chart, uid, allergy, response.headers.etag as string), 422);
  assert.equal(problem.errors, [
    {
      path: '/template/id',
      message: `must stay ${vitals}: an amendment cannot change the template; create a new composition instead`,
    },
  ]);
});

test('a deprecated revision takes no new composition, but an amendment may keep it (and may move to a published one)', async () => {
  const modeller = await signedIn(app, 'modeller');
  const publish = async (url: string, payload: Json) => {
    const response = await app.inject({ method: 'POST', url, payload, headers: modeller.headers });
    assert.ok(response.statusCode < 300, response.body);
  };
  const archetypeId = `test-EHR-OBSERVATION.t${randomBytes(5).toString('hex')}.v1`;
  const templateId = `test.t${randomBytes(5).toString('hex')}.v1`;
  const properties = { note: { $ref: 'docsy:dt/text', title: 'Note', maxLength: 100, examples: ['Fine'] } };
  await publish('/api/archetypes', archetypeDocument({ id: archetypeId, properties, required: ['note'] }));
  const template = (revision: string, lifecycle = 'published') => ({
    ...templateDocument({
      id: templateId,
      revision,
      archetypes: { [archetypeId]: '1.0.0' },
      slots: [{ id: 'note', archetype: archetypeId, max: 1 }],
    }),
    lifecycle,
  });
  await publish('/api/templates', template('1.0.0'));

  const chart = await openChart(app);
  const old = await created(chart, templateId);
  await publish('/api/templates', template('1.1.0'));
  await publish('/api/templates', template('1.0.0', 'deprecated'));

  const fresh = await asClinician(app, chart, { method: 'POST', url: `${chart.base}/compositions`, payload: old.body });
  assert.equal(assertProblem(fresh, 422).errors, [
    {
      path: '/template/revision',
      message: `revision 1.0.0 of ${templateId} is deprecated and takes no new compositions; use revision 1.1.0`,
    },
  ]);

  const kept = await put(chart, old.uid, old.body, old.response.headers.etag as string);
  assert.is(kept.statusCode, 200, kept.body);
  const upgradedBody = { ...old.body, template: { id: templateId, revision: '1.1.0' } };
  const upgraded = await put(chart, old.uid, upgradedBody, kept.headers.etag as string);
  assert.is(upgraded.statusCode, 200, upgraded.body);
  const back = await put(chart, old.uid, old.body, upgraded.headers.etag as string);
  assert.equal(assertProblem(back, 422).errors, [
    {
      path: '/template/revision',
      message: "is deprecated: an amendment keeps the composition's revision 1.1.0 or moves to a published one",
    },
  ]);
});

test.run();
