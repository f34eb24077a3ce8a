import { randomUUID } from 'node:crypto';
import type { FieldError } from '../http/api-error.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import type { ClientComposition, VersionToWrite } from './commit-repository.js';
import type { ChangeType } from './ehr-tables.js';
import { withoutServerSetFields } from './server-set-fields.js';
import { templateForCommit } from './template-for-commit.js';
import { parseVersionUid } from './version-uid.js';

/** One version a client asks for: a new composition, a new version of one, or its deletion. */
export interface VersionRequest {
  changeType: ChangeType;
  /** The composition changed; absent for a creation. */
  uid?: string;
  /** The version id the client saw (from `If-Match` or `precedingVersionUid`); absent for a creation. */
  preceding?: string;
  /** The client's composition; absent for a deletion. */
  body?: unknown;
}

/** A new record (`creation`: a published template revision) or one made in the past (`import`). */
export type CreationPurpose = 'creation' | 'import';

/**
 * Checks one requested version without touching the database (the template comes from the
 * registry's cache): server-set fields, the template revision rule, the clinical validation
 * and the start time. Returns the version ready to write, or every problem found, with paths
 * under `pathPrefix`.
 *
 * @example
 * const { version, errors } = await prepareVersion(registry, 'docsy.local', { changeType: 'creation', body });
 */
export async function prepareVersion(
  registry: KnowledgeRegistry,
  systemId: string,
  request: VersionRequest,
  pathPrefix = '',
  creation: CreationPurpose = 'creation',
): Promise<{ version?: VersionToWrite; errors: FieldError[] }> {
  const uid = request.changeType === 'creation' ? randomUUID() : (request.uid ?? '').toLowerCase();
  const expected = request.changeType === 'creation' ? null : expectedVersion(request.preceding, uid, systemId);
  if (request.changeType === 'deleted') return { version: { uid, changeType: 'deleted', expected }, errors: [] };

  if (!isObject(request.body)) return { errors: [{ path: pathPrefix, message: 'must be a composition object' }] };
  const amending = request.changeType === 'creation' ? undefined : uid;
  const { body, errors } = withoutServerSetFields(request.body, { amending, pathPrefix });
  const template = templateOf(body);
  if (!template) return { errors: [...errors, { path: `${pathPrefix}/template`, message: 'must be {id, revision}' }] };

  const found = await templateForCommit(registry, template, amending ? 'amendment' : creation, pathPrefix);
  if ('errors' in found) return { errors: [...errors, ...found.errors] };
  const clinical = await registry.validateComposition(template.id, template.revision, body);
  errors.push(...clinical.map((error) => ({ path: pathPrefix + error.path, message: error.message })));
  if (errors.length > 0) return { errors };

  const composition = body as unknown as ClientComposition;
  const startTime = utcTime(composition.context.startTime);
  if (!startTime) {
    return {
      errors: [{ path: `${pathPrefix}/context/startTime`, message: 'Start time: must be a real date and time' }],
    };
  }
  const { form, published } = found;
  return {
    version: {
      uid,
      changeType: request.changeType,
      expected,
      template: { ...template, published, category: form.template.category },
      startTime,
      body: composition,
    },
    errors: [],
  };
}

/** The version number the client saw; 0 (never current) when it names another composition or system. */
function expectedVersion(preceding: string | undefined, uid: string, systemId: string): number {
  const named = preceding === undefined ? undefined : parseVersionUid(preceding);
  return named && named.uid === uid && named.systemId === systemId ? named.version : 0;
}

function templateOf(body: Record<string, unknown>): { id: string; revision: string } | undefined {
  const template = body.template;
  if (!isObject(template) || typeof template.id !== 'string' || typeof template.revision !== 'string') return undefined;
  return { id: template.id, revision: template.revision };
}

/** An exact time as UTC ISO text Postgres accepts (year 1 to 9999); undefined otherwise. */
function utcTime(text: string): string | undefined {
  const time = new Date(text);
  const year = time.getUTCFullYear();
  return Number.isNaN(year) || year < 1 || year > 9999 ? undefined : time.toISOString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
