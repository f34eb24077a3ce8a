/**
 * `npm run explain:ehr`: loads a synthetic data set into a throwaway Postgres database (created
 * like the test runner's, dropped afterwards), then prints the EXPLAIN (ANALYZE, BUFFERS) of each
 * hot query of the EHR capability, as the services send it, and the time of single commits.
 * docs/performance.md shows its output.
 *
 *   npm run explain:ehr                       200 EHRs × 50 compositions
 *   npm run explain:ehr -- --ehrs 1000 --per-ehr 100
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import type { Database } from '../server/db/database.js';
import { jsonb } from '../server/db/engine-differences.js';
import { openPostgresPool } from '../server/db/postgres-engine.js';
import { CompositionCommits } from '../server/ehr/composition-commits.js';
import { CompositionReads } from '../server/ehr/composition-reads.js';
import { createEhr } from '../server/ehr/ehr-repository.js';
import { exampleComposition } from '../server/knowledge/example-composition.js';
import { withShippedKnowledge } from './bench/shipped-knowledge.js';
import { penicillin, syntheticComposition } from './bench/synthetic-compositions.js';
import { createThrowawayDatabase } from './test-runner/throwaway-database.js';

const { values } = parseArgs({ options: { ehrs: { type: 'string' }, 'per-ehr': { type: 'string' } } });
const ehrCount = Number(values.ehrs ?? 200);
const perEhr = Number(values['per-ehr'] ?? 50);
const templates = [
  'docsy.vital_signs.v1',
  'docsy.allergy_record.v1',
  'docsy.problem_list_entry.v1',
  'docsy.prescription.v1',
  'docsy.lab_report.v1',
];
const committer = { id: randomUUID(), name: 'Dr Explain', role: 'doctor' };

const captured: CompiledQuery[] = [];
const rollback = new Error('rollback');
const throwaway = await createThrowawayDatabase();
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: openPostgresPool(throwaway.url, 4) }),
  log: (event) => {
    if (event.level === 'query') captured.push(event.query);
  },
});

try {
  const registry = await withShippedKnowledge(db);
  const examples = await Promise.all(
    templates.map(async (id) => {
      const form = await registry.form(id);
      const resolved = registry.catalog.resolve(registry.catalog.template(id, form.template.revision)!);
      if (!resolved.ok) throw new Error(`${id} does not resolve`);
      return exampleComposition(resolved.value) as unknown as Record<string, unknown>;
    }),
  );
  const commits = new CompositionCommits(db, registry, 'docsy.local');
  const reads = new CompositionReads(db, 'docsy.local');

  const started = Date.now();
  const ehrIds: string[] = [];
  const kept: { ehrId: string; uid: string; versionUid: string }[] = [];
  for (let e = 0; e < ehrCount; e++) {
    const ehrId = await createEhr(db, { systemId: 'docsy.local' });
    ehrIds.push(ehrId);
    const versions = Array.from({ length: perEhr }, (_, i) => ({
      changeType: 'creation' as const,
      body: syntheticComposition(examples[(e + i) % examples.length]!, e * perEhr + i),
    }));
    const committed = await commits.contribute(ehrId, versions, committer);
    for (const [i, version] of committed.versions.entries()) {
      if (i % 10 === 0) {
        const amended = await commits.amend(ehrId, version.uid, version.versionUid, versions[i]!.body, committer);
        kept.push({ ehrId, uid: amended.uid, versionUid: amended.versionUid });
      } else if (i % 49 === 1) await commits.delete(ehrId, version.uid, version.versionUid, committer);
    }
  }
  const loadSeconds = (Date.now() - started) / 1000;
  await sql`analyze`.execute(db);
  const counts = await sql<{ compositions: number; versions: number }>`
    select (select count(*) from composition) as compositions, (select count(*) from composition_version) as versions`.execute(
    db,
  );
  console.log(
    `# ${counts.rows[0]!.compositions} compositions (${counts.rows[0]!.versions} versions) in ${ehrCount} EHRs, loaded in ${loadSeconds.toFixed(1)} s\n`,
  );

  const ehrId = ehrIds[Math.floor(ehrCount / 2)]!;
  const target = kept.find((k) => k.ehrId === ehrId)!;
  await explain('Read one current composition (bare uuid)', () => reads.read(ehrId, target.uid));
  await explain('Read one exact version (version id)', () => reads.read(ehrId, target.versionUid));
  await explain("A patient's chart: current compositions of one EHR", () => reads.list(ehrId, { limit: 100 }));
  await explain('The chart filtered by archetype', () =>
    reads.list(ehrId, { limit: 100, archetype: 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v2' }),
  );
  await explain("One composition's history", () => reads.history(ehrId, target.uid, { limit: 50 }));
  await explain('Archetype-path query across all EHRs: active penicillin allergies', () =>
    db
      .selectFrom('composition')
      .select(['ehr_id', 'uid'])
      .where(
        sql<boolean>`document -> 'content' @> ${jsonb([
          {
            archetype: 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v2',
            data: { substance: { code: penicillin }, active_inactive: { code: 'active' } },
          },
        ])}`,
      )
      .execute(),
  );
  await explain('Latest compositions of one template across all EHRs', () =>
    db
      .selectFrom('composition')
      .select(['ehr_id', 'uid', 'start_time'])
      .where('template_id', '=', 'docsy.prescription.v1')
      .where(sql<boolean>`not deleted`)
      .orderBy('start_time', 'desc')
      .limit(50)
      .execute(),
  );
  await explain('The precondition inside the commit function (row lock of the amended composition)', () =>
    sql`select version, deleted, template_id, template_revision from composition
        where ehr_id = ${ehrId}::uuid and uid = ${target.uid}::uuid for update`.execute(db),
  );

  const body = syntheticComposition(examples[0]!, 1);
  const single = await timed(200, () => commits.create(ehrId, body, committer));
  console.log(`## Commit of one composition (validation, function call, one round trip)\n`);
  await sql`create table raw_insert_baseline (id bigserial primary key, document jsonb not null)`.execute(db);
  const raw = await timed(200, () =>
    sql`insert into raw_insert_baseline (document) values (${jsonb(body)})`.execute(db),
  );
  console.log(`200 sequential commits on one connection: median ${single.median} ms, p99 ${single.p99} ms`);
  console.log(`(the same document as a raw single-row JSONB insert: median ${raw.median} ms, p99 ${raw.p99} ms)\n`);
  // The call is captured, then explained, in transactions rolled back: it writes.
  captured.length = 0;
  await rolledBack((trx) => new CompositionCommits(trx, registry, 'docsy.local').create(ehrId, body, committer));
  const calls = captured.splice(0).filter((query) => query.sql.includes('docsy_commit_contribution'));
  console.log(`Statements sent per commit: ${calls.length}\n`);
  console.log('```sql\n' + calls[0]!.sql + '\n```\n');
  await rolledBack(async (trx) => {
    const plan = await trx.executeQuery({
      ...calls[0]!,
      sql: `explain (analyze, buffers) ${calls[0]!.sql}`,
    } as CompiledQuery);
    console.log('```\n' + planText(plan.rows) + '\n```\n');
  });
} finally {
  await db.destroy();
  await throwaway.drop();
}

async function explain(title: string, run: () => Promise<unknown>): Promise<void> {
  captured.length = 0;
  await run();
  const queries = captured.splice(0);
  console.log(`## ${title}\n`);
  for (const query of queries) {
    const plan = await db.executeQuery({ ...query, sql: `explain (analyze, buffers) ${query.sql}` } as CompiledQuery);
    console.log('```sql\n' + query.sql + '\n```\n');
    console.log('```\n' + planText(plan.rows) + '\n```\n');
  }
}

async function rolledBack(work: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await db
    .transaction()
    .execute(async (trx) => {
      await work(trx);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
}

function planText(rows: unknown[]): string {
  return (rows as Record<string, string>[]).map((r) => r['QUERY PLAN']).join('\n');
}

async function timed(times: number, run: () => Promise<unknown>): Promise<{ median: string; p99: string }> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
  return { median: at(0.5), p99: at(0.99) };
}
