import { readFileSync, readdirSync } from 'node:fs';
import { projectPath } from '../../server/project-root.js';

/**
 * Every local code of the shipped archetypes with the labels it has (a code such as `confirmed`
 * appears in several archetypes), read straight from the files.
 *
 * @example
 * archetypeCodeLabels().get('non_immune_mediated'); // Set { 'Non-immune mediated' }
 */
export function archetypeCodeLabels(): Map<string, Set<string>> {
  const labels = new Map<string, Set<string>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const codes = (record['x-codes'] ?? record['x-ordinals']) as { code: string; value: string }[] | undefined;
    for (const { code, value } of Array.isArray(codes) ? codes : []) {
      labels.set(code, (labels.get(code) ?? new Set()).add(value));
    }
    Object.values(record).forEach(walk);
  };
  const folder = projectPath('archetypes');
  for (const file of readdirSync(folder)) walk(JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')));
  return labels;
}
