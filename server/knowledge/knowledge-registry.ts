import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { breakingChangeErrors } from './breaking-change-errors.js';
import { canonicalJson } from './canonical-json.js';
import type { BreakingChange } from './compatibility.js';
import { compositionValidators } from './composition-validators.js';
import type { ArchetypeModel, TemplateDocument } from './element-tree.js';
import type { FieldError } from './field-errors.js';
import type { FormDefinition } from './form-definition.js';
import { KnowledgeCatalog } from './knowledge-catalog.js';
import type { ModellingError } from './modelling-error.js';
import { parseArchetype } from './parse-archetype.js';
import { parseTemplate } from './parse-template.js';
import { RegistryRepository, type StoredRevision } from './registry-repository.js';
import { reviewArchetype, reviewTemplate } from './review-knowledge.js';
import { checkSizeAndDepth } from './untrusted-json.js';

/** What publishing did: stored a new revision, found the same one, or changed a draft or lifecycle. */
export type PublishOutcome = 'created' | 'unchanged' | 'updated';

/** The result of publishing (or, with `dryRun`, of checking) one file. */
export interface PublishResult {
  outcome: PublishOutcome | 'checked';
  id: string;
  revision: string;
  lifecycle: string;
  title: string;
  breaking: BreakingChange[];
}

/**
 * The knowledge registry: archetype and template revisions kept in Postgres, checked before
 * they are stored, and held parsed in a catalog with their form definitions and validators.
 * Every instance of the server reads the same database; a revision published through another
 * instance is found on the first miss.
 *
 * @example
 * const registry = await KnowledgeRegistry.open(db);
 * await registry.publishArchetype(document, 'user:42');
 * const form = await registry.form('docsy.vital_signs.v1');
 */
export class KnowledgeRegistry {
  readonly catalog = new KnowledgeCatalog();
  readonly #db: Kysely<Database>;
  readonly #repository: RegistryRepository;

