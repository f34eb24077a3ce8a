import { sql, type Kysely } from 'kysely';

/**
 * Scheduling (SPEC §1, §3): practitioners' weekly availability and its exceptions, and
 * appointments. Two exclusion constraints make double booking impossible in the database itself,
 * under any concurrency: no two booked appointments of one practitioner overlap, nor two of one
 * patient. Times are stored in UTC (`timestamptz`); a rule's local times live with their IANA zone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`
    create table availability_rule (
      id uuid primary key,
      practitioner_id uuid not null references account (id),
      weekday smallint not null check (weekday between 1 and 7),
      start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      slot_minutes integer not null check (slot_minutes between 5 and 480),
      location text not null check (length(location) between 1 and 200),
      time_zone text not null,
      check (end_time > start_time)
    )`.execute(db);
  await sql`create index availability_rule_practitioner on availability_rule (practitioner_id)`.execute(db);
  await sql`
    create table availability_exception (
      id uuid primary key,
      practitioner_id uuid not null references account (id),
      kind text not null check (kind in ('leave', 'extra')),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      slot_minutes integer check (slot_minutes between 5 and 480),
      location text check (length(location) between 1 and 200),
      time_zone text,
      reason text check (length(reason) <= 500),
      check (ends_at > starts_at),
      check (kind = 'leave' or (slot_minutes is not null and location is not null and time_zone is not null))
    )`.execute(db);
  await sql`create index availability_exception_practitioner on availability_exception (practitioner_id, starts_at)`.execute(
    db,
  );
  await sql`
    create table appointment (
      id uuid primary key,
      practitioner_id uuid not null references account (id),
      patient_id uuid not null references account (id),
      ehr_id uuid not null references ehr (ehr_id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      location text not null,
      time_zone text not null,
      status text not null default 'booked' check (status in ('booked', 'cancelled')),
      reason text check (length(reason) <= 1000),
      booked_by uuid not null references account (id),
      booked_at timestamptz not null default now(),
      rescheduled_at timestamptz,
      reschedule_reason text check (length(reschedule_reason) <= 1000),
      cancelled_at timestamptz,
      cancelled_by uuid references account (id),
      cancel_reason text check (length(cancel_reason) <= 1000),
      check (ends_at > starts_at),
      constraint appointment_practitioner_overlap exclude using gist (
        practitioner_id with =, tstzrange(starts_at, ends_at) with &&
      ) where (status = 'booked'),
      constraint appointment_patient_overlap exclude using gist (
        patient_id with =, tstzrange(starts_at, ends_at) with &&
      ) where (status = 'booked')
    )`.execute(db);
  await sql`create index appointment_practitioner_start on appointment (practitioner_id, starts_at, id)`.execute(db);
  await sql`create index appointment_patient_start on appointment (patient_id, starts_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists appointment`.execute(db);
  await sql`drop table if exists availability_exception`.execute(db);
  await sql`drop table if exists availability_rule`.execute(db);
}
