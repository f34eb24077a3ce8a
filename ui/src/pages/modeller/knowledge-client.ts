/**
 * The knowledge registry's routes as the modeller pages use them (SPEC §3, docs/modelling.md,
 * "Publishing: files, API, browser"): lists, revisions, files, the live preview and publishing.
 */
import type { DocsyApi } from '../../api.js';
import type { FormDefinition, JsonObject } from '../../form/form-definition.js';

/** Archetypes or templates; also the path segment of their routes' collection. */
export type KnowledgeKind = 'archetype' | 'template';

export const collectionOf: Record<KnowledgeKind, 'archetypes' | 'templates'> = {
  archetype: 'archetypes',
  template: 'templates',
};

export type Lifecycle = 'draft' | 'published' | 'deprecated';

/** The latest revision of one archetype or template, as the lists show it. */
export interface KnowledgeSummary {
  id: string;
  revision: string;
  title: string;
  lifecycle: Lifecycle;
  /** Archetypes: OBSERVATION, EVALUATION, … CLUSTER. */
  entryClass?: string;
  /** Templates: event or persistent. */
  category?: 'event' | 'persistent';
  authorRoles?: string[];
}

/** One stored revision. */
export interface RevisionEntry {
  id: string;
  revision: string;
  lifecycle: Lifecycle;
  title: string;
  createdAt: string;
  /** `user:<account id>`, or `file:<path>` for a file loaded at start. */
  createdBy: string;
  changes?: string[];
}

/** One change that needs a new major version: where, which kind, and why. */
export interface BreakingChange {
  path: string;
  kind: string;
  message: string;
}

/** What `POST /api/knowledge/preview` answers: the form a draft makes and its compatibility report. */
export interface KnowledgePreview {
  form: FormDefinition;
  breaking: BreakingChange[];
}

/** What publishing (or checking, `dryRun`) answered. */
export interface PublishResult {
  outcome: 'created' | 'unchanged' | 'updated' | 'checked';
  id: string;
  revision: string;
  lifecycle: Lifecycle;
  title: string;
  breaking: BreakingChange[];
}

/**
 * Every archetype or template (the latest revision of each), following the pages.
 *
 * @example
 * const templates = await listKnowledge(api, 'template');
 */
export async function listKnowledge(api: DocsyApi, kind: KnowledgeKind): Promise<KnowledgeSummary[]> {
  const items: KnowledgeSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: KnowledgeSummary[]; next?: string }>('GET', `/api/${collectionOf[kind]}`, {
      query: { limit: 500, cursor },
    });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

/**
 * Every revision of one archetype or template, oldest first (a 404 problem when there is none).
 *
 * @example
 * const revisions = await knowledgeRevisions(api, 'template', 'docsy.vital_signs.v1');
 */
export async function knowledgeRevisions(api: DocsyApi, kind: KnowledgeKind, id: string): Promise<RevisionEntry[]> {
  const page = await api.json<{ items: RevisionEntry[] }>(
    'GET',
    `/api/${collectionOf[kind]}/${encodeURIComponent(id)}/revisions`,
  );
  return page.items;
}

/**
 * The file of one revision (the latest when none is named), as published.
 *
 * @example
 * const file = await knowledgeFile(api, 'archetype', 'openEHR-EHR-OBSERVATION.pulse.v2', '2.0.0');
 */
export function knowledgeFile(api: DocsyApi, kind: KnowledgeKind, id: string, revision?: string): Promise<JsonObject> {
  return api.json('GET', `/api/${collectionOf[kind]}/${encodeURIComponent(id)}`, { query: { revision } });
}

/**
 * Resolves a draft without storing it: a template, or an archetype shown in a one-slot
 * template. A 422 problem lists the draft's problems (paths start `/template` or `/archetypes/0`).
 *
 * @example
 * const { form, breaking } = await previewKnowledge(api, 'template', draft, signal);
 */
export function previewKnowledge(
  api: DocsyApi,
  kind: KnowledgeKind,
  document: unknown,
  signal?: AbortSignal,
): Promise<KnowledgePreview> {
  const body = kind === 'template' ? { template: document } : { archetypes: [document] };
  return api.json('POST', '/api/knowledge/preview', { body, signal });
}

/**
 * Publishes a revision, or only checks it (`dryRun`): 409 when that revision exists with other
 * content, 422 with every problem and breaking change.
 *
 * @example
 * const result = await publishKnowledge(api, 'template', file, { dryRun: true });
 */
export function publishKnowledge(
  api: DocsyApi,
  kind: KnowledgeKind,
  document: unknown,
  options: { dryRun?: boolean } = {},
): Promise<PublishResult> {
  return api.json('POST', `/api/${collectionOf[kind]}`, {
    body: document,
    query: { dryRun: options.dryRun ? 'true' : undefined },
  });
}