  private constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#repository = new RegistryRepository(db);
  }

  #loading: Promise<void> | undefined;

  /**
   * Opens the registry. Stored revisions are loaded into the catalog on first use, so building
   * the app needs no database round trip.
   */
  static open(db: Kysely<Database>): KnowledgeRegistry {
    return new KnowledgeRegistry(db);
  }

  /** Loads every stored revision into the catalog, once. */
  async ready(): Promise<void> {
    this.#loading ??= (async () => {
      for (const document of await this.#repository.allDocuments('archetype')) this.#hold('archetype', document);
      for (const document of await this.#repository.allDocuments('template')) this.#hold('template', document);
    })().catch((error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }

  get repository(): RegistryRepository {
    return this.#repository;
  }

  /**
   * Checks and stores an archetype revision. Throws 422 with every problem (breaking changes
   * included) or 409 when a released revision with other content exists.
   */
  async publishArchetype(document: unknown, actor: string, options: { dryRun?: boolean } = {}): Promise<PublishResult> {
    const identity = archetypeIdentity(document);
    return this.#publish('archetype', document, identity, actor, options.dryRun ?? false);
  }

  /** Checks and stores a template revision; as {@link publishArchetype}. */
  async publishTemplate(document: unknown, actor: string, options: { dryRun?: boolean } = {}): Promise<PublishResult> {
    const identity = templateIdentity(document);
    return this.#publish('template', document, identity, actor, options.dryRun ?? false);
  }

  async #publish(
    kind: 'archetype' | 'template',
    document: unknown,
    identity: { id: string; revision: string } | undefined,
    actor: string,
    dryRun: boolean,
  ): Promise<PublishResult> {
    const limits = checkSizeAndDepth(JSON.stringify(document ?? null).length, document);
    if (limits.length > 0) throw invalid(kind, limits);
    if (!identity) return this.#refuseUnidentified(kind, document);
    await this.ready();
    return this.#db.transaction().execute(async (trx) => {
      // One publisher per id at a time, so compatibility is always checked against the true latest revision.
      await sql`select pg_advisory_xact_lock(hashtext(${`docsy-knowledge:${identity.id}`}))`.execute(trx);
      const repository = new RegistryRepository(trx);
      const existing = await repository.revision(kind, identity.id, identity.revision);
      const same = existing && existing.lifecycle !== 'draft' ? compareReleased(kind, existing, document) : 'new';
      if (same === 'different') {
        throw new ApiError(
          'CONFLICT',
          `${kind} ${identity.id} revision ${identity.revision} is already released with other content; publish a new revision`,
        );
      }
      if (same === 'identical') return this.#result('unchanged', kind, document, []);
      await this.#refresh(kind, identity.id, repository);
      // A lifecycle change keeps content that was checked when it was released.
      const { model, breaking } =
        same === 'lifecycle' ? { model: this.#parse(kind, document), breaking: [] } : this.#review(kind, document);
      if (dryRun) return this.#result('checked', kind, document, breaking);
      if (kind === 'archetype') await repository.saveArchetype(model as ArchetypeModel, document, actor);
      else await repository.saveTemplate(model as TemplateDocument, document, actor);
      this.#hold(kind, document);
      return this.#result(existing ? 'updated' : 'created', kind, document, breaking);
    });
  }

  /** Reviews a file against the catalog; throws 422 with every problem and breaking change. */
  #review(
    kind: 'archetype' | 'template',
    document: unknown,
  ): { model: ArchetypeModel | TemplateDocument; breaking: BreakingChange[] } {
    if (kind === 'archetype') {
      const review = reviewArchetype(document, this.catalog);
      const errors = [
        ...review.errors,
        ...breakingChangeErrors(review.breaking, { kind: 'archetype', children: review.value?.children ?? [] }),
      ];
      if (!review.value || errors.length > 0) throw invalid(kind, errors);
      return { model: review.value, breaking: review.breaking };
    }
    const review = reviewTemplate(document, this.catalog);
    const slotIds = review.value?.template.slots.map((slot) => slot.id) ?? [];
    const errors = [...review.errors, ...breakingChangeErrors(review.breaking, { kind: 'template', slotIds })];
    if (!review.value || errors.length > 0) throw invalid(kind, errors);
    return { model: review.value.template, breaking: review.breaking };
  }

  #parse(kind: 'archetype' | 'template', document: unknown): ArchetypeModel | TemplateDocument {
    const parsed = kind === 'archetype' ? parseArchetype(document) : parseTemplate(document);
    if (!parsed.ok) throw invalid(kind, parsed.errors);
    return parsed.value;
  }

  #refuseUnidentified(kind: 'archetype' | 'template', document: unknown): never {
    const parsed = kind === 'archetype' ? parseArchetype(document) : parseTemplate(document);
    throw invalid(kind, parsed.ok ? [{ path: '', message: 'has no id and revision' }] : parsed.errors);
  }

  /** Loads into the catalog the revisions of one id that another instance may have stored. */
  async #refresh(kind: 'archetype' | 'template', id: string, repository: RegistryRepository): Promise<void> {
    const stored = await repository.revisions(kind, id);
    for (const revision of stored) this.#hold(kind, revision.document);
    if (kind === 'template') {
      const pins = templateIdentity(stored.at(-1)?.document)?.archetypes ?? {};
      for (const archetypeId of Object.keys(pins)) await this.#refresh('archetype', archetypeId, repository);
    }
  }

  #hold(kind: 'archetype' | 'template', document: unknown): void {
    if (kind === 'archetype') {
      const parsed = parseArchetype(document);
      if (parsed.ok) this.catalog.addArchetype(parsed.value);
    } else {
      const parsed = parseTemplate(document);
      if (parsed.ok) this.catalog.addTemplate(parsed.value);
    }
  }

  #result(
    outcome: PublishResult['outcome'],
    kind: 'archetype' | 'template',
    document: unknown,
    breaking: BreakingChange[],
  ): PublishResult {
    const source = (kind === 'archetype' ? (document as Record<string, unknown>)['x-archetype'] : document) as Record<
      string,
      string
    >;
    const title = (document as Record<string, string>).title ?? '';
    return { outcome, id: source.id!, revision: source.revision!, lifecycle: source.lifecycle!, title, breaking };
  }

  /**
   * The form definition of a template revision; without a revision, the latest released one.
   * Throws 404 when there is none.
   */
  async form(templateId: string, revision?: string): Promise<FormDefinition> {
    await this.ready();
    const chosen = revision ?? (await this.latestReleasedTemplateRevision(templateId));
    let form = chosen ? this.catalog.form(templateId, chosen) : undefined;
    if (!form && chosen) {
      await this.#refresh('template', templateId, this.#repository);
      form = this.catalog.form(templateId, chosen);
    }
    if (!form)
      throw new ApiError(
        'NOT_FOUND',
        revision ? `No template ${templateId} revision ${revision}` : `No released template ${templateId}`,
      );
    return form;
  }

  /** The latest published revision of a template, or else its latest deprecated one. */
  async latestReleasedTemplateRevision(templateId: string): Promise<string | undefined> {
    const revisions = await this.#repository.revisions('template', templateId);
    const published = revisions.filter((r) => r.lifecycle === 'published').at(-1);
    return (published ?? revisions.filter((r) => r.lifecycle === 'deprecated').at(-1))?.revision;
  }

  /**
   * Validates a composition body against the exact template revision it names; `[]` when valid.
   *
   * @example
   * const errors = await registry.validateComposition(body); // [{ path, message }]
   */
  async validateComposition(templateId: string, revision: string, body: unknown): Promise<FieldError[]> {
    return compositionValidators.validate(await this.form(templateId, revision), body);
  }
}

