import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { CompositionVisibility } from './composition-repository.js';
import { findEhr } from './ehr-repository.js';

/** `GET /api/ehr/{ehr_id}`: the EHR's status and what it holds. */
export interface EhrSummary {
  ehrId: string;
  systemId: string;
  subjectId?: string;
  createdAt: Date;
  isQueryable: boolean;
  isModifiable: boolean;
  compositionCount: number;
  templates: { id: string; count: number }[];
  lastCommittedAt?: Date;
}

/**
 * The summary of an EHR: status flags, and its current compositions the viewer may see,
 * counted per template. Throws 404 for an unknown EHR.
 *
 * @example
 * const summary = await summarizeEhr(db, ehrId, { visibility });
 */
export async function summarizeEhr(
  db: Kysely<Database>,
  ehrId: string,
  options: { visibility?: CompositionVisibility } = {},
): Promise<EhrSummary> {
  const ehr = await findEhr(db, ehrId);
  if (!ehr) throw new ApiError('NOT_FOUND', `No EHR ${ehrId}`);
  const rows = await db
    .selectFrom('composition')
    .select(['template_id as id', sql<number>`count(*)`.as('count'), sql<Date>`max(committed_at)`.as('last')])
    .where('ehr_id', '=', ehrId)
    .where(sql<boolean>`not composition.deleted`)
    .where(options.visibility ?? sql<boolean>`true`)
    .groupBy('template_id')
    .orderBy('count', 'desc')
    .orderBy('template_id')
    .execute();
  const last = rows.reduce<Date | undefined>(
    (latest, row) => (!latest || row.last > latest ? row.last : latest),
    undefined,
  );
  return {
    ehrId: ehr.ehrId,
    systemId: ehr.systemId,
    ...(ehr.subjectId ? { subjectId: ehr.subjectId } : {}),
    createdAt: ehr.createdAt,
    isQueryable: ehr.isQueryable,
    isModifiable: ehr.isModifiable,
    compositionCount: rows.reduce((sum, row) => sum + Number(row.count), 0),
    templates: rows.map((row) => ({ id: row.id, count: Number(row.count) })),
    ...(last ? { lastCommittedAt: last } : {}),
  };
}
