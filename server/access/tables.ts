import type { ColumnType, Generated } from 'kysely';
import type { AccountStatus, PolicyAction, Role } from './roles.js';

/** A person who signs in: a patient, a practitioner, a modeller or an admin. */
export interface AccountTable {
  id: string;
  /** As typed at registration; unique regardless of case (index on `lower(email)`). */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash`, see `password-hashing.ts`. */
  password_hash: string;
  roles: ColumnType<Role[], Role[], Role[]>;
  status: AccountStatus;
  /** `YYYY-MM-DD`, patients only. */
  birth_date: string | null;
  /** The patient's EHR, patients only. */
  ehr_id: string | null;
  /** Random value the calendar feed token is derived from; a new one revokes the old feed URL. */
  calendar_nonce: string;
  /** SHA-256 (hex) of the calendar feed token, for looking an account up by its feed URL. */
  calendar_token_hash: string;
  created_at: Generated<Date>;
}

/** One sign-in: the family of refresh tokens it issues, revoked together. */
export interface AuthSessionTable {
  id: string;
  account_id: string;
  created_at: Generated<Date>;
  /** No refresh beyond this moment, however often the session is refreshed. */
  expires_at: Date;
  revoked_at: Date | null;
  /** `logout`, `refresh-token-reuse`, `account-disabled`, … */
  revoked_reason: string | null;
}

/** A refresh token, stored only as its SHA-256; single use. */
export interface RefreshTokenTable {
  token_hash: string;
  session_id: string;
  issued_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

/** One row of the permission policy: a role may (or may not) do an action on a target. */
export interface PermissionRuleTable {
  role: Role;
  /** A template id, `class:<ENTRY_CLASS>`, or `*`. */
  target: string;
  action: PolicyAction;
  effect: 'allow' | 'deny';
}

/** A practitioner's reason to open a patient's record (SPEC §4). */
export interface CareRelationshipTable {
  id: string;
  ehr_id: string;
  practitioner_id: string;
  kind: 'appointment' | 'grant';
  /** The appointment's id, for kind `appointment`. */
  source_id: string | null;
  valid_from: Date;
  /** Open-ended when null. */
  valid_until: Date | null;
  created_at: Generated<Date>;
  /** Cancelled or revoked. */
  ended_at: Date | null;
}

/** A lab or imaging order: open until fulfilled or cancelled. */
export interface ClinicalOrderTable {
  ehr_id: string;
  id: string;
  kind: 'lab' | 'imaging';
  description: string;
  ordered_by: string;
  ordered_at: Generated<Date>;
  status: Generated<'open' | 'fulfilled' | 'cancelled'>;
  closed_by: string | null;
  closed_at: Date | null;
}

/** An emergency access: append-only. */
export interface BreakGlassTable {
  id: string;
  ehr_id: string;
  practitioner_id: string;
  reason: string;
  started_at: Generated<Date>;
  expires_at: Date;
}

/** Login attempts in the current window, per `account:<id>` and per `address:<ip>`. */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_start: Date;
}

/** A practitioner the patient still lets see a restricted composition. */
export interface CompositionAllowanceTable {
  ehr_id: string;
  uid: string;
  practitioner_id: string;
}

export interface AccessTables {
  account: AccountTable;
  auth_session: AuthSessionTable;
  refresh_token: RefreshTokenTable;
  permission_rule: PermissionRuleTable;
  care_relationship: CareRelationshipTable;
  clinical_order: ClinicalOrderTable;
  break_glass: BreakGlassTable;
  login_throttle: LoginThrottleTable;
  composition_allowance: CompositionAllowanceTable;
}
