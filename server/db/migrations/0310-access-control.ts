import { sql, type Kysely } from 'kysely';

/**
 * Access control (SPEC §1, §4): the permission policy as data (seeded with the defaults of
 * docs/access.md), care relationships, orders, break-glass and the login throttle.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table permission_rule (
      role text not null check (role in ('patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller', 'admin')),
      target text not null check (length(target) between 1 and 160),
      action text not null check (action in ('read', 'create', 'amend', 'delete')),
      effect text not null check (effect in ('allow', 'deny')),
      primary key (role, target, action)
    )`.execute(db);
  await seedDefaultPolicy(db);

  // A practitioner's reason to open a patient's record: an appointment (written by scheduling) or the patient's grant.
  await sql`
    create table care_relationship (
      id uuid primary key,
      ehr_id uuid not null references ehr (ehr_id),
      practitioner_id uuid not null references account (id),
      kind text not null check (kind in ('appointment', 'grant')),
      source_id text,
      valid_from timestamptz not null,
      valid_until timestamptz,
      created_at timestamptz not null default now(),
      ended_at timestamptz,
      check ((kind = 'appointment') = (source_id is not null))
    )`.execute(db);
  await sql`create unique index care_relationship_source on care_relationship (kind, source_id) where source_id is not null`.execute(
    db,
  );
  await sql`create unique index care_relationship_grant on care_relationship (ehr_id, practitioner_id) where kind = 'grant' and ended_at is null`.execute(
    db,
  );
  await sql`create index care_relationship_pair on care_relationship (ehr_id, practitioner_id) where ended_at is null`.execute(
    db,
  );
  await sql`create index care_relationship_practitioner on care_relationship (practitioner_id) where ended_at is null`.execute(
    db,
  );

  await sql`
    create table clinical_order (
      ehr_id uuid not null references ehr (ehr_id),
      id uuid not null,
      kind text not null check (kind in ('lab', 'imaging')),
      description text not null check (length(description) between 1 and 2000),
      ordered_by uuid not null references account (id),
      ordered_at timestamptz not null default now(),
      status text not null default 'open' check (status in ('open', 'fulfilled', 'cancelled')),
      closed_by uuid references account (id),
      closed_at timestamptz,
      primary key (ehr_id, id),
      check ((status = 'open') = (closed_at is null))
    )`.execute(db);
  await sql`create index clinical_order_open on clinical_order (ehr_id, kind) where status = 'open'`.execute(db);
  await sql`create index clinical_order_worklist on clinical_order (kind, ordered_at) where status = 'open'`.execute(
    db,
  );

  await sql`
    create table break_glass (
      id uuid primary key,
      ehr_id uuid not null references ehr (ehr_id),
      practitioner_id uuid not null references account (id),
      reason text not null check (length(reason) between 1 and 1000),
      started_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index break_glass_active on break_glass (ehr_id, practitioner_id, expires_at)`.execute(db);
  await sql`
    create trigger break_glass_append_only before update or delete on break_glass
      for each row execute function docsy_refuse_change()`.execute(db);

  // Login attempts per account and per address in the current window (successes are refunded).
  await sql`
    create table login_throttle (
      key text primary key,
      attempts integer not null,
      window_start timestamptz not null
    )`.execute(db);
}

/** The defaults of SPEC §1 (docs/access.md): what each role may do with which templates. */
const defaultRules: [role: string, target: string, actions: string[], effect: 'allow' | 'deny'][] = [
  ['patient', '*', ['read'], 'allow'],
  ['doctor', '*', ['read', 'create', 'amend', 'delete'], 'allow'],
  ['nurse', '*', ['read', 'create', 'amend', 'delete'], 'allow'],
  ['nurse', 'docsy.prescription.v1', ['create', 'amend', 'delete'], 'deny'],
  ['lab_technician', 'docsy.lab_report.v1', ['read', 'create', 'amend'], 'allow'],
  ['lab_technician', 'docsy.imaging_report.v1', ['read', 'create', 'amend'], 'allow'],
  ['pharmacist', 'docsy.prescription.v1', ['read'], 'allow'],
  ['pharmacist', 'docsy.allergy_record.v1', ['read'], 'allow'],
  ['pharmacist', 'docsy.allergy_record_legacy.v1', ['read'], 'allow'],
  ['pharmacist', 'docsy.dispensation.v1', ['read', 'create', 'amend'], 'allow'],
];

async function seedDefaultPolicy(db: Kysely<unknown>): Promise<void> {
  for (const [role, target, actions, effect] of defaultRules) {
    for (const action of actions) {
      await sql`insert into permission_rule (role, target, action, effect) values (${role}, ${target}, ${action}, ${effect})`.execute(
        db,
      );
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['login_throttle', 'break_glass', 'clinical_order', 'care_relationship', 'permission_rule']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
