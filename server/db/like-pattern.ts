/**
 * A SQL `like` pattern matching text that contains `word` anywhere, with `%`, `_` and the
 * escape character `\` in the word matched as themselves (`\` is `like`'s default escape on
 * Postgres and PGlite alike).
 *
 * @example
 * query.where((eb) => eb(eb.fn('lower', ['name']), 'like', containsPattern('o_brien')));
 */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
