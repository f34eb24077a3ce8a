import type { ColumnType, Generated } from 'kysely';

/** One EHR per patient (openEHR EHR with its status flags). */
export interface EhrTable {
  ehr_id: string;
  system_id: string;
  /** Who the EHR is about: the patient's account id, when there is one. */
  subject_id: string | null;
  is_queryable: Generated<boolean>;
  is_modifiable: Generated<boolean>;
  created_at: Generated<Date>;
}

/**
 * The current version of each composition: what lists, reads and queries touch (one row each).
 * Written only by `docsy_commit_contribution` (migration 0220), except `restricted`, which is the
 * patient's restriction state.
 */
export interface CompositionTable {
  ehr_id: string;
  uid: string;
  /** The current version number (1 for a new composition; a tombstone when `deleted`). */
  version: number;
  template_id: string;
  template_revision: string;
  category: 'event' | 'persistent';
  start_time: Date;
  composer_id: string;
  composer_name: string;
  committed_at: Date;
  deleted: boolean;
  restricted: Generated<boolean>;
  /** The current version's document; null once deleted. */
  document: ColumnType<unknown, never, never>;
}

/** Every version ever committed, immutable (append-only in the database). */
export interface CompositionVersionTable {
  ehr_id: string;
  uid: string;
  version: number;
  contribution_id: string;
  change_type: ChangeType;
  lifecycle: 'complete' | 'deleted';
  committer_id: string;
  committer_name: string;
  committed_at: Date;
  template_id: string;
  template_revision: string;
  /** The composition exactly as committed; null for a deletion's tombstone. */
  document: ColumnType<unknown, never, never>;
}

/** One commit of one or several versions, with its audit details (append-only). */
export interface ContributionTable {
  ehr_id: string;
  contribution_id: string;
  committer_id: string;
  committer_name: string;
  committer_role: string | null;
  committed_at: Date;
  change_types: string[];
  reason: string | null;
  version_count: number;
}

/** openEHR change types: a new composition, a new version of its content, or its deletion. */
export type ChangeType = 'creation' | 'amendment' | 'modification' | 'deleted';

export interface EhrTables {
  ehr: EhrTable;
  composition: CompositionTable;
  composition_version: CompositionVersionTable;
  contribution: ContributionTable;
}
