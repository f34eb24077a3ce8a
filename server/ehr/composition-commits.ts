import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError, type FieldError } from '../http/api-error.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { attachmentReferenceErrors, attachmentValuesIn } from './attachment-references.js';
import { commitRefusalProblem, type VersionPath } from './commit-refusal-problem.js';
import { writeContribution, type Committer, type VersionRow, type VersionToWrite } from './commit-repository.js';
import type { ChangeType } from './ehr-tables.js';
import { prepareVersion, type CreationPurpose, type VersionRequest } from './prepare-version.js';
import { documentParts } from './stored-document.js';
import { formatVersionUid } from './version-uid.js';

/** One version as committed. `document` is the stored composition as JSON text (null for a deletion). */
export interface CommittedVersion {
  uid: string;
  version: number;
  versionUid: string;
  changeType: ChangeType;
  committedAt: Date;
  document: string | null;
}

export interface CommittedContribution {
  contributionId: string;
  committedAt: Date;
  versions: CommittedVersion[];
}

/** Optional audit details of a commit. */
export interface CommitOptions {
  reason?: string;
}

/**
 * Commits compositions: creation, amendment, deletion and contributions of several versions,
 * each validated against the exact template revision it names and written in one database
 * round trip with its contribution and audit events. The committer is the signed-in user;
 * authorization is checked by the caller.
 *
 * @example
 * const commits = new CompositionCommits(db, registry, config.systemId);
 * const created = await commits.create(ehrId, body, { id: user.id, name: user.name, role: 'doctor' });
 * await commits.amend(ehrId, created.uid, created.versionUid, changedBody, committer);
 */
export class CompositionCommits {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: KnowledgeRegistry,
    private readonly systemId: string,
  ) {}

  /** Commits a new composition (version 1). Throws 404 (EHR), 409, 422. */
  async create(ehrId: string, body: unknown, committer: Committer, options: CommitOptions = {}) {
    return this.#single(ehrId, { changeType: 'creation', body }, committer, options);
  }

  /**
   * Commits a new version of a composition, if `preceding` (the version id from `If-Match`) is
   * still its current version. Throws 404, 409 (a different `uid` in the body), 410, 412, 422.
   */
  async amend(
    ehrId: string,
    uid: string,
    preceding: string,
    body: unknown,
    committer: Committer,
    options: CommitOptions & { changeType?: 'amendment' | 'modification' } = {},
  ) {
    const changeType = options.changeType ?? 'amendment';
    return this.#single(ehrId, { changeType, uid, preceding, body }, committer, options);
  }

  /** Writes a deletion's tombstone version, if `preceding` is still current. Throws 404, 410, 412. */
  async delete(ehrId: string, uid: string, preceding: string, committer: Committer, options: CommitOptions = {}) {
    return this.#single(ehrId, { changeType: 'deleted', uid, preceding }, committer, options);
  }

  /**
   * Commits several versions atomically: all of them, or (on any problem) none. Problems name
   * the version: `/versions/{i}/composition/…`, `/versions/{i}/precedingVersionUid`.
   */
  async contribute(
    ehrId: string,
    requests: VersionRequest[],
    committer: Committer,
    options: CommitOptions = {},
  ): Promise<CommittedContribution> {
    return this.#contribute(ehrId, requests, committer, options, 'creation');
  }

  /**
   * Like {@link contribute}, for records made in the past and loaded now (demo data, migrations
   * from another system): a creation may also name a **deprecated** template revision, since the
   * record was made while that revision was current. Everything else is checked as usual. No
   * route calls it: a clinician's new entry always uses a published revision.
   *
   * @example
   * await commits.importHistory(ehrId, [{ changeType: 'creation', body: legacyAllergy }], committer);
   */
  async importHistory(
    ehrId: string,
    requests: VersionRequest[],
    committer: Committer,
    options: CommitOptions = {},
  ): Promise<CommittedContribution> {
    return this.#contribute(ehrId, requests, committer, options, 'import');
  }

  async #contribute(
    ehrId: string,
    requests: VersionRequest[],
    committer: Committer,
    options: CommitOptions,
    creation: CreationPurpose,
  ): Promise<CommittedContribution> {
    const pathOf: VersionPath = (i) => ({
      precondition: `/versions/${i}/precedingVersionUid`,
      composition: `/versions/${i}/composition`,
    });
    const errors = repeatedCompositions(requests);
    const prepared = await Promise.all(
      requests.map((request, i) =>
        prepareVersion(this.registry, this.systemId, request, pathOf(i)!.composition, creation),
      ),
    );
    errors.push(...prepared.flatMap((p) => p.errors));
    if (errors.length > 0) throw invalid(errors);
    const attachments = prepared.flatMap((p, i) => attachmentValuesIn(p.version?.body, pathOf(i)!.composition));
    errors.push(...(await attachmentReferenceErrors(this.db, ehrId, attachments)));
    if (errors.length > 0) throw invalid(errors);
    return this.#write(
      ehrId,
      prepared.map((p) => p.version!),
      committer,
      options,
      pathOf,
    );
  }

  async #single(
    ehrId: string,
    request: VersionRequest,
    committer: Committer,
    options: CommitOptions,
  ): Promise<CommittedVersion> {
    const { version, errors } = await prepareVersion(this.registry, this.systemId, request);
    if (!version) throw invalid(errors);
    const attachmentErrors = await attachmentReferenceErrors(this.db, ehrId, attachmentValuesIn(version.body));
    if (attachmentErrors.length > 0) throw invalid(attachmentErrors);
    const committed = await this.#write(ehrId, [version], committer, options, () => undefined);
    return committed.versions[0]!;
  }

  async #write(
    ehrId: string,
    versions: VersionToWrite[],
    committer: Committer,
    options: CommitOptions,
    pathOf: VersionPath,
  ): Promise<CommittedContribution> {
    const contributionId = randomUUID();
    const rows = versions.map(({ body, ...version }): VersionRow => {
      if (!body) return version;
      const versionUid = formatVersionUid({
        uid: version.uid,
        systemId: this.systemId,
        version: (version.expected ?? 0) + 1,
      });
      const fields = {
        uid: version.uid,
        versionUid,
        ehrId: ehrId.toLowerCase(),
        category: version.template!.category,
        composer: committer,
      };
      return { ...version, document: documentParts(fields, body) };
    });
    const result = await writeContribution(this.db, {
      ehrId,
      contributionId,
      systemId: this.systemId,
      committer,
      reason: options.reason,
      versions: rows,
    });
    if (result.outcome !== 'committed') throw commitRefusalProblem(result, { ehrId, systemId: this.systemId, pathOf });
    const { committedAt } = result;
    return {
      contributionId,
      committedAt,
      versions: result.versions.map((v) => ({
        uid: v.uid,
        version: v.version,
        versionUid: formatVersionUid({ uid: v.uid, systemId: this.systemId, version: v.version }),
        changeType: v.changeType,
        committedAt,
        document: v.documentText,
      })),
    };
  }
}

function invalid(errors: FieldError[]): ApiError {
  const detail = errors.length === 1 ? 'The composition has 1 error' : `The composition has ${errors.length} errors`;
  return new ApiError('VALIDATION_FAILED', detail, { errors });
}

/** A contribution changes each composition at most once. */
function repeatedCompositions(requests: VersionRequest[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  requests.forEach((request, i) => {
    const uid = request.uid?.toLowerCase();
    if (uid === undefined) return;
    if (seen.has(uid))
      errors.push({ path: `/versions/${i}/uid`, message: 'is changed by an earlier version of this contribution' });
    seen.add(uid);
  });
  return errors;
}
