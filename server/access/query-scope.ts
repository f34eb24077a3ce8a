import { sql, type RawBuilder } from 'kysely';
import type { AuthUser } from './auth-user.js';
import { compositionVisibility } from './composition-visibility.js';
import { readableTemplates } from './permission-policy.js';
import type { PolicyStore } from './policy-store.js';
import { practitionerRoles, type Role } from './roles.js';
import type { TemplateTargets } from './template-targets.js';

/**
 * The compositions a user's archetype-path queries may reach, across all EHRs, as a condition on
 * the query's `composition` alias: the rules of `EhrAccessControl` in one SQL expression. A
 * patient reaches their own record; a practitioner the records of patients in their care
 * (appointment or grant), under break-glass, with an open order (lab technicians) or any record
 * (pharmacists), always within the templates the policy lets them read and, outside break-glass,
 * without compositions the patient restricted from them.
 *
 * @example
 * const scope = querySelection(policy, templates);
 * const condition = await scope(request.user, 'c');
 */
export function querySelection(policy: PolicyStore, templates: TemplateTargets) {
  return async (user: AuthUser, alias = 'c'): Promise<RawBuilder<boolean>> => {
    const [rules, known] = await Promise.all([policy.rules(), templates.all()]);
    const ehr = sql.ref(`${alias}.ehr_id`);
    const parts: RawBuilder<boolean>[] = [];
    if (user.ehrId) {
      const visible = compositionVisibility(alias, { templates: readableTemplates(rules, ['patient'], known) });
      if (visible !== false) parts.push(sql<boolean>`(${ehr} = ${user.ehrId} and ${visible ?? sql`true`})`);
    }
    const roles: Role[] = user.roles.filter((role) => practitionerRoles.some((p) => p === role));
    if (roles.length > 0) {
      const readable = readableTemplates(rules, roles, known);
      const glass = sql`(select g.ehr_id from break_glass g where g.practitioner_id = ${user.id} and g.expires_at > now())`;
      const inCare = sql<boolean>`(${ehr} in (
        select r.ehr_id from care_relationship r
        where r.practitioner_id = ${user.id} and r.ended_at is null
          and r.valid_from <= now() and (r.valid_until is null or r.valid_until > now())
      ) or ${ehr} in ${glass}${openOrders(roles, ehr)}${roles.includes('pharmacist') ? sql` or true` : sql``})`;
      const unrestricted = compositionVisibility(alias, { templates: readable });
      const restricted = compositionVisibility(alias, { templates: readable, restrictedFor: user.id });
      if (unrestricted !== false && restricted !== false) {
        parts.push(sql<boolean>`(${inCare} and (${ehr} in ${glass} and ${unrestricted ?? sql`true`}
          or ${restricted ?? sql`true`}))`);
      }
    }
    return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
  };
}

function openOrders(roles: Role[], ehr: ReturnType<typeof sql.ref>) {
  if (!roles.includes('lab_technician')) return sql``;
  return sql` or ${ehr} in (select o.ehr_id from clinical_order o where o.status = 'open')`;
}
