import { sql, type Kysely } from 'kysely';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain.js';
import type { Database } from '../../server/db/database.js';

/**
 * What is wrong with one EHR's stored history, as sentences (none when it is whole): every
 * composition's versions run 1..current without gaps; every version has its contribution and
 * its audit event; every contribution holds as many versions as it says; the audit chain verifies.
 *
 * @example
 * assert.equal(await historyProblems(db, ehrId), []);
 */
export async function historyProblems(db: Kysely<Database>, ehrId: string): Promise<string[]> {
  const { rows } = await sql<{ problem: string }>`
    select 'composition ' || c.uid || ' is at version ' || c.version || ' but has versions '
           || coalesce(string_agg(v.version::text, ',' order by v.version), 'none') as problem
      from composition c left join composition_version v on v.ehr_id = c.ehr_id and v.uid = c.uid
      where c.ehr_id = ${ehrId}::uuid
      group by c.uid, c.version
      having count(v.version) <> c.version or min(v.version) <> 1 or max(v.version) <> c.version
    union all
    select 'version ' || v.uid || '::' || v.version || ' has no contribution'
      from composition_version v left join contribution k
        on k.ehr_id = v.ehr_id and k.contribution_id = v.contribution_id
      where v.ehr_id = ${ehrId}::uuid and k.contribution_id is null
    union all
    select 'contribution ' || k.contribution_id || ' says ' || k.version_count || ' versions but has '
           || (select count(*) from composition_version v
                 where v.ehr_id = k.ehr_id and v.contribution_id = k.contribution_id)
      from contribution k
      where k.ehr_id = ${ehrId}::uuid and k.version_count <> (
        select count(*) from composition_version v where v.ehr_id = k.ehr_id and v.contribution_id = k.contribution_id)
    union all
    select 'version ' || v.uid || '::' || v.version || ' has ' || count(a.seq) || ' audit events'
      from composition_version v left join audit_event a
        on a.chain_key = v.ehr_id::text
       and a.action in ('composition.create', 'composition.amend', 'composition.modify', 'composition.delete')
       and a.resource like v.uid || '::%::' || v.version
      where v.ehr_id = ${ehrId}::uuid
      group by v.uid, v.version
      having count(a.seq) <> 1
    union all
    select 'composition ' || c.uid || ' current row differs from its version ' || c.version
      from composition c join composition_version v on v.ehr_id = c.ehr_id and v.uid = c.uid and v.version = c.version
      where c.ehr_id = ${ehrId}::uuid and c.document is distinct from v.document::jsonb`.execute(db);
  const problems = rows.map((row) => row.problem);
  const chain = await verifyAuditChain(db);
  if (!chain.ok) problems.push(`the audit chain breaks at ${JSON.stringify(chain.firstBroken)}`);
  return problems;
}
