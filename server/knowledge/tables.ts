import type { ColumnType, Generated } from 'kysely';

/**
 * One stored revision of an archetype or a template; the document is the file as published.
 * `kind_of` is the archetype's entry class or the template's category.
 */
export interface KnowledgeRevisionTable {
  kind: 'archetype' | 'template';
  id: string;
  revision: string;
  /** Semantic parts, for ordering revisions numerically in SQL. */
  major: number;
  minor: number;
  patch: number;
  lifecycle: 'draft' | 'published' | 'deprecated';
  title: string;
  kind_of: string;
  author_roles: ColumnType<string[] | null, unknown, unknown>;
  document: ColumnType<unknown, unknown, unknown>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface KnowledgeTables {
  knowledge_revision: KnowledgeRevisionTable;
}
