import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { json, jsonb } from '../db/engine-differences.js';
import type { ArchetypeModel, Lifecycle, TemplateDocument } from './element-tree.js';

export type KnowledgeKind = 'archetype' | 'template';

/** A stored revision: identity, state, who published it when, and the file as published. */
export interface StoredRevision {
  id: string;
  revision: string;
  lifecycle: Lifecycle;
  title: string;
  createdBy: string;
  createdAt: Date;
  document: unknown;
  /** The archetype's entry class, or the template's category. */
  kindOf: string;
  /** Templates only: the roles that may author. */
  authorRoles?: string[];
}

/**
 * Kysely queries on archetype and template revisions; no business rules here.
 *
 * @example
 * const repository = new RegistryRepository(db);
 * await repository.revisions('archetype', 'openEHR-EHR-OBSERVATION.blood_pressure.v2');
 */
export class RegistryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every revision of one id, oldest first. */
  async revisions(kind: KnowledgeKind, id: string): Promise<StoredRevision[]> {
    const rows = await this.ordered(kind).where('id', '=', id).execute();
    return rows.map(toStored);
  }

  async revision(kind: KnowledgeKind, id: string, revision: string): Promise<StoredRevision | undefined> {
    const row = await this.ordered(kind).where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
    return row && toStored(row);
  }

  /** Every stored file of a kind, in id and revision order. */
  async allDocuments(kind: KnowledgeKind): Promise<unknown[]> {
    const rows = await this.ordered(kind).execute();
    return rows.map((row) => row.document);
  }

  /** The latest revision of every id (drafts included), ordered by id. */
  async latest(kind: KnowledgeKind): Promise<StoredRevision[]> {
    const rows = await this.db
      .selectFrom('knowledge_revision')
      .selectAll()
      .where('kind', '=', kind)
      .distinctOn('id')
      .orderBy('id')
      .orderBy('major', 'desc')
      .orderBy('minor', 'desc')
      .orderBy('patch', 'desc')
      .execute();
    return rows.map(toStored);
  }

  /** Inserts a revision, or rewrites it (a draft, or a lifecycle change the guard trigger allows). */
  async saveArchetype(model: ArchetypeModel, document: unknown, createdBy: string): Promise<void> {
    const { id, revision, entryClass, lifecycle } = model.metadata;
    await this.save(
      'archetype',
      id,
      revision,
      { title: model.title, lifecycle, kind_of: entryClass, author_roles: null },
      document,
      createdBy,
    );
  }

  async saveTemplate(template: TemplateDocument, document: unknown, createdBy: string): Promise<void> {
    const values = {
      title: template.title,
      lifecycle: template.lifecycle,
      kind_of: template.category,
      author_roles: jsonb(template.authorRoles),
    };
    await this.save('template', template.id, template.revision, values, document, createdBy);
  }

  private async save(
    kind: KnowledgeKind,
    id: string,
    revision: string,
    described: { title: string; lifecycle: Lifecycle; kind_of: string; author_roles: unknown },
    document: unknown,
    createdBy: string,
  ): Promise<void> {
    const [major = 0, minor = 0, patch = 0] = revision.split('.').map(Number);
    const values = { ...described, document: json(document), created_by: createdBy };
    await this.db
      .insertInto('knowledge_revision')
      .values({ kind, id, revision, major, minor, patch, ...values })
      .onConflict((conflict) => conflict.columns(['kind', 'id', 'revision']).doUpdateSet(values))
      .execute();
  }

  private ordered(kind: KnowledgeKind) {
    return this.db
      .selectFrom('knowledge_revision')
      .selectAll()
      .where('kind', '=', kind)
      .orderBy('id')
      .orderBy('major')
      .orderBy('minor')
      .orderBy('patch');
  }
}

function toStored(row: {
  id: string;
  revision: string;
  lifecycle: Lifecycle;
  title: string;
  created_by: string;
  created_at: Date;
  document: unknown;
  kind_of: string;
  author_roles: string[] | null;
}): StoredRevision {
  return {
    id: row.id,
    revision: row.revision,
    lifecycle: row.lifecycle,
    title: row.title,
    createdBy: row.created_by,
    createdAt: row.created_at,
    document: row.document,
    kindOf: row.kind_of,
    ...(row.author_roles ? { authorRoles: row.author_roles } : {}),
  };
}
