import { sql, type Expression, type SqlBool } from 'kysely';

/** Which compositions a viewer may see, before it is turned into SQL. */
export interface VisibilityRule {
  /** The templates the policy lets the viewer read (`*`: all). */
  templates: '*' | string[];
  /** The viewer whom restrictions apply to (unless allowed); absent: restrictions are lifted (own record, break-glass). */
  restrictedFor?: string;
}

/**
 * A condition on a `composition` row (under `table`, `composition` or a query's alias): its
 * template is readable, and it is not restricted unless the viewer is allowed. `undefined` when
 * everything is visible, `false` when nothing is.
 *
 * @example
 * compositionVisibility('composition', { templates: ['docsy.lab_report.v1'], restrictedFor: user.id });
 * // composition.template_id in ($1) and (not composition.restricted or exists (…allowance of $2…))
 */
export function compositionVisibility(table: string, rule: VisibilityRule): Expression<SqlBool> | undefined | false {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const conditions: Expression<SqlBool>[] = [];
  if (rule.templates !== '*') {
    if (rule.templates.length === 0) return false;
    conditions.push(sql<SqlBool>`${column('template_id')} in (${sql.join(rule.templates)})`);
  }
  if (rule.restrictedFor !== undefined) {
    conditions.push(sql<SqlBool>`(not ${column('restricted')} or exists (
      select 1 from composition_allowance allowance
      where allowance.ehr_id = ${column('ehr_id')} and allowance.uid = ${column('uid')}
        and allowance.practitioner_id = ${rule.restrictedFor}))`);
  }
  if (conditions.length === 0) return undefined;
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}
