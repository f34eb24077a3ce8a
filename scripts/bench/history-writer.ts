import { BulkInsert, type RunStatement } from './bulk-insert.js';
import type { EhrHistoryRows } from './ehr-history-rows.js';

const uuid = (name: string) => ({ name, type: 'uuid' });
const text = (name: string) => ({ name, type: 'text' });
const int = (name: string) => ({ name, type: 'integer' });
const time = (name: string) => ({ name, type: 'timestamptz' });

/**
 * Writes generated EHR histories into the tables the migrations create, with the columns
 * `docsy_commit_contribution` and `docsy_audit_append` fill: `ehr`, `contribution`,
 * `composition_version` (the document as JSON text), `audit_event` and each chain's head in
 * `audit_chain`; at the end `composition` (the current version of each, the document as JSONB),
 * copied from the versions in one statement rather than sending every document twice.
 *
 * @example
 * const writer = historyWriter((text, values) => pool.query(text, values));
 * await writer.write(ehrHistoryRows(ehrId, createdAt, planned, committer, 'docsy.local'));
 * const { versions } = await writer.finish();
 */
export function historyWriter(run: RunStatement) {
  const ehr = new BulkInsert(run, 'ehr', [uuid('ehr_id'), text('system_id'), time('created_at')]);
  const contribution = new BulkInsert(run, 'contribution', [
    uuid('ehr_id'),
    uuid('contribution_id'),
    text('committer_id'),
    text('committer_name'),
    text('committer_role'),
    time('committed_at'),
    { name: 'change_types', type: 'text', cast: 'text[]' },
    int('version_count'),
  ]);
  const version = new BulkInsert(run, 'composition_version', [
    uuid('ehr_id'),
    uuid('uid'),
    int('version'),
    uuid('contribution_id'),
    text('change_type'),
    text('lifecycle'),
    text('committer_id'),
    text('committer_name'),
    time('committed_at'),
    text('template_id'),
    text('template_revision'),
    { name: 'document', type: 'text', cast: 'json' },
  ]);
  const audit = new BulkInsert(run, 'audit_event', [
    text('chain_key'),
    { name: 'seq', type: 'bigint' },
    time('occurred_at'),
    text('action'),
    text('outcome'),
    text('actor_id'),
    text('actor_role'),
    uuid('ehr_id'),
    text('resource'),
    { name: 'details', type: 'text', cast: 'jsonb' },
    text('address'),
    text('prev_hash'),
    text('hash'),
  ]);
  const chain = new BulkInsert(run, 'audit_chain', [
    text('chain_key'),
    { name: 'last_seq', type: 'bigint' },
    text('last_hash'),
  ]);
  const all = [ehr, contribution, version, audit, chain];
  const ehrIds: string[] = [];
  let versions = 0;

  return {
    /** Adds one EHR's history; waits while earlier batches are still being written. */
    async write(rows: EhrHistoryRows): Promise<void> {
      const { ehrId } = rows;
      const { id, name, role } = rows.committer;
      await ehr.add([ehrId, 'docsy.local', rows.createdAt.toISOString()]);
      for (const v of rows.versions) {
        const at = v.committedAt.toISOString();
        await contribution.add([ehrId, v.contributionId, id, name, role ?? null, at, `{${v.changeType}}`, 1]);
        await version.add([
          ehrId,
          v.uid,
          v.version,
          v.contributionId,
          v.changeType,
          'complete',
          id,
          name,
          at,
          v.template.id,
          v.template.revision,
          v.documentText,
        ]);
      }
      versions += rows.versions.length;
      ehrIds.push(ehrId);
      for (const a of rows.audit) {
        await audit.add([
          a.chainKey,
          a.seq,
          a.occurredAt.toISOString(),
          a.action,
          a.outcome,
          a.actorId,
          a.actorRole,
          a.ehrId,
          a.resource,
          a.detailsText,
          a.address,
          a.prevHash,
          a.hash,
        ]);
      }
      const head = rows.audit.at(-1);
      if (head) await chain.add([ehrId, head.seq, head.hash]);
    },
    /** Writes what is left, then the current rows; returns how many versions were written. */
    async finish(): Promise<{ versions: number }> {
      for (const table of all) await table.finish();
      for (let i = 0; i < ehrIds.length; i += 2_000) await run(currentRowsFromVersions, [ehrIds.slice(i, i + 2_000)]);
      return { versions };
    },
  };
}

/**
 * The current row of each composition of some EHRs (`$1`, a few thousand: index scans, no sort):
 * its latest version, as the commit function writes it.
 */
const currentRowsFromVersions = `
  insert into composition (ehr_id, uid, version, template_id, template_revision, category, start_time,
                           composer_id, composer_name, committed_at, document)
  select ehr_id, uid, version, template_id, template_revision, document ->> 'category',
         (document -> 'context' ->> 'startTime')::timestamptz, committer_id, committer_name, committed_at, document
    from (select v.ehr_id, v.uid, v.version, v.template_id, v.template_revision, v.committer_id, v.committer_name,
                 v.committed_at, v.document::jsonb as document
            from composition_version v
           where v.ehr_id = any($1::uuid[])
             and not exists (select 1 from composition_version later
                              where later.ehr_id = v.ehr_id and later.uid = v.uid and later.version > v.version)
         ) as current`;
