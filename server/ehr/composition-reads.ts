import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { decodeCursor, page } from '../http/pagination.js';
import {
  CompositionRepository,
  type CompositionFilters,
  type CompositionVisibility,
  type VersionAuditRow,
} from './composition-repository.js';
import { findEhr } from './ehr-repository.js';
import { formatVersionUid, parseVersionUid } from './version-uid.js';

/** What a reader may see; see {@link CompositionVisibility}. Omitted: everything. */
export interface ReadOptions {
  visibility?: CompositionVisibility;
}

/** A composition version as read: its id, time and stored document (JSON text, byte for byte as committed). */
export interface ReadVersion {
  versionUid: string;
  committedAt: Date;
  document: string;
}

/** A composition in a list (SPEC §3 "Shapes"). */
export interface CompositionListItem {
  uid: string;
  versionUid: string;
  template: { id: string; revision: string };
  category: string;
  startTime: Date;
  composer: { id: string; name: string };
  committedAt: Date;
  restricted: boolean;
}

/** One version in a composition's history, with its audit details. */
export interface VersionEntry {
  version: number;
  versionUid: string;
  changeType: VersionAuditRow['changeType'];
  lifecycle: VersionAuditRow['lifecycle'];
  committer: { id: string; name: string };
  committedAt: Date;
  template: { id: string; revision: string };
  contributionId: string;
  reason?: string;
}

/**
 * Reads compositions for a viewer: the current or an exact version, an EHR's current
 * compositions, a composition's history. A composition the viewer may not see is answered as
 * if it did not exist (404). The caller checks authorization and writes read audit events.
 *
 * @example
 * const reads = new CompositionReads(db, config.systemId);
 * const { versionUid, document } = await reads.read(ehrId, uid, { visibility });
 */
export class CompositionReads {
  readonly #repository: CompositionRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly systemId: string,
  ) {
    this.#repository = new CompositionRepository(db);
  }

  /**
   * The latest version (`uid` a bare uuid) or an exact one (`uid` a version id). Throws 404,
   * and 410 when that version is a deletion (or the composition is deleted).
   */
  async read(ehrId: string, uid: string, options: ReadOptions = {}): Promise<ReadVersion> {
    const exact = parseVersionUid(uid);
    if (exact && exact.systemId !== this.systemId) {
      throw new ApiError('NOT_FOUND', `Version ${uid} belongs to system ${exact.systemId}, not ${this.systemId}`);
    }
    const uuid = exact?.uid ?? uid.toLowerCase();
    const row = exact
      ? await this.#repository.version(ehrId, uuid, exact.version, options.visibility)
      : await this.#repository.current(ehrId, uuid, options.visibility);
    if (!row) throw await this.#notFound(ehrId, exact ? `No version ${uid}` : `No composition ${uid}`);
    const versionUid = formatVersionUid({ uid: uuid, systemId: this.systemId, version: row.version });
    if (row.deleted || row.document === null) {
      throw new ApiError('GONE', `Composition ${uuid} was deleted (version ${versionUid}); its history stays readable`);
    }
    return { versionUid, committedAt: row.committedAt, document: row.document };
  }

  /** An EHR's current compositions, newest start time first, one page. Throws 404 for an unknown EHR. */
  async list(
    ehrId: string,
    query: Omit<CompositionFilters, 'before'> & { limit: number; cursor?: string },
    options: ReadOptions = {},
  ): Promise<{ items: CompositionListItem[]; next?: string }> {
    const before = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
    const rows = await this.#repository.list(ehrId, { ...query, before }, query.limit, options.visibility);
    if (rows.length === 0 && !(await findEhr(this.db, ehrId))) throw new ApiError('NOT_FOUND', `No EHR ${ehrId}`);
    const { items, next } = page(rows, query.limit, (row) => [row.startKey, row.uid]);
    return {
      items: items.map((row) => ({
        uid: row.uid,
        versionUid: formatVersionUid({ uid: row.uid, systemId: this.systemId, version: row.version }),
        template: { id: row.templateId, revision: row.templateRevision },
        category: row.category,
        startTime: row.startTime,
        composer: { id: row.composerId, name: row.composerName },
        committedAt: row.committedAt,
        restricted: row.restricted,
      })),
      ...(next ? { next } : {}),
    };
  }

  /** A composition's versions, oldest first, with audit details. Throws 404. */
  async history(
    ehrId: string,
    uid: string,
    query: { limit: number; cursor?: string },
    options: ReadOptions = {},
  ): Promise<{ items: VersionEntry[]; next?: string }> {
    const after = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : 0;
    const rows = await this.#repository.history(ehrId, uid, { after, limit: query.limit }, options.visibility);
    if (rows.length === 0 && after === 0) throw await this.#notFound(ehrId, `No composition ${uid}`);
    const { items, next } = page(rows, query.limit, (row) => [row.version]);
    return { items: items.map((row) => this.#entry(uid, row)), ...(next ? { next } : {}) };
  }

  /**
   * One version's audit details and, unless it is a deletion, its document (JSON text, as
   * {@link read} returns it). Throws 404.
   */
  async versionEntry(
    ehrId: string,
    uid: string,
    version: number,
    options: ReadOptions = {},
  ): Promise<{ entry: VersionEntry; document: string | null }> {
    const row = await this.#repository.auditedVersion(ehrId, uid, version, options.visibility);
    if (!row) throw await this.#notFound(ehrId, `No version ${version} of composition ${uid}`);
    return { entry: this.#entry(uid, row), document: row.document };
  }

  #entry(uid: string, row: VersionAuditRow): VersionEntry {
    return {
      version: row.version,
      versionUid: formatVersionUid({ uid, systemId: this.systemId, version: row.version }),
      changeType: row.changeType,
      lifecycle: row.lifecycle,
      committer: { id: row.committerId, name: row.committerName },
      committedAt: row.committedAt,
      template: { id: row.templateId, revision: row.templateRevision },
      contributionId: row.contributionId,
      ...(row.reason !== null ? { reason: row.reason } : {}),
    };
  }

  /** 404 naming what is missing: the EHR itself, or the thing in it. */
  async #notFound(ehrId: string, detail: string): Promise<ApiError> {
    const ehr = await findEhr(this.db, ehrId);
    return new ApiError('NOT_FOUND', ehr ? `${detail} in EHR ${ehrId}` : `No EHR ${ehrId}`);
  }
}
