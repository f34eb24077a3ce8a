/**
 * Orders semantic revisions numerically (2.10.0 after 2.9.0).
 *
 * @example
 * ['2.10.0', '2.9.1'].sort(compareRevisions); // ['2.9.1', '2.10.0']
 */
export function compareRevisions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
