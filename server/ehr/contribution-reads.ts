import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { CompositionVisibility } from './composition-repository.js';
import type { ChangeType } from './ehr-tables.js';
import { formatVersionUid } from './version-uid.js';

/** A contribution with its audit details and the versions it committed (those the viewer may see). */
export interface ContributionRecord {
  contributionId: string;
  committer: { id: string; name: string };
  committedAt: Date;
  changeTypes: ChangeType[];
  reason?: string;
  versions: { uid: string; versionUid: string; changeType: ChangeType }[];
}

/**
 * Reads one contribution of an EHR. Its versions are found through the EHR's version rows
 * (primary-key prefix): contributions are read rarely, so no index is kept for them.
 * Throws 404.
 *
 * @example
 * const contribution = await readContribution(db, systemId, ehrId, contributionId, { visibility });
 */
export async function readContribution(
  db: Kysely<Database>,
  systemId: string,
  ehrId: string,
  contributionId: string,
  options: { visibility?: CompositionVisibility } = {},
): Promise<ContributionRecord> {
  const row = await db
    .selectFrom('contribution')
    .selectAll()
    .where('ehr_id', '=', ehrId)
    .where('contribution_id', '=', contributionId)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `No contribution ${contributionId} in EHR ${ehrId}`);
  const versions = await db
    .selectFrom('composition_version as v')
    .innerJoin('composition', (join) =>
      join.onRef('composition.ehr_id', '=', 'v.ehr_id').onRef('composition.uid', '=', 'v.uid'),
    )
    .select(['v.uid', 'v.version', 'v.change_type as changeType'])
    .where('v.ehr_id', '=', ehrId)
    .where('v.contribution_id', '=', contributionId)
    .where(options.visibility ?? sql<boolean>`true`)
    .orderBy('v.committed_at')
    .orderBy('v.uid')
    .execute();
  return {
    contributionId: row.contribution_id,
    committer: { id: row.committer_id, name: row.committer_name },
    committedAt: row.committed_at,
    changeTypes: row.change_types as ChangeType[],
    ...(row.reason !== null ? { reason: row.reason } : {}),
    versions: versions.map((v) => ({
      uid: v.uid,
      versionUid: formatVersionUid({ uid: v.uid, systemId, version: v.version }),
      changeType: v.changeType,
    })),
  };
}
