import { sql, type Kysely } from 'kysely';

/**
 * The demo data marker: one row once the demo data set has been loaded (in the same transaction
 * as the data), so a start or `npm run seed` knows the database holds demo data and nothing else
 * made by hand.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table demo_load (
      id boolean primary key default true check (id),
      seed integer not null,
      anchor_date date not null,
      accounts integer not null,
      compositions integer not null,
      loaded_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists demo_load`.execute(db);
}
