import type { FieldError } from '../http/api-error.js';
import commonPasswords from './common-passwords.json' with { type: 'json' };

export const minPasswordLength = 8;
export const maxPasswordLength = 256;

const common = new Set(commonPasswords);

/**
 * What is wrong with a new password, as field errors at `path` (empty when it is acceptable): at
 * least {@link minPasswordLength} characters, not one of the shipped common passwords
 * (`common-passwords.json`, compared without case), and not the account's own email.
 *
 * @example
 * passwordProblems('password123', 'ann@example.org'); // [{ path: '/password', message: 'is one of the most common passwords; choose another' }]
 */
export function passwordProblems(password: string, email: string, path = '/password'): FieldError[] {
  const lower = password.toLowerCase();
  if ([...password].length < minPasswordLength) {
    return [{ path, message: `must be at least ${minPasswordLength} characters long` }];
  }
  if (common.has(lower)) return [{ path, message: 'is one of the most common passwords; choose another' }];
  if (lower === email.toLowerCase() || lower === email.split('@', 1)[0]!.toLowerCase()) {
    return [{ path, message: 'must not be your email address' }];
  }
  return [];
}
