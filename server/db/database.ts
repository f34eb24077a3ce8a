import type { AccessTables } from '../access/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { DocumentTables } from '../documents/tables.js';
import type { DemoTables } from '../demo/tables.js';
import type { EhrTables } from '../ehr/ehr-tables.js';
import type { KnowledgeTables } from '../knowledge/tables.js';
import type { SchedulingTables } from '../scheduling/tables.js';
import type { TerminologyTables } from '../terminology/tables.js';
import type { FoundationTables } from './foundation-tables.js';

/**
 * Every table Kysely knows, composed from one interface per capability. A capability adds its
 * tables with one more `extends` entry, e.g. `KnowledgeTables` from `server/knowledge/tables.ts`.
 */
export interface Database
  extends
    FoundationTables,
    AuditTables,
    KnowledgeTables,
    EhrTables,
    AccessTables,
    SchedulingTables,
    TerminologyTables,
    DocumentTables,
    DemoTables {}
