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
  const { code, constraint: violated } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint);
}
