import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.js';
import * as audit from './0050-audit.js';
import * as auditAppendOneUpdate from './0051-audit-append-one-update.js';
import * as auditHashBuiltinSha256 from './0052-audit-hash-builtin-sha256.js';
import * as knowledge from './0100-knowledge.js';
import * as knowledgeKeyOrder from './0110-knowledge-key-order.js';
import * as ehr from './0200-ehr.js';
import * as compositions from './0210-compositions.js';
import * as commitFunction from './0220-commit-function.js';
import * as contentIndex from './0230-content-index.js';
import * as access from './0300-access.js';
import * as accessControl from './0310-access-control.js';
import * as compositionRestriction from './0320-composition-restriction.js';
import * as patientSearch from './0390-patient-search.js';
import * as scheduling from './0400-scheduling.js';
import * as documents from './0500-documents.js';
import * as terminology from './0600-terminology.js';
import * as demo from './0900-demo.js';

/**
 * Every migration, in order of their names (the Migrator sorts by name). A capability adds one
 * line here; numbers are reserved per capability so branches do not collide:
 * 0001 foundation, 0050 audit, 0100 knowledge, 0200 ehr, 0300 access, 0400 scheduling, 0500 documents,
 * 0600 terminology, 0900 demo.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0050-audit': audit,
  '0051-audit-append-one-update': auditAppendOneUpdate,
  '0052-audit-hash-builtin-sha256': auditHashBuiltinSha256,
  '0100-knowledge': knowledge,
  '0110-knowledge-key-order': knowledgeKeyOrder,
  '0200-ehr': ehr,
  '0210-compositions': compositions,
  '0220-commit-function': commitFunction,
  '0230-content-index': contentIndex,
  '0300-access': access,
  '0310-access-control': accessControl,
  '0320-composition-restriction': compositionRestriction,
  '0390-patient-search': patientSearch,
  '0400-scheduling': scheduling,
  '0500-documents': documents,
  '0600-terminology': terminology,
  '0900-demo': demo,
};
