import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asClinician, commit, committedIds, exampleOf, openChart } from '../support/compositions.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

type Json = Record<string, unknown>;

const app = await buildTestApp();
const { db } = await testDatabase();
test.after(() => app.close());

async function refused(statement: ReturnType<typeof sql>, what: string): Promise<void> {
  try {
    await statement.execute(db);
  } catch (error) {
    assert.match(String((error as Error).message), 'append-only', what);
    return;
  }
  assert.unreachable(`${what} should have been refused`);
}

test('the database itself refuses UPDATE, DELETE and TRUNCATE on versions and contributions', async () => {
  const chart = await openChart(app);
  const { uid } = committedIds(await commit(app, chart, await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1')));
  const where = sql`where ehr_id = ${chart.ehrId}::uuid`;
  await refused(sql`update composition_version set document = '{}'::json ${where}`, 'update of a version');
  await refused(sql`update composition_version set committer_name = 'x' ${where} and uid = ${uid}::uuid`, 'update');
  await refused(sql`delete from composition_version ${where}`, 'delete of a version');
  await refused(sql`truncate composition_version`, 'truncate of versions');
  await refused(sql`update contribution set reason = 'rewritten' ${where}`, 'update of a contribution');
  await refused(sql`delete from contribution ${where}`, 'delete of a contribution');
  await refused(sql`truncate contribution cascade`, 'truncate of contributions');
  const versions = await db
    .selectFrom('composition_version')
    .select('version')
    .where('ehr_id', '=', chart.ehrId)
    .execute();
  assert.is(versions.length, 1, 'the version is still there');
});

test('every byte of an earlier version reads back identical after later amendments and the deletion', async () => {
  const chart = await openChart(app);
  const body = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
  // The client's key order is kept (a JSONB round trip would reorder the keys).
  const { template, context, content } = body;
  const created = await asClinician(app, chart, {
    method: 'POST',
    url: `${chart.base}/compositions`,
    payload: { content, context, template },
  });
  assert.is(created.statusCode, 201, created.body);
  assert.match(created.body, /"committedAt":"[^"]+","content":\[.*\],"context":\{.*\},"template":\{[^}]*\}\}$/);
  const { uid, versionUid } = committedIds(created);
  const url = (id: string) => `${chart.base}/compositions/${id}`;
  const snapshot = async () => ({
    exact: (await asClinician(app, chart, { url: url(versionUid) })).body,
    entry: (await asClinician(app, chart, { url: `${url(uid)}/versions/1` })).body,
  });
  const before = await snapshot();
  assert.is(before.exact, created.body);
  assert.ok(before.entry.endsWith(`,"composition":${created.body}}`), 'the history entry embeds the same bytes');

  let etag = created.headers.etag as string;
  for (const facility of ['Ward 2', 'Ward 3']) {
    const amended = await asClinician(app, chart, {
      method: 'PUT',
      url: url(uid),
      payload: { ...body, context: { ...(body.context as Json), facility } },
      headers: { 'if-match': etag },
    });
    assert.is(amended.statusCode, 200, amended.body);
    etag = amended.headers.etag as string;
    assert.equal(await snapshot(), before);
  }
  const deleted = await asClinician(app, chart, { method: 'DELETE', url: url(uid), headers: { 'if-match': etag } });
  assert.is(deleted.statusCode, 204);
  assert.equal(await snapshot(), before);
});

test.run();
