import type { Generated } from 'kysely';

/** The demo data marker (migration 0900-demo): at most one row, written with the demo data. */
export interface DemoLoadTable {
  /** Always true: the table holds one row at most. */
  id: Generated<boolean>;
  /** The generator's seed. */
  seed: number;
  /** The day the histories are dated from (`YYYY-MM-DD`). */
  anchor_date: string;
  accounts: number;
  compositions: number;
  loaded_at: Generated<Date>;
}

export interface DemoTables {
  demo_load: DemoLoadTable;
}
