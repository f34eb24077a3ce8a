import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonb } from '../../server/db/engine-differences.js';
import { testDatabase, testEngine } from '../support/test-app.js';

const { db, engine } = await testDatabase();

test(`the test database runs on ${testEngine}`, () => {
  assert.is(engine, testEngine);
});

test('migrations are recorded', async () => {
  const applied = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  assert.ok(applied.some((row) => row.name === '0001-foundation'));
});

test('the extensions Docsy relies on are installed', async () => {
  const { rows } = await sql<{ extname: string }>`select extname from pg_extension order by extname`.execute(db);
  const names = rows.map((row) => row.extname);
  for (const name of ['btree_gist', 'pg_trgm', 'pgcrypto']) assert.ok(names.includes(name), `${name} installed`);
});

test('int8, numeric, date, interval and timestamptz read the same on both engines', async () => {
  const { rows } = await sql<Record<string, unknown>>`
    select 42::int8 as id, count(*) as n, array[1, 2]::int8[] as ids, 1.50::numeric as amount,
           '2020-02-29'::date as day, '90 minutes'::interval as span, '2024-01-02T03:04:05Z'::timestamptz as at`.execute(
    db,
  );
  const row = rows[0]!;
  assert.is(row.id, 42);
  assert.is(row.n, 1);
  assert.equal(row.ids, [1, 2]);
  assert.is(row.amount, '1.50');
  assert.is(row.day, '2020-02-29');
  assert.is(row.span, '01:30:00');
  assert.instance(row.at, Date);
  assert.is((row.at as Date).toISOString(), '2024-01-02T03:04:05.000Z');
});

test('an int8 beyond the safe integer range is an error, never a silent rounding', async () => {
  try {
    await sql`select 9007199254740993::int8 as big`.execute(db);
    assert.unreachable('the value should have been refused');
  } catch (error) {
    assert.match((error as Error).message, 'safe integer range');
  }
});

test('jsonb() round-trips objects, arrays and bare strings identically', async () => {
  const document = { name: 'Ann', tags: ['a', 'b'], nested: { n: 1.5, empty: null } };
  for (const value of [document, ['x', { y: 1 }], 'plain text', 12]) {
    const { rows } = await sql<{ value: unknown }>`select ${jsonb(value)} as value`.execute(db);
    assert.equal(rows[0]!.value, value);
  }
});

test('docsy_refuse_change() makes a table append-only', async () => {
  const table = `append_only_${randomUUID().replaceAll('-', '')}`;
  await sql`create table ${sql.table(table)} (id int primary key)`.execute(db);
  await sql`create trigger refuse before update or delete on ${sql.table(table)} for each row execute function docsy_refuse_change()`.execute(
    db,
  );
  await sql`insert into ${sql.table(table)} values (1)`.execute(db);
  for (const statement of [sql`update ${sql.table(table)} set id = 2`, sql`delete from ${sql.table(table)}`]) {
    try {
      await statement.execute(db);
      assert.unreachable('the change should have been refused');
    } catch (error) {
      assert.match((error as Error).message, 'append-only');
    }
  }
  await sql`drop table ${sql.table(table)}`.execute(db);
});

test.run();
