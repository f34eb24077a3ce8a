/**
 * Whether a database error is a unique-constraint violation (SQLSTATE 23505), optionally of one
 * named constraint or index. Both engines report `code` and `constraint` alike.
 *
 * @example
 * try { await insertAccount(trx, row); } catch (error) {
 *   if (isUniqueViolation(error, 'account_email')) throw new ApiError('CONFLICT', 'That email has an account');
 *   throw error;
 * }
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return violates(error, '23505', constraint);
}

/**
 * Whether a database error is an exclusion-constraint violation (SQLSTATE 23P01), optionally of
 * one named constraint (e.g. two booked appointments of a practitioner overlapping).
 *
 * @example
 * if (isExclusionViolation(error, 'appointment_practitioner_overlap')) throw new ApiError('SLOT_TAKEN');
 */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  return violates(error, '23P01', constraint);
}

function violates(error: unknown, sqlState: string, constraint: string | undefined): boolean {
  const { code, constraint: violated } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === sqlState && (constraint === undefined || violated === constraint);
}
