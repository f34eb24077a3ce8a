import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-log.js';
import { isUniqueViolation } from '../db/constraint-violation.js';
import { inTransaction } from '../db/in-transaction.js';
import { createEhr } from '../ehr/ehr-repository.js';
import { ApiError, type FieldError } from '../http/api-error.js';
import type { AccessContext } from './access-context.js';
import { findAccountById, insertAccount, updateCalendarTokenHash, type AccountRow } from './account-repository.js';
import { accountView, type AccountView } from './account-view.js';
import { newCalendarNonce } from './calendar-token.js';
import { hashPassword } from './password-hashing.js';
import { passwordProblems } from './password-policy.js';
import { initialStatus, type AccountStatus, type RegistrableRole, type Role } from './roles.js';
import { tokenHash } from './token-hash.js';

/** `POST /api/auth/register`'s body. */
export interface Registration {
  email: string;
  password: string;
  name: string;
  role: RegistrableRole;
  birthDate?: string;
}

/** An account to create, its password already hashed. */
export interface NewAccount {
  email: string;
  name: string;
  roles: Role[];
  status: AccountStatus;
  passwordHash: string;
  birthDate?: string;
  /** The address the request came from, for the audit event. */
  address?: string;
}

/**
 * Registers an account: a patient is active at once and gets an EHR; any other role waits,
 * `pending`, for an admin's approval. Refuses a weak password and a birth date that is missing
 * for a patient (or given for anyone else) with 422, an email that has an account with 409.
 *
 * @example
 * const account = await registerAccount(context, { email, password, name, role: 'patient', birthDate: '1980-04-02' });
 */
export async function registerAccount(
  context: AccessContext,
  registration: Registration,
  address?: string,
): Promise<AccountView> {
  const { email, password, name, role, birthDate } = registration;
  const errors = [...passwordProblems(password, email), ...birthDateProblems(role, birthDate)];
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `The registration has ${errors.length} error(s)`, { errors });
  }
  const passwordHash = await hashPassword(password);
  const row = await createAccount(context, {
    email,
    name,
    roles: [role],
    status: initialStatus(role),
    passwordHash,
    birthDate,
    address,
  });
  return accountView(context, row);
}

/**
 * Creates an account in one transaction (or in the caller's, when `context.db` is one) with, for a
 * patient, their EHR (`subjectId` = account id) and an `account.create` audit event. For
 * registration, demo data and tests; checks no password policy (the caller hashed the password).
 *
 * @example
 * await createAccount(context, { email, name, roles: ['admin'], status: 'active', passwordHash });
 */
export async function createAccount(
  context: Pick<AccessContext, 'db' | 'systemId' | 'calendar'>,
  account: NewAccount,
): Promise<AccountRow> {
  const id = randomUUID();
  const nonce = newCalendarNonce();
  try {
    return await inTransaction(context.db, async (trx) => {
      const ehrId = account.roles.includes('patient')
        ? await createEhr(trx, { systemId: context.systemId, subjectId: id })
        : null;
      const row = await insertAccount(trx, {
        id,
        email: account.email,
        name: account.name,
        password_hash: account.passwordHash,
        roles: account.roles,
        status: account.status,
        birth_date: account.birthDate ?? null,
        ehr_id: ehrId,
        calendar_nonce: nonce,
        calendar_token_hash: tokenHash(context.calendar.token(id, nonce)),
      });
      await appendAuditEvent(trx, {
        action: 'account.create',
        outcome: 'success',
        actorId: id,
        actorRole: account.roles.join(','),
        details: { roles: account.roles, status: account.status },
        address: account.address,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'account_email')) {
      throw new ApiError('CONFLICT', 'An account with this email exists; sign in, or register with another email');
    }
    throw error;
  }
}

const earliestBirthDate = '1900-01-01';

function birthDateProblems(role: RegistrableRole, birthDate: string | undefined): FieldError[] {
  const path = '/birthDate';
  if (role !== 'patient') {
    return birthDate === undefined ? [] : [{ path, message: 'is kept for patients only; leave it out' }];
  }
  if (birthDate === undefined) return [{ path, message: 'is required for a patient' }];
  const today = new Date().toISOString().slice(0, 10);
  if (birthDate > today) return [{ path, message: 'must not be in the future' }];
  if (birthDate < earliestBirthDate) return [{ path, message: `must be on or after ${earliestBirthDate}` }];
  return [];
}

/**
 * The signed-in user's own account view (`GET /api/me`). When the server's secret changed since
 * the calendar token was stored, the stored hash is brought up to date so the URL shown works.
 *
 * @example
 * return currentAccount(context, request.user.id);
 */
export async function currentAccount(context: AccessContext, accountId: string): Promise<AccountView> {
  const row = await findAccountById(context.db, accountId);
  if (!row) throw new ApiError('NOT_FOUND', 'This account no longer exists');
  const hash = tokenHash(context.calendar.token(row.id, row.calendar_nonce));
  if (hash !== row.calendar_token_hash) await updateCalendarTokenHash(context.db, row.id, hash);
  return accountView(context, row);
}
