import type { ColumnType, Generated } from 'kysely';

/** A searchable list of codes from one code system (a SNOMED CT, LOINC or UCUM subset). */
export interface ValueSetTable {
  id: string;
  title: string;
  code_system: string;
  /** Where the rows came from: the shipped file, or an import. */
  source: string;
  /** SHA-256 of the source file, so an unchanged shipped file is not loaded again. */
  source_sha256: string;
  updated_at: Generated<Date>;
}

/** One code of a value set, with its display text and synonyms. */
export interface ConceptTable {
  value_set_id: string;
  code: string;
  display: string;
  synonyms: ColumnType<string[], string[], string[]>;
  /** Lower-case display and synonyms, what search matches against. */
  search_text: string;
}

export interface TerminologyTables {
  value_set: ValueSetTable;
  concept: ConceptTable;
}
