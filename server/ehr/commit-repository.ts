import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { jsonb } from '../db/engine-differences.js';
import type { ChangeType } from './ehr-tables.js';
import type { DocumentParts } from './stored-document.js';

/** Who commits: the signed-in user, and where from (for the audit event). */
export interface Committer {
  id: string;
  name: string;
  role?: string;
  address?: string;
}

/** The part of a composition a client writes: everything else is set by the server. */
export interface ClientComposition {
  template: { id: string; revision: string };
  context: { startTime: string } & Record<string, unknown>;
  content: unknown[];
}

/** One version of a contribution, checked and ready to write. */
export interface VersionToWrite {
  uid: string;
  changeType: ChangeType;
  /** The version number the client saw (`If-Match`); null for a creation. */
  expected: number | null;
  /** The template the body names and whether that revision takes new compositions; absent for a deletion. */
  template?: { id: string; revision: string; published: boolean; category: string };
  /** `context.startTime` in UTC; absent for a deletion. */
  startTime?: string;
  body?: ClientComposition;
}

/** A version as the database function takes it: the document as text around its commit time. */
export type VersionRow = Omit<VersionToWrite, 'body'> & { document?: DocumentParts };

/** A version as written: its number, and its document as stored (null for a deletion). */
export interface WrittenVersion {
  uid: string;
  version: number;
  changeType: ChangeType;
  documentText: string | null;
}

/** Why a contribution was refused; nothing was written. `item` is the index of the version concerned. */
export type CommitRefusal =
  | { outcome: 'no-ehr' }
  | { outcome: 'ehr-not-modifiable' }
  | {
      outcome: 'not-found' | 'gone' | 'stale' | 'template-changed' | 'template-not-published';
      item: number;
      uid: string;
      currentVersion: number | null;
      /** The composition's template id (template-changed) or revision (template-not-published). */
      current: string | null;
    };

export type CommitResult = { outcome: 'committed'; committedAt: Date; versions: WrittenVersion[] } | CommitRefusal;

interface CommitRow {
  outcome: string;
  item: number | null;
  item_uid: string | null;
  item_version: number | null;
  committed_at: Date | null;
  detail: string | null;
}

/**
 * Writes one contribution in a single statement (`docsy_commit_contribution`, migration 0220):
 * its versions, the current rows and the audit events, or nothing when a precondition fails.
 *
 * @example
 * const result = await writeContribution(db, { ehrId, contributionId, systemId, committer, versions: [version] });
 * if (result.outcome === 'stale') throw staleProblem(result.currentVersion);
 */
export async function writeContribution(
  db: Kysely<Database>,
  contribution: {
    ehrId: string;
    contributionId: string;
    systemId: string;
    committer: Committer;
    reason?: string;
    versions: VersionRow[];
  },
): Promise<CommitResult> {
  const { ehrId, contributionId, systemId, committer, reason, versions } = contribution;
  const { rows } = await sql<CommitRow>`
    select * from docsy_commit_contribution(
      ${ehrId}::uuid, ${contributionId}::uuid, ${systemId},
      ${committer.id}, ${committer.name}, ${committer.role ?? null}, ${committer.address ?? null},
      ${reason ?? null}, ${jsonb(versions.map(functionArgument))})`.execute(db);
  const first = rows[0]!;
  if (first.outcome !== 'committed') return refusal(first);
  return {
    outcome: 'committed',
    committedAt: first.committed_at!,
    versions: rows.map((row) => ({
      uid: row.item_uid!,
      version: row.item_version!,
      changeType: versions[row.item!]!.changeType,
      documentText: row.detail,
    })),
  };
}

function functionArgument(version: VersionRow): Record<string, unknown> {
  return {
    uid: version.uid,
    changeType: version.changeType,
    expected: version.expected,
    templateId: version.template?.id ?? null,
    templateRevision: version.template?.revision ?? null,
    templatePublished: version.template?.published ?? false,
    category: version.template?.category ?? null,
    startTime: version.startTime ?? null,
    documentHead: version.document?.head ?? null,
    documentTail: version.document?.tail ?? null,
  };
}

function refusal(row: CommitRow): CommitRefusal {
  if (row.outcome === 'no-ehr' || row.outcome === 'ehr-not-modifiable') return { outcome: row.outcome };
  return {
    outcome: row.outcome as Exclude<CommitRefusal['outcome'], 'no-ehr' | 'ehr-not-modifiable'>,
    item: row.item!,
    uid: row.item_uid!,
    currentVersion: row.item_version,
    current: row.detail,
  };
}
