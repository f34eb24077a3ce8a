import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ClientComposition } from '../../server/ehr/commit-repository.js';
import { KnowledgeRegistry } from '../../server/knowledge/knowledge-registry.js';
import { ehrHistoryRows, type PlannedComposition } from '../../scripts/bench/ehr-history-rows.js';
import { historyWriter } from '../../scripts/bench/history-writer.js';
import { loaderCommitter } from '../../scripts/bench/load-data-set.js';
import { syntheticComposition, templateOfComposition } from '../../scripts/bench/synthetic-compositions.js';
import { templateExamples } from '../../scripts/bench/template-examples.js';
import { signedIn } from '../support/accounts.js';
import { historyProblems } from '../support/ehr-consistency.js';
import { buildTestApp, testDatabase } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());
const { db } = await testDatabase();
const examples = await templateExamples(KnowledgeRegistry.open(db));

function planned(from: number, count: number): PlannedComposition[] {
  return Array.from({ length: count }, (_, i) => {
    const { facts, body } = examples[templateOfComposition(from + i)];
    return { n: from + i, template: facts, body: syntheticComposition(body, from + i) as unknown as ClientComposition };
  });
}

test('every generated composition is valid under the template revision it names', async () => {
  const registry = KnowledgeRegistry.open(db);
  for (const { template, body } of planned(0, 60)) {
    assert.equal(await registry.validateComposition(template.id, template.revision, body), [], template.id);
  }
});

test('a generated history is whole, reads back through the API as stored, and takes new commits', async () => {
  const ehrId = randomUUID();
  const rows = ehrHistoryRows(ehrId, new Date(), planned(100, 12), loaderCommitter, 'docsy.local');
  const writer = historyWriter((text, values) => db.executeQuery(CompiledQuery.raw(text, values)));
  await writer.write(rows);
  assert.equal(await writer.finish(), { versions: 13 }, 'the 6th composition (n = 105) is amended once');
  assert.equal(await historyProblems(db, ehrId), []);

  const doctor = await signedIn(app, 'doctor');
  await db
    .insertInto('care_relationship')
    .values({
      id: randomUUID(),
      ehr_id: ehrId,
      practitioner_id: doctor.user.id,
      kind: 'grant',
      valid_from: new Date(0),
    })
    .execute();
  const list = await app.inject({
    method: 'GET',
    url: `/api/ehr/${ehrId}/compositions?limit=100`,
    headers: doctor.headers,
  });
  assert.is(list.json<{ items: unknown[] }>().items.length, 12);
  const amended = rows.current.find((version) => version.version === 2)!;
  const read = await app.inject({
    method: 'GET',
    url: `/api/ehr/${ehrId}/compositions/${amended.uid}`,
    headers: doctor.headers,
  });
  assert.is(read.statusCode, 200);
  assert.is(read.body, amended.documentText);

  const commit = await app.inject({
    method: 'POST',
    url: `/api/ehr/${ehrId}/compositions`,
    headers: doctor.headers,
    payload: planned(0, 1)[0]!.body,
  });
  assert.is(commit.statusCode, 201, commit.body);
  assert.equal(await historyProblems(db, ehrId), []);
});

test.run();
