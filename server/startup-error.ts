/**
 * A reason the server cannot start that the operator can fix (a bad setting, a data
 * directory in use). `main.ts` prints its message as one line, without a stack trace, and
 * exits with code 1.
 *
 * @example
 * throw new StartupError('invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")');
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
