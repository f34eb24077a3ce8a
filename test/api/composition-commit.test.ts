import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asClinician, commit, committedIds, exampleOf, openChart } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
test.after(() => app.close());
const vitals = 'docsy.vital_signs.v1';

test('a commit answers 201 with Location, ETag and Last-Modified, and the stored composition', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, vitals);
  const response = await commit(app, chart, body);
  const stored = response.json<Json>();
  const { uid, versionUid } = committedIds(response);

  assert.is(versionUid, `${uid}::${testConfig.systemId}::1`);
  assert.is(response.headers.etag, `"${versionUid}"`);
  assert.is(response.headers.location, `${chart.base}/compositions/${versionUid}`);
  assert.is(response.headers['last-modified'], new Date(String(stored.committedAt)).toUTCString());
  assert.match(String(response.headers['content-type']), /^application\/json/);
  assert.equal(
    { ...stored },
    {
      uid,
      versionUid,
      ehrId: chart.ehrId,
      category: 'event',
      composer: { id: chart.clinician.user.id, name: 'Dr Ada Example' },
      committedAt: stored.committedAt,
      ...body,
    },
  );
  assert.ok(Math.abs(Date.parse(String(stored.committedAt)) - Date.now()) < 60_000, 'committed now');
});

test('the latest version (bare uuid) and the exact version read back the very bytes the commit answered', async () => {
  const chart = await openChart(app);
  const created = await commit(app, chart, await exampleOf(app, chart.clinician, vitals));
  const { uid, versionUid } = committedIds(created);
  for (const id of [uid, versionUid, uid.toUpperCase()]) {
    const read = await asClinician(app, chart, { url: `${chart.base}/compositions/${id}` });
    assert.is(read.statusCode, 200);
    assert.is(read.body, created.body);
    assert.is(read.headers.etag, created.headers.etag);
    assert.is(read.headers['last-modified'], created.headers['last-modified']);
  }
});

test('fields only the server sets are refused, each named, and nothing is written', async () => {
  const chart = await openChart(app);
  const body = {
    ...(await exampleOf(app, chart.clinician, vitals)),
    uid: randomUUID(),
    versionUid: `${randomUUID()}::${testConfig.systemId}::7`,
    ehrId: randomUUID(),
    category: 'persistent',
    composer: { id: 'someone-else', name: 'Someone Else' },
    committedAt: '2001-01-01T00:00:00Z',
  };
  const response = await asClinician(app, chart, { method: 'POST', url: `${chart.base}/compositions`, payload: body });
  const problem = assertProblem(response, 422, 'validation-failed');
  assert.equal(
    problem.errors,
    ['uid', 'versionUid', 'ehrId', 'category', 'composer', 'committedAt'].map((field) => ({
      path: `/${field}`,
      message: 'is set by the server and cannot be sent',
    })),
  );
  const list = await asClinician(app, chart, { url: `${chart.base}/compositions` });
  assert.equal(list.json(), { items: [] });
});

test('a composition that breaks its template is refused with every failing field, in clinical words', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, vitals);
  const content = body.content as { data: Json }[];
  content[0]!.data.systolic = { magnitude: 2000, unit: 'mm[Hg]' };
  content[0]!.data.unheard_of = true;
  (body.context as Json).startTime = 'yesterday';
  const response = await asClinician(app, chart, { method: 'POST', url: `${chart.base}/compositions`, payload: body });
  const problem = assertProblem(response, 422, 'validation-failed');
  const byPath = Object.fromEntries(problem.errors!.map((e) => [e.path, e.message]));
  assert.equal(Object.keys(byPath).sort(), [
    '/content/0/data/systolic/magnitude',
    '/content/0/data/unheard_of',
    '/context/startTime',
  ]);
  assert.match(byPath['/content/0/data/systolic/magnitude']!, /^Systolic: must be .*1000 mm\[Hg\]$/);
  assert.match(byPath['/context/startTime']!, /^Start time: /);
});

test('the template must exist at that revision, be published for a new composition, and not be a draft', async () => {
  const chart = await openChart(app);
  const post = (payload: unknown) =>
    asClinician(app, chart, { method: 'POST', url: `${chart.base}/compositions`, payload });
  const body = await exampleOf(app, chart.clinician, vitals);

  const unknown = assertProblem(await post({ ...body, template: { id: 'docsy.nothing.v1', revision: '1.0.0' } }), 422);
  assert.equal(unknown.errors, [{ path: '/template/id', message: 'no template docsy.nothing.v1 exists' }]);

  const noRevision = assertProblem(await post({ ...body, template: { id: vitals, revision: '1.9.9' } }), 422);
  assert.is(noRevision.errors![0]!.path, '/template/revision');
  assert.match(noRevision.errors![0]!.message, 'has no revision 1.9.9');

  const missing = assertProblem(await post({ context: body.context, content: body.content }), 422);
  assert.equal(missing.errors, [{ path: '/template', message: 'is required' }]);
});

test('an unknown EHR is 404; a malformed EHR id or version id is 400; an unknown composition is 404', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, vitals);
  const nowhere = `/api/ehr/${randomUUID()}`;
  const posted = await asClinician(app, chart, { method: 'POST', url: `${nowhere}/compositions`, payload: body });
  assert.match(assertProblem(posted, 404, 'not-found').detail, /^No EHR /);
  assertProblem(await asClinician(app, chart, { url: `${nowhere}/compositions` }), 404, 'not-found');
  assertProblem(await asClinician(app, chart, { url: '/api/ehr/not-a-uuid/compositions' }), 400, 'invalid-request');
  assertProblem(await asClinician(app, chart, { url: `${chart.base}/compositions/x::y` }), 400, 'invalid-request');
  const unknown = await asClinician(app, chart, { url: `${chart.base}/compositions/${randomUUID()}` });
  assert.match(assertProblem(unknown, 404, 'not-found').detail, /^No composition .* in EHR /);
  const otherSystem = await asClinician(app, chart, {
    url: `${chart.base}/compositions/${randomUUID()}::elsewhere.example::1`,
  });
  assert.match(assertProblem(otherSystem, 404).detail, 'belongs to system elsewhere.example');
});

test('a commit needs a signed-in user', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, vitals);
  const response = await app.inject({ method: 'POST', url: `${chart.base}/compositions`, payload: body });
  assertProblem(response, 401, 'unauthorized');
});

test.run();
