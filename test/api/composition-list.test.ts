import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asClinician, commit, committedIds, exampleOf, openChart, type Chart } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig } from '../support/test-app.js';

type Json = Record<string, unknown>;
interface Item {
  uid: string;
  versionUid: string;
  template: { id: string; revision: string };
  category: string;
  startTime: string;
  composer: { id: string; name: string };
  committedAt: string;
  restricted: boolean;
}

const app = await buildTestApp();
test.after(() => app.close());

async function commitAt(chart: Chart, templateId: string, startTime: string): Promise<string> {
  const body = await exampleOf(app, chart.clinician, templateId);
  (body.context as Json).startTime = startTime;
  return committedIds(await commit(app, chart, body)).uid;
}

const list = async (chart: Chart, query = '') => {
  const response = await asClinician(app, chart, { url: `${chart.base}/compositions${query}` });
  assert.is(response.statusCode, 200, response.body);
  return response.json<{ items: Item[]; next?: string }>();
};

test('the list shows current compositions newest first, in the shape of SPEC §3, and leaves deleted ones out', async () => {
  const chart = await openChart(app);
  const older = await commitAt(chart, 'docsy.vital_signs.v1', '2025-01-10T09:00:00+01:00');
  const newer = await commitAt(chart, 'docsy.allergy_record.v1', '2025-06-01T12:30:00+02:00');
  const removed = await commitAt(chart, 'docsy.vital_signs.v1', '2025-07-01T08:00:00Z');
  const etag = `"${removed}::${testConfig.systemId}::1"`;
  await asClinician(app, chart, {
    method: 'DELETE',
    url: `${chart.base}/compositions/${removed}`,
    headers: { 'if-match': etag },
  });

  const { items, next } = await list(chart);
  assert.is(next, undefined);
  assert.equal(
    items.map((i) => i.uid),
    [newer, older],
  );
  const item = items[0]!;
  assert.equal(item, {
    uid: newer,
    versionUid: `${newer}::${testConfig.systemId}::1`,
    template: { id: 'docsy.allergy_record.v1', revision: '1.0.0' },
    category: 'persistent',
    startTime: '2025-06-01T10:30:00.000Z',
    composer: { id: chart.clinician.user.id, name: 'Dr Ada Example' },
    committedAt: item.committedAt,
    restricted: false,
  });
});

test('filters: template, archetype, category, and a start time range', async () => {
  const chart = await openChart(app);
  const vitals = await commitAt(chart, 'docsy.vital_signs.v1', '2024-03-01T10:00:00Z');
  const allergy = await commitAt(chart, 'docsy.allergy_record.v1', '2024-05-01T10:00:00Z');
  const later = await commitAt(chart, 'docsy.vital_signs.v1', '2024-09-01T10:00:00Z');
  const uids = async (query: string) => (await list(chart, query)).items.map((i) => i.uid);

  assert.equal(await uids('?template=docsy.vital_signs.v1'), [later, vitals]);
  assert.equal(await uids('?archetype=openEHR-EHR-EVALUATION.adverse_reaction_risk.v2'), [allergy]);
  assert.equal(await uids('?archetype=openEHR-EHR-OBSERVATION.blood_pressure.v2'), [later, vitals]);
  assert.equal(await uids('?category=persistent'), [allergy]);
  assert.equal(await uids('?from=2024-04-01T00:00:00Z&to=2024-09-01T10:00:00Z'), [allergy]);
  assert.equal(await uids('?from=2024-03-01T10:00:00Z'), [later, allergy, vitals]);
  assertProblem(
    await asClinician(app, chart, { url: `${chart.base}/compositions?category=other` }),
    400,
    'invalid-request',
  );
  assertProblem(await asClinician(app, chart, { url: `${chart.base}/compositions?sort=x` }), 400, 'invalid-request');
});

test('pages follow one another with the cursor, without gaps or repeats, also for equal start times', async () => {
  const chart = await openChart(app);
  const committed: string[] = [];
  for (const startTime of [
    '2023-01-01T00:00:00Z',
    '2023-01-02T00:00:00Z',
    '2023-01-02T00:00:00Z',
    '2023-01-03T00:00:00.123456Z',
    '2023-01-04T00:00:00Z',
  ]) {
    committed.push(await commitAt(chart, 'docsy.vital_signs.v1', startTime));
  }
  const seen: string[] = [];
  let query = '?limit=2';
  for (;;) {
    const page = await list(chart, query);
    assert.ok(page.items.length <= 2);
    seen.push(...page.items.map((i) => i.uid));
    if (!page.next) break;
    query = `?limit=2&cursor=${page.next}`;
  }
  assert.is(seen.length, 5);
  assert.equal([...seen].sort(), [...committed].sort());
  assert.equal(seen.slice(0, 2), [committed[4], committed[3]]);
  assertProblem(
    await asClinician(app, chart, { url: `${chart.base}/compositions?cursor=bogus` }),
    400,
    'invalid-request',
  );
});

test('the EHR summary counts current compositions per template', async () => {
  const chart = await openChart(app);
  const empty = await asClinician(app, chart, { url: chart.base });
  assert.is(empty.statusCode, 200);
  const { createdAt, subjectId, ...status } = empty.json<Json>();
  assert.type(createdAt, 'string');
  assert.type(subjectId, 'string', 'the patient the EHR is about');
  assert.equal(status, {
    ehrId: chart.ehrId,
    systemId: testConfig.systemId,
    isQueryable: true,
    isModifiable: true,
    compositionCount: 0,
    templates: [],
  });
  await commitAt(chart, 'docsy.vital_signs.v1', '2024-03-01T10:00:00Z');
  await commitAt(chart, 'docsy.vital_signs.v1', '2024-03-02T10:00:00Z');
  await commitAt(chart, 'docsy.allergy_record.v1', '2024-03-03T10:00:00Z');
  const summary = (await asClinician(app, chart, { url: chart.base })).json<Json>();
  assert.is(summary.compositionCount, 3);
  assert.equal(summary.templates, [
    { id: 'docsy.vital_signs.v1', count: 2 },
    { id: 'docsy.allergy_record.v1', count: 1 },
  ]);
  assert.type(summary.lastCommittedAt, 'string');
  assertProblem(await asClinician(app, chart, { url: '/api/ehr/00000000-0000-4000-8000-000000000000' }), 404);
});

test.run();