function invalid(kind: string, errors: ModellingError[]): ApiError {
  const breaking = errors.filter((e) => e.message.startsWith('breaking change')).length;
  const detail =
    breaking > 0
      ? `The ${kind} has ${breaking} breaking change(s) and ${errors.length - breaking} other problem(s)`
      : `The ${kind} has ${errors.length} problem(s)`;
  return new ApiError('VALIDATION_FAILED', detail, { errors });
}

/** Same released revision: identical, a lifecycle change published -> deprecated (allowed), or different. */
function compareReleased(
  kind: 'archetype' | 'template',
  existing: StoredRevision,
  document: unknown,
): 'identical' | 'lifecycle' | 'different' {
  if (canonicalJson(existing.document) === canonicalJson(document)) return 'identical';
  const withoutLifecycle = (value: unknown): string => {
    const copy = structuredClone(value) as Record<string, Record<string, unknown>>;
    if (kind === 'archetype' && copy['x-archetype']) delete copy['x-archetype'].lifecycle;
    else delete (copy as Record<string, unknown>).lifecycle;
    return canonicalJson(copy);
  };
  const deprecating = lifecycleOf(kind, document) === 'deprecated' && existing.lifecycle === 'published';
  return deprecating && withoutLifecycle(existing.document) === withoutLifecycle(document) ? 'lifecycle' : 'different';
}

function lifecycleOf(kind: 'archetype' | 'template', document: unknown): unknown {
  const source = (kind === 'archetype' ? (document as Record<string, unknown>)['x-archetype'] : document) as
    Record<string, unknown> | undefined;
  return source?.lifecycle;
}

function archetypeIdentity(document: unknown): { id: string; revision: string } | undefined {
  const metadata = (document as Record<string, unknown> | null)?.['x-archetype'] as Record<string, unknown> | undefined;
  return typeof metadata?.id === 'string' && typeof metadata.revision === 'string'
    ? { id: metadata.id, revision: metadata.revision }
    : undefined;
}

function templateIdentity(
  document: unknown,
): { id: string; revision: string; archetypes: Record<string, string> } | undefined {
  const template = document as Record<string, unknown> | null;
  if (typeof template?.id !== 'string' || typeof template.revision !== 'string') return undefined;
  return {
    id: template.id,
    revision: template.revision,
    archetypes: (template.archetypes as Record<string, string>) ?? {},
  };
}
