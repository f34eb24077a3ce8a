/**
 * The permission policy as the admin edits it: one row per role and target, one effect (or
 * none) per action; and back to the rule list the API stores.
 */
import { roles, type Role } from '../../app/account.js';
import { policyActions, type PermissionRule, type PolicyAction, type PolicyEffect } from './admin-client.js';

/** One role's rules on one target. */
export interface PolicyRow {
  role: Role;
  target: string;
  effects: Partial<Record<PolicyAction, PolicyEffect>>;
}

/** The targets the server accepts: `*`, an entry class, or a template id (server/access/admin-schemas.ts). */
const targetPattern =
  /^(\*|class:(OBSERVATION|EVALUATION|INSTRUCTION|ACTION|ADMIN_ENTRY)|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.v[1-9][0-9]{0,3})$/;

export const entryClassTargets = [
  'class:OBSERVATION',
  'class:EVALUATION',
  'class:INSTRUCTION',
  'class:ACTION',
  'class:ADMIN_ENTRY',
] as const;

/**
 * Whether a text is a target a rule may name; the reason when not.
 *
 * @example
 * targetProblem('docsy.vital_signs.v1'); // undefined
 */
export function targetProblem(target: string): string | undefined {
  if (targetPattern.test(target)) return undefined;
  return 'must be * (every template), class:<ENTRY CLASS> or a template id such as docsy.vital_signs.v1';
}

/**
 * Rows by role (in the order of SPEC §1) and target (`*`, then entry classes, then template ids).
 *
 * @example
 * policyRows([{ role: 'nurse', target: '*', action: 'read', effect: 'allow' }]);
 * // [{ role: 'nurse', target: '*', effects: { read: 'allow' } }]
 */
export function policyRows(rules: readonly PermissionRule[]): PolicyRow[] {
  const rows = new Map<string, PolicyRow>();
  for (const rule of rules) {
    const key = `${rule.role} ${rule.target}`;
    const row = rows.get(key) ?? { role: rule.role, target: rule.target, effects: {} };
    row.effects[rule.action] = rule.effect;
    rows.set(key, row);
  }
  return sortRows([...rows.values()]);
}

/**
 * The rules of the rows, one per action that has an effect.
 *
 * @example
 * policyRules([{ role: 'nurse', target: '*', effects: { read: 'allow' } }]);
 * // [{ role: 'nurse', target: '*', action: 'read', effect: 'allow' }]
 */
export function policyRules(rows: readonly PolicyRow[]): PermissionRule[] {
  return rows.flatMap((row) =>
    policyActions.flatMap((action) => {
      const effect = row.effects[action];
      return effect ? [{ role: row.role, target: row.target, action, effect }] : [];
    }),
  );
}

/**
 * Rows in display order.
 *
 * @example
 * sortRows([...rows, { role: 'doctor', target: 'docsy.x.v1', effects: {} }]);
 */
export function sortRows(rows: PolicyRow[]): PolicyRow[] {
  const level = (target: string) => (target === '*' ? 0 : target.startsWith('class:') ? 1 : 2);
  return rows.sort(
    (a, b) =>
      roles.indexOf(a.role) - roles.indexOf(b.role) ||
      level(a.target) - level(b.target) ||
      a.target.localeCompare(b.target),
  );
}
