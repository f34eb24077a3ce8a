import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain.js';
import { asClinician, commit, committedIds, exampleOf, openChart } from '../support/compositions.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

const contenders = 8;
const rounds = 3;

test(`${contenders} concurrent amendments with the same If-Match: one wins, the rest get 412 with its ETag, the chain stays linear`, async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
  const created = await commit(app, chart, body);
  const { uid } = committedIds(created);
  let etag = created.headers.etag as string;

  for (let round = 1; round <= rounds; round++) {
    const answers = await Promise.all(
      Array.from({ length: contenders }, (_, i) => {
        const payload = structuredClone(body);
        (payload.context as Json).facility = `Clinic ${round}.${i}`;
        return asClinician(app, chart, {
          method: 'PUT',
          url: `${chart.base}/compositions/${uid}`,
          payload,
          headers: { 'if-match': etag },
        });
      }),
    );
    const winners = answers.filter((a) => a.statusCode === 200);
    assert.is(winners.length, 1, `exactly one winner in round ${round}`);
    const winner = winners[0]!;
    const version = `${uid}::${testConfig.systemId}::${round + 1}`;
    assert.is(winner.headers.etag, `"${version}"`);
    for (const loser of answers.filter((a) => a !== winner)) {
      assertProblem(loser, 412, 'precondition-failed');
      assert.is(loser.headers.etag, `"${version}"`, 'the current ETag');
    }
    etag = winner.headers.etag as string;
    const latest = await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}` });
    assert.is(latest.body, winner.body, 'the winner is what is stored');
  }

  const history = await asClinician(app, chart, { url: `${chart.base}/compositions/${uid}/versions` });
  const versions = history.json<{ items: { version: number; changeType: string }[] }>().items;
  assert.equal(
    versions.map((v) => v.version),
    Array.from({ length: rounds + 1 }, (_, i) => i + 1),
  );
  assert.equal(
    versions.map((v) => v.changeType),
    ['creation', ...Array<string>(rounds).fill('amendment')],
  );
  const events = await db
    .selectFrom('audit_event')
    .select(['action', 'resource'])
    .where('ehr_id', '=', chart.ehrId)
    .where('action', 'in', ['composition.create', 'composition.amend'])
    .orderBy('seq')
    .execute();
  assert.equal(
    events.map((e) => e.resource),
    versions.map((v) => `${uid}::${testConfig.systemId}::${v.version}`),
    'one audit event per version, none for refused amendments',
  );
  assert.ok((await verifyAuditChain(db)).ok);
});

test('concurrent commits of different compositions to one EHR all succeed', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
  const answers = await Promise.all(Array.from({ length: contenders }, () => commit(app, chart, body)));
  assert.is(new Set(answers.map((a) => committedIds(a).uid)).size, contenders);
  const list = await asClinician(app, chart, { url: `${chart.base}/compositions` });
  assert.is(list.json<{ items: unknown[] }>().items.length, contenders);
});

test.run();
