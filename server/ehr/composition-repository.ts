import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/database.js';
import { jsonb } from '../db/engine-differences.js';
import type { ChangeType } from './ehr-tables.js';

/**
 * Which compositions a viewer may see: a condition on the `composition` row (the current
 * version, with its `restricted` flag), or undefined for all. Built by the access capability,
 * e.g. `sql<SqlBool>\`not composition.restricted\``; reads, lists, histories and counts all apply it.
 */
export type CompositionVisibility = Expression<SqlBool> | undefined;

/** One composition's current state, as a list shows it. */
export interface CompositionSummaryRow {
  uid: string;
  version: number;
  templateId: string;
  templateRevision: string;
  category: string;
  startTime: Date;
  composerId: string;
  composerName: string;
  committedAt: Date;
  restricted: boolean;
  /** `start_time` at full precision, for the keyset cursor. */
  startKey: string;
}

/** The list filters of `GET /api/ehr/{ehr_id}/compositions`. */
export interface CompositionFilters {
  template?: string;
  archetype?: string;
  category?: string;
  from?: string;
  to?: string;
  /** Start strictly before this `[startKey, uid]` (the cursor of the previous page). */
  before?: [string, string];
}

/** A stored document and its version (the current one, or an exact one). */
export interface StoredVersionRow {
  version: number;
  deleted: boolean;
  committedAt: Date;
  /** The document as JSON text, exactly as stored; null for a deletion's tombstone. */
  document: string | null;
}

/** One entry of a composition's history with its audit details. */
export interface VersionAuditRow {
  version: number;
  changeType: ChangeType;
  lifecycle: 'complete' | 'deleted';
  committerId: string;
  committerName: string;
  committedAt: Date;
  templateId: string;
  templateRevision: string;
  contributionId: string;
  reason: string | null;
}

const visible = (visibility: CompositionVisibility): Expression<SqlBool> => visibility ?? sql<SqlBool>`true`;

/**
 * Reads of compositions and their versions (Kysely; no rules here). Every query is one round
 * trip served by an index: the primary keys, `composition_chart` for lists.
 *
 * @example
 * const repository = new CompositionRepository(db);
 * const current = await repository.current(ehrId, uid, undefined);
 */
export class CompositionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The current version of a composition, or undefined when there is none the viewer may see.
   * The document comes from the version row (the exact text committed): two primary-key probes.
   */
  async current(ehrId: string, uid: string, visibility: CompositionVisibility): Promise<StoredVersionRow | undefined> {
    return this.#stored(ehrId, uid)
      .where('v.version', '=', this.#visible(ehrId, uid, visibility).select('composition.version'))
      .executeTakeFirst();
  }

  /** One exact version of a composition, or undefined. */
  async version(
    ehrId: string,
    uid: string,
    version: number,
    visibility: CompositionVisibility,
  ): Promise<StoredVersionRow | undefined> {
    return this.#stored(ehrId, uid)
      .where('v.version', '=', version)
      .where((eb) => eb.exists(this.#visible(ehrId, uid, visibility).select(sql`1`.as('one'))))
      .executeTakeFirst();
  }

  /** Version rows by primary key; the caller names the version. */
  #stored(ehrId: string, uid: string) {
    return this.db
      .selectFrom('composition_version as v')
      .select([
        'v.version',
        sql<boolean>`v.lifecycle = 'deleted'`.as('deleted'),
        'v.committed_at as committedAt',
        sql<string | null>`v.document::text`.as('document'),
      ])
      .where('v.ehr_id', '=', ehrId)
      .where('v.uid', '=', uid);
  }

  /** The composition's current row, if the viewer may see it. */
  #visible(ehrId: string, uid: string, visibility: CompositionVisibility) {
    return this.db
      .selectFrom('composition')
      .where('composition.ehr_id', '=', ehrId)
      .where('composition.uid', '=', uid)
      .where(visible(visibility));
  }

  /** Current, not deleted compositions of one EHR, newest start time first; `limit + 1` rows at most. */
  async list(
    ehrId: string,
    filters: CompositionFilters,
    limit: number,
    visibility: CompositionVisibility,
  ): Promise<CompositionSummaryRow[]> {
    let query = this.db
      .selectFrom('composition')
      .select([
        'uid',
        'version',
        'template_id as templateId',
        'template_revision as templateRevision',
        'category',
        'start_time as startTime',
        'composer_id as composerId',
        'composer_name as composerName',
        'committed_at as committedAt',
        'restricted',
        sql<string>`to_char(start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('startKey'),
      ])
      .where('ehr_id', '=', ehrId)
      .where(sql<SqlBool>`not composition.deleted`)
      .where(visible(visibility));
    if (filters.template) query = query.where('template_id', '=', filters.template);
    if (filters.category) query = query.where('category', '=', filters.category as 'event' | 'persistent');
    if (filters.from) query = query.where('start_time', '>=', new Date(filters.from));
    if (filters.to) query = query.where('start_time', '<', new Date(filters.to));
    if (filters.archetype) {
      query = query.where(sql<SqlBool>`document -> 'content' @> ${jsonb([{ archetype: filters.archetype }])}`);
    }
    if (filters.before) {
      const [startKey, uid] = filters.before;
      query = query.where(sql<SqlBool>`(start_time, uid) < (${startKey}::timestamptz, ${uid}::uuid)`);
    }
    return query
      .orderBy('start_time', 'desc')
      .orderBy('uid', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /** A composition's versions after version `after`, oldest first, with their audit details; `limit + 1` rows at most. */
  async history(
    ehrId: string,
    uid: string,
    page: { after: number; limit: number },
    visibility: CompositionVisibility,
  ): Promise<VersionAuditRow[]> {
    return this.#audited(ehrId, uid, visibility)
      .where('v.version', '>', page.after)
      .orderBy('v.version')
      .limit(page.limit + 1)
      .execute();
  }

  /** One version with its audit details and its document as JSON text (null for a tombstone), or undefined. */
  async auditedVersion(
    ehrId: string,
    uid: string,
    version: number,
    visibility: CompositionVisibility,
  ): Promise<(VersionAuditRow & { document: string | null }) | undefined> {
    return this.#audited(ehrId, uid, visibility)
      .select(sql<string | null>`v.document::text`.as('document'))
      .where('v.version', '=', version)
      .executeTakeFirst();
  }

  #audited(ehrId: string, uid: string, visibility: CompositionVisibility) {
    return this.db
      .selectFrom('composition_version as v')
      .innerJoin('composition', (join) =>
        join.onRef('composition.ehr_id', '=', 'v.ehr_id').onRef('composition.uid', '=', 'v.uid'),
      )
      .innerJoin('contribution as c', (join) =>
        join.onRef('c.ehr_id', '=', 'v.ehr_id').onRef('c.contribution_id', '=', 'v.contribution_id'),
      )
      .select([
        'v.version',
        'v.change_type as changeType',
        'v.lifecycle',
        'v.committer_id as committerId',
        'v.committer_name as committerName',
        'v.committed_at as committedAt',
        'v.template_id as templateId',
        'v.template_revision as templateRevision',
        'v.contribution_id as contributionId',
        'c.reason',
      ])
      .where('v.ehr_id', '=', ehrId)
      .where('v.uid', '=', uid)
      .where(visible(visibility));
  }
}
