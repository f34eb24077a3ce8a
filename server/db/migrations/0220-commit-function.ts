import { sql, type Kysely } from 'kysely';

/**
 * `docsy_commit_contribution`: one commit (one or several versions) in one statement, so one
 * database round trip (SPEC §8). It checks every precondition first (the EHR exists and is
 * modifiable; each amended or deleted composition exists, is not deleted, is at the version
 * the client's `If-Match` named, keeps its template), locking those compositions in uid order
 * so that concurrent contributions cannot deadlock. When one fails it returns a single row
 * naming the failure and writes nothing. Otherwise it writes, for each version, the version
 * row, the current row and the audit event, then the contribution, and returns one row per
 * version with its stored document (what every later read returns, byte for byte).
 *
 * `p_versions` is a JSON array of
 * `{uid, changeType, expected, templateId, templateRevision, templatePublished, category, startTime,
 * documentHead, documentTail}`: `expected` is the version number the client saw (null for a
 * creation), `startTime` in UTC, and the document's JSON text is `documentHead`, the commit time
 * as a JSON string, then `documentTail` (absent for a deletion).
 *
 * Outcomes: `committed`, `no-ehr`, `ehr-not-modifiable`, `not-found`, `gone`, `stale` (with the
 * current version), `template-changed` (detail: the composition's template id) and
 * `template-not-published` (detail: its template revision).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function docsy_commit_contribution(
      p_ehr_id uuid, p_contribution_id uuid, p_system_id text,
      p_committer_id text, p_committer_name text, p_committer_role text, p_address text,
      p_reason text, p_versions jsonb
    ) returns table (outcome text, item integer, item_uid uuid, item_version integer, committed_at timestamptz, detail text)
    language plpgsql as $$
    #variable_conflict use_column
    declare
      v_modifiable boolean;
      v_check record;
      v_current record;
      v_entry record;
      v_at timestamptz;
      v_at_text text;
      v_uid uuid;
      v_type text;
      v_version integer;
      v_version_uid text;
      v_document text;
      v_change_types text[] := '{}';
    begin
      select e.is_modifiable into v_modifiable from ehr e where e.ehr_id = p_ehr_id;
      if not found then
        return query select 'no-ehr', null::integer, null::uuid, null::integer, null::timestamptz, null::text;
        return;
      end if;
      if not v_modifiable then
        return query select 'ehr-not-modifiable', null::integer, null::uuid, null::integer, null::timestamptz, null::text;
        return;
      end if;

      for v_check in
        select x.value as entry, (x.ordinality - 1)::integer as position
        from jsonb_array_elements(p_versions) with ordinality as x
        where x.value->>'changeType' <> 'creation'
        order by x.value->>'uid'
      loop
        select c.version, c.deleted, c.template_id, c.template_revision into v_current
          from composition c
          where c.ehr_id = p_ehr_id and c.uid = (v_check.entry->>'uid')::uuid
          for update;
        if not found then
          return query select 'not-found', v_check.position, (v_check.entry->>'uid')::uuid, null::integer,
            null::timestamptz, null::text;
          return;
        end if;
        if v_current.deleted then
          return query select 'gone', v_check.position, (v_check.entry->>'uid')::uuid, v_current.version,
            null::timestamptz, null::text;
          return;
        end if;
        if v_current.version is distinct from (v_check.entry->>'expected')::integer then
          return query select 'stale', v_check.position, (v_check.entry->>'uid')::uuid, v_current.version,
            null::timestamptz, null::text;
          return;
        end if;
        if v_check.entry->>'changeType' <> 'deleted' then
          if v_current.template_id <> v_check.entry->>'templateId' then
            return query select 'template-changed', v_check.position, (v_check.entry->>'uid')::uuid,
              v_current.version, null::timestamptz, v_current.template_id;
            return;
          end if;
          if not (v_check.entry->>'templatePublished')::boolean
             and v_current.template_revision <> v_check.entry->>'templateRevision' then
            return query select 'template-not-published', v_check.position, (v_check.entry->>'uid')::uuid,
              v_current.version, null::timestamptz, v_current.template_revision;
            return;
          end if;
        end if;
      end loop;

      -- After the locks: a later version of a composition never carries an earlier time.
      v_at := date_trunc('milliseconds', clock_timestamp());
      v_at_text := to_char(v_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

      for v_entry in
        select x.value as entry, (x.ordinality - 1)::integer as position
        from jsonb_array_elements(p_versions) with ordinality as x
        order by x.ordinality
      loop
        v_uid := (v_entry.entry->>'uid')::uuid;
        v_type := v_entry.entry->>'changeType';
        v_version := coalesce((v_entry.entry->>'expected')::integer, 0) + 1;
        v_version_uid := v_uid::text || '::' || p_system_id || '::' || v_version::text;
        v_change_types := array_append(v_change_types, v_type);

        if v_type = 'deleted' then
          v_document := null;
          update composition c
            set version = v_version, deleted = true, document = null, committed_at = v_at
            where c.ehr_id = p_ehr_id and c.uid = v_uid
            returning c.template_id, c.template_revision into v_current;
        else
          -- The client's key order and number text are kept: the document is stored as JSON text.
          v_document := (v_entry.entry->>'documentHead') || to_json(v_at_text)::text || (v_entry.entry->>'documentTail');
          if v_type = 'creation' then
            insert into composition (ehr_id, uid, version, template_id, template_revision, category, start_time,
                                     composer_id, composer_name, committed_at, deleted, document)
              values (p_ehr_id, v_uid, v_version, v_entry.entry->>'templateId', v_entry.entry->>'templateRevision',
                      v_entry.entry->>'category', (v_entry.entry->>'startTime')::timestamptz,
                      p_committer_id, p_committer_name, v_at, false, v_document::jsonb);
          else
            update composition c
              set version = v_version, template_revision = v_entry.entry->>'templateRevision',
                  category = v_entry.entry->>'category', start_time = (v_entry.entry->>'startTime')::timestamptz,
                  composer_id = p_committer_id, composer_name = p_committer_name, committed_at = v_at,
                  document = v_document::jsonb
              where c.ehr_id = p_ehr_id and c.uid = v_uid;
          end if;
          select v_entry.entry->>'templateId' as template_id, v_entry.entry->>'templateRevision' as template_revision
            into v_current;
        end if;

        insert into composition_version (ehr_id, uid, version, contribution_id, change_type, lifecycle,
                                         committer_id, committer_name, committed_at, template_id, template_revision,
                                         document)
          values (p_ehr_id, v_uid, v_version, p_contribution_id, v_type,
                  case when v_type = 'deleted' then 'deleted' else 'complete' end,
                  p_committer_id, p_committer_name, v_at, v_current.template_id, v_current.template_revision,
                  v_document::json);

        perform docsy_audit_append(
          p_ehr_id::text,
          'composition.' || case v_type when 'creation' then 'create' when 'amendment' then 'amend'
                                         when 'modification' then 'modify' else 'delete' end,
          'success', p_committer_id, p_committer_role, p_ehr_id, v_version_uid,
          jsonb_build_object('contribution', p_contribution_id, 'changeType', v_type,
                             'template', v_current.template_id || '@' || v_current.template_revision),
          p_address);

        return query select 'committed', v_entry.position, v_uid, v_version, v_at, v_document;
      end loop;

      insert into contribution (ehr_id, contribution_id, committer_id, committer_name, committer_role, committed_at,
                                change_types, reason, version_count)
        values (p_ehr_id, p_contribution_id, p_committer_id, p_committer_name, p_committer_role, v_at,
                array(select distinct t from unnest(v_change_types) t order by t), p_reason,
                cardinality(v_change_types));
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists docsy_commit_contribution`.execute(db);
}
