import type { Generated } from 'kysely';

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

export interface EhrTables {
  ehr: EhrTable;
}
