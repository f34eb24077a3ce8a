import { sql, type Kysely } from 'kysely';

/**
 * Accounts, sign-in sessions and refresh tokens (SPEC §4). A session is one login; its refresh
 * tokens rotate on every use, and presenting a used one revokes the session (the whole family).
 * Access tokens are JWTs naming the session, checked against this table on every request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table account (
      id uuid primary key,
      email text not null check (length(email) between 3 and 254),
      name text not null check (length(name) between 1 and 200),
      password_hash text not null,
      roles text[] not null check (
        cardinality(roles) > 0
        and roles <@ array['patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller', 'admin']
      ),
      status text not null check (status in ('active', 'pending', 'disabled')),
      birth_date date,
      ehr_id uuid unique references ehr (ehr_id),
      calendar_nonce text not null,
      calendar_token_hash text not null unique,
      created_at timestamptz not null default now(),
      check (ehr_id is null or 'patient' = any (roles))
    )`.execute(db);
  await sql`create unique index account_email on account (lower(email))`.execute(db);
  await sql`create index account_pending on account (created_at) where status = 'pending'`.execute(db);
  await sql`
    create table auth_session (
      id uuid primary key,
      account_id uuid not null references account (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      revoked_reason text
    )`.execute(db);
  await sql`create index auth_session_account on auth_session (account_id) where revoked_at is null`.execute(db);
  await sql`
    create table refresh_token (
      token_hash text primary key,
      session_id uuid not null references auth_session (id),
      issued_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index refresh_token_session on refresh_token (session_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists refresh_token`.execute(db);
  await sql`drop table if exists auth_session`.execute(db);
  await sql`drop table if exists account`.execute(db);
}
