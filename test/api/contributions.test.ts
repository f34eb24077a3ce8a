import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asClinician, commit, committedIds, exampleOf, openChart, type Chart } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const contribute = (chart: Chart, payload: Json) =>
  asClinician(app, chart, { method: 'POST', url: `${chart.base}/contributions`, payload });

/** Everything an EHR holds: versions, contributions, commit audit events. */
async function holdings(ehrId: string) {
  const count = async (table: 'composition_version' | 'contribution' | 'audit_event') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ehr_id', '=', ehrId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    versions: await count('composition_version'),
    contributions: await count('contribution'),
    audit: await count('audit_event'),
  };
}

test('a contribution commits several versions atomically, and reads back with its audit details', async () => {
  const chart = await openChart(app);
  const vitals = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
  const allergy = await exampleOf(app, chart.clinician, 'docsy.allergy_record.v1');
  const existing = await commit(app, chart, vitals);
  const { uid, versionUid } = committedIds(existing);
  const gone = committedIds(await commit(app, chart, vitals));

  const response = await contribute(chart, {
    reason: 'Transcribed from the paper chart',
    versions: [
      { changeType: 'creation', composition: allergy },
      { changeType: 'modification', uid, precedingVersionUid: versionUid, composition: vitals },
      { changeType: 'deleted', uid: gone.uid, precedingVersionUid: gone.versionUid },
    ],
  });
  assert.is(response.statusCode, 201, response.body);
  const result = response.json<{ contributionId: string; committedAt: string; versions: Json[] }>();
  assert.is(response.headers.location, `${chart.base}/contributions/${result.contributionId}`);
  const created = result.versions[0]!;
  assert.equal(result.versions, [
    { uid: created.uid, versionUid: `${created.uid}::${testConfig.systemId}::1`, changeType: 'creation' },
    { uid, versionUid: `${uid}::${testConfig.systemId}::2`, changeType: 'modification' },
    { uid: gone.uid, versionUid: `${gone.uid}::${testConfig.systemId}::2`, changeType: 'deleted' },
  ]);

  const read = await asClinician(app, chart, { url: response.headers.location as string });
  assert.is(read.statusCode, 200);
  const record = read.json<Json>();
  assert.equal(record.committer, { id: chart.clinician.user.id, name: 'Dr Ada Example' });
  assert.equal(record.changeTypes, ['creation', 'deleted', 'modification']);
  assert.is(record.reason, 'Transcribed from the paper chart');
  assert.is(record.committedAt, result.committedAt);
  assert.equal(
    (record.versions as Json[]).map((v) => v.versionUid).sort(),
    result.versions.map((v) => v.versionUid).sort(),
  );
  const history = await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}/versions/2` });
  assert.is(history.json<Json>().reason, 'Transcribed from the paper chart');
});

test('a contribution with one invalid version writes nothing: no version, no contribution, no audit event', async () => {
  const chart = await openChart(app);
  const vitals = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
  const existing = committedIds(await commit(app, chart, vitals));
  const before = await holdings(chart.ehrId);
  const broken = structuredClone(vitals);
  ((broken.content as Json[])[0]!.data as Json).systolic = { magnitude: -5, unit: 'mm[Hg]' };

  const response = await contribute(chart, {
    versions: [
      { changeType: 'creation', composition: vitals },
      { changeType: 'amendment', uid: existing.uid, precedingVersionUid: existing.versionUid, composition: vitals },
      { changeType: 'creation', composition: broken },
    ],
  });
  const problem = assertProblem(response, 422, 'validation-failed');
  assert.equal(
    problem.errors!.map((e) => e.path),
    ['/versions/2/composition/content/0/data/systolic/magnitude'],
  );
  assert.equal(await holdings(chart.ehrId), before);
});

test('a contribution with one stale version writes nothing and answers 412 naming it', async () => {
  const chart = await openChart(app);
  const vitals = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
  const first = committedIds(await commit(app, chart, vitals));
  const second = committedIds(await commit(app, chart, vitals));
  const amended = await asClinician(app, chart, {
    method: 'PUT',
    url: `${chart.base}/compositions/${second.uid}`,
    payload: vitals,
    headers: { 'if-match': `"${second.versionUid}"` },
  });
  const before = await holdings(chart.ehrId);

  const response = await contribute(chart, {
    versions: [
      { changeType: 'amendment', uid: first.uid, precedingVersionUid: first.versionUid, composition: vitals },
      { changeType: 'deleted', uid: second.uid, precedingVersionUid: second.versionUid },
    ],
  });
  const problem = assertProblem(response, 412, 'precondition-failed');
  assert.is(response.headers.etag, amended.headers.etag);
  assert.equal(problem.errors, [
    {
      path: '/versions/1/precedingVersionUid',
      message: `is not the current version ${second.uid}::${testConfig.systemId}::2`,
    },
  ]);
  assert.equal(await holdings(chart.ehrId), before);
});

test('each version of a contribution carries what its change type needs, and changes a composition once', async () => {
  const chart = await openChart(app);
  const vitals = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
  const existing = committedIds(await commit(app, chart, vitals));
  const response = await contribute(chart, {
    versions: [
      { changeType: 'creation', uid: existing.uid, composition: vitals },
      { changeType: 'amendment', composition: vitals },
      { changeType: 'deleted', uid: existing.uid, precedingVersionUid: existing.versionUid, composition: vitals },
    ],
  });
  assert.equal(assertProblem(response, 422).errors, [
    { path: '/versions/0/uid', message: 'is set by the server for a creation' },
    { path: '/versions/1/uid', message: 'is required: the composition changed' },
    { path: '/versions/1/precedingVersionUid', message: 'is required: the version being changed' },
    { path: '/versions/2/composition', message: 'is not sent for a deletion' },
  ]);
  const twice = await contribute(chart, {
    versions: [
      { changeType: 'amendment', uid: existing.uid, precedingVersionUid: existing.versionUid, composition: vitals },
      { changeType: 'deleted', uid: existing.uid, precedingVersionUid: existing.versionUid },
    ],
  });
  assert.equal(assertProblem(twice, 422).errors, [
    { path: '/versions/1/uid', message: 'is changed by an earlier version of this contribution' },
  ]);
  assertProblem(await contribute(chart, { versions: [] }), 422, 'validation-failed');
});

test.run();
