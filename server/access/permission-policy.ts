import type { PolicyAction, Role } from './roles.js';

/** One rule of the permission policy (table `permission_rule`). */
export interface PermissionRule {
  role: Role;
  /** A template id (`docsy.prescription.v1`), an entry class (`class:INSTRUCTION`) or `*`. */
  target: string;
  action: PolicyAction;
  effect: 'allow' | 'deny';
}

/** What the policy needs to know of a template. */
export interface TemplateTarget {
  id: string;
  /** Entry classes of its archetypes (CLUSTER aside), e.g. `['OBSERVATION']`. */
  entryClasses: string[];
  /** Roles the template file lets author it (create, amend, delete); the policy narrows them. */
  authorRoles: readonly string[];
}

/**
 * Whether users with `roles` may do `action` on compositions of `template`. For each role, the
 * most specific matching rules decide (template id, then entry class, then `*`), a `deny` beating
 * an `allow` of the same specificity; no matching rule is a deny. Writing (create, amend,
 * delete) also needs the role among the template's `authorRoles`. One allowing role suffices.
 *
 * @example
 * permits(rules, ['nurse'], prescription, 'create'); // false
 * permits(rules, ['nurse'], vitalSigns, 'create'); // true
 */
export function permits(
  rules: readonly PermissionRule[],
  roles: readonly Role[],
  template: TemplateTarget,
  action: PolicyAction,
): boolean {
  return roles.some(
    (role) =>
      (action === 'read' || template.authorRoles.includes(role)) &&
      effectFor(rules, role, template, action) === 'allow',
  );
}

/**
 * The templates whose compositions users with `roles` may read: `'*'` when a role may read every
 * template, present and future; otherwise the ids among `known` they may read.
 *
 * @example
 * readableTemplates(rules, ['pharmacist'], allTemplates); // ['docsy.allergy_record.v1', 'docsy.prescription.v1', …]
 */
export function readableTemplates(
  rules: readonly PermissionRule[],
  roles: readonly Role[],
  known: readonly TemplateTarget[],
): '*' | string[] {
  const readsAll = roles.some((role) => {
    const own = rules.filter((rule) => rule.role === role && rule.action === 'read');
    return (
      own.some((rule) => rule.target === '*' && rule.effect === 'allow') &&
      !own.some((rule) => rule.target !== '*' && rule.effect === 'deny')
    );
  });
  if (readsAll) return '*';
  return known.filter((template) => permits(rules, roles, template, 'read')).map((template) => template.id);
}

function effectFor(
  rules: readonly PermissionRule[],
  role: Role,
  template: TemplateTarget,
  action: PolicyAction,
): 'allow' | 'deny' | undefined {
  const candidates = rules.filter((rule) => rule.role === role && rule.action === action);
  const levels = [
    (target: string) => target === template.id,
    (target: string) => template.entryClasses.some((entryClass) => target === `class:${entryClass}`),
    (target: string) => target === '*',
  ];
  for (const matches of levels) {
    const hits = candidates.filter((rule) => matches(rule.target));
    if (hits.length > 0) return hits.some((rule) => rule.effect === 'deny') ? 'deny' : 'allow';
  }
  return undefined;
}

/**
 * A template as the policy sees it, from its file (or form definition): id, author roles and
 * the entry classes named in its archetype ids (`openEHR-EHR-<CLASS>.<concept>.v<n>`).
 *
 * @example
 * templateTarget({ id: 'docsy.vital_signs.v1', authorRoles: ['nurse'], archetypes: { 'openEHR-EHR-OBSERVATION.blood_pressure.v2': '2.1.0' } });
 * // { id: 'docsy.vital_signs.v1', entryClasses: ['OBSERVATION'], authorRoles: ['nurse'] }
 */
export function templateTarget(template: {
  id: string;
  authorRoles: readonly string[];
  archetypes: Record<string, string>;
}): TemplateTarget {
  const classes = Object.keys(template.archetypes)
    .map((archetypeId) => /-EHR-([A-Z_]+)\./.exec(archetypeId)?.[1])
    .filter((entryClass): entryClass is string => entryClass !== undefined && entryClass !== 'CLUSTER');
  return { id: template.id, entryClasses: [...new Set(classes)], authorRoles: template.authorRoles };
}
