import type { FastifyRequest } from 'fastify';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { appendAuditEvent, auditAppendCall } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { AuthUser } from './auth-user.js';
import { careFacts, type CareFacts } from './care-facts.js';
import { compositionVisibility } from './composition-visibility.js';
import { permits, readableTemplates } from './permission-policy.js';
import type { PolicyStore } from './policy-store.js';
import { practitionerRoles, type PolicyAction, type Role } from './roles.js';
import type { TemplateTargets } from './template-targets.js';

/** Who asks, and from where (for the audit log). */
export interface Viewer {
  user: AuthUser;
  address?: string;
}

/** Why a user may open a record (docs/access.md). */
export type AccessBasis = 'own-record' | 'care-relationship' | 'open-order' | 'pharmacist' | 'break-glass';

/** An allowed access to one EHR: why, and which compositions the viewer may see. */
export interface EhrAccess {
  ehrId: string;
  viewer: Viewer;
  basis: AccessBasis;
  /** The roles the policy was applied with (the patient's own, or the practitioner ones). */
  roles: Role[];
  breakGlass?: { id: string; reason: string; expiresAt: Date };
  /**
   * A condition on `composition` rows (the current version) to add to every read, list, count
   * and query of this EHR: the templates the policy lets the viewer read. `undefined`: all.
   */
  visibility: Expression<SqlBool> | undefined;
}

/**
 * The viewer of a request.
 *
 * @example
 * await access.authorize(viewerOf(request), ehrId, 'read');
 */
export function viewerOf(request: FastifyRequest): Viewer {
  return { user: request.user, address: request.ip };
}

/**
 * The access rules of SPEC §4 for everything inside an EHR: a patient opens their own record; a
 * practitioner opens a patient's record with a care relationship (appointment or grant), a lab
 * technician with an open order, a pharmacist always (the policy limits them to prescriptions
 * and allergies), anyone under break-glass; modellers and admins never. Then the permission
 * policy decides per template and action. Denials are 403 and audited.
 *
 * @example
 * const access = await ehrAccess.authorize(viewerOf(request), ehrId, 'create', { id: body.template.id });
 * const rows = await repository.list(ehrId, filters, limit, access.visibility);
 * await ehrAccess.recordRead(access, { action: 'composition.list' });
 */
export class EhrAccessControl {
  readonly #db: Kysely<Database>;
  readonly #policy: PolicyStore;
  readonly #templates: TemplateTargets;

  constructor(db: Kysely<Database>, policy: PolicyStore, templates: TemplateTargets) {
    this.#db = db;
    this.#policy = policy;
    this.#templates = templates;
  }

  /**
   * Decides whether `viewer` may do `action` in the EHR, for compositions of `template` when
   * given (a creation names it; reads are filtered by `visibility`). Throws 404 when there is no
   * such EHR (for anyone but its owner), 403 (audited) when the answer is no.
   */
  async authorize(
    viewer: Viewer,
    ehrId: string,
    action: PolicyAction,
    template?: { id: string; revision?: string },
  ): Promise<EhrAccess> {
    const access = await this.#admit(viewer, ehrId, action);
    if (template) await this.#requirePermission(access, action, template);
    return access;
  }

  /**
   * Decides an amendment or a deletion of composition `uid`: the viewer must see it (404
   * otherwise, as for anything hidden from them) and the policy must allow the action on its
   * template, and on `newTemplate` when an amendment names another one.
   *
   * @example
   * await ehrAccess.authorizeChange(viewerOf(request), ehrId, 'amend', uuid, templateOf(request.body));
   */
  async authorizeChange(
    viewer: Viewer,
    ehrId: string,
    action: 'amend' | 'delete',
    uid: string,
    newTemplate?: { id: string; revision?: string },
  ): Promise<EhrAccess> {
    return this.authorizeChanges(viewer, ehrId, [{ action, uid, template: newTemplate }]);
  }

  /**
   * Decides every change of a contribution at once: creations by the template they name,
   * amendments and deletions as {@link authorizeChange} does. One answer for all: the first
   * refusal refuses the contribution.
   *
   * @example
   * await ehrAccess.authorizeChanges(viewer, ehrId, [{ action: 'create', template: { id } }, { action: 'delete', uid }]);
   */
  async authorizeChanges(
    viewer: Viewer,
    ehrId: string,
    changes: { action: 'create' | 'amend' | 'delete'; uid?: string; template?: { id: string; revision?: string } }[],
  ): Promise<EhrAccess> {
    const access = await this.#admit(viewer, ehrId, changes[0]?.action ?? 'create');
    const uids = [...new Set(changes.flatMap((change) => (change.uid ? [change.uid.toLowerCase()] : [])))];
    const current =
      uids.length === 0
        ? []
        : await this.#db
            .selectFrom('composition')
            .select(['uid', 'template_id', 'template_revision'])
            .where('ehr_id', '=', ehrId)
            .where('uid', 'in', uids)
            .where(access.visibility ?? sql<SqlBool>`true`)
            .execute();
    for (const change of changes) {
      const existing = change.uid ? current.find((row) => row.uid === change.uid!.toLowerCase()) : undefined;
      if (change.uid && !existing) throw new ApiError('NOT_FOUND', `No composition ${change.uid} in EHR ${ehrId}`);
      if (existing) {
        await this.#requirePermission(access, change.action, {
          id: existing.template_id,
          revision: existing.template_revision,
        });
      }
      if (change.template && change.template.id !== existing?.template_id) {
        await this.#requirePermission(access, change.action, change.template);
      }
    }
    return access;
  }

  /**
   * Decides an upload into the EHR (a file a composition will reference): admitted as for a
   * creation, and the policy lets the viewer create compositions of at least one template.
   * Refusals are 403, audited with `action`.
   *
   * @example
   * const access = await ehrAccess.authorizeAnyCreation(viewerOf(request), ehrId, 'attachment.upload');
   */
  async authorizeAnyCreation(viewer: Viewer, ehrId: string, action: string): Promise<EhrAccess> {
    const access = await this.#admit(viewer, ehrId, 'create');
    const rules = await this.#policy.rules();
    const templates = await this.#templates.all();
    if (templates.some((template) => permits(rules, access.roles, template, 'create'))) return access;
    throw await this.#deny(viewer, ehrId, { action, reason: 'policy' }, access.breakGlass);
  }

  async #admit(viewer: Viewer, ehrId: string, action: PolicyAction): Promise<EhrAccess> {
    const { user } = viewer;
    const own = user.ehrId === ehrId;
    const facts = own ? undefined : await careFacts(this.#db, ehrId, user.id);
    if (facts && !facts.ehrExists) throw new ApiError('NOT_FOUND', `No EHR ${ehrId}`);
    const roles: Role[] = own ? ['patient'] : user.roles.filter((role) => practitionerRoles.some((p) => p === role));
    const breakGlass = facts?.breakGlass;
    const basis = own ? 'own-record' : basisOf(roles, facts!);
    if (!basis) {
      const reason = roles.length === 0 ? 'no-patient-data-role' : 'no-care-relationship';
      throw await this.#deny(viewer, ehrId, { action, reason }, breakGlass);
    }
    const templates = readableTemplates(await this.#policy.rules(), roles, await this.#templates.all());
    const restrictedFor = own || breakGlass ? undefined : user.id;
    const visibility = compositionVisibility('composition', { templates, restrictedFor });
    if (visibility === false) throw await this.#deny(viewer, ehrId, { action, reason: 'policy' }, breakGlass);
    return { ehrId, viewer, basis, roles, ...(breakGlass ? { breakGlass } : {}), visibility };
  }

  async #requirePermission(
    access: EhrAccess,
    action: PolicyAction,
    template: { id: string; revision?: string },
  ): Promise<void> {
    const target = await this.#templates.of(template.id, template.revision);
    // An unknown template fails the commit's own validation; there is nothing to authorise.
    if (!target || permits(await this.#policy.rules(), access.roles, target, action)) return;
    const details = { action, reason: 'policy', template: template.id };
    throw await this.#deny(access.viewer, access.ehrId, details, access.breakGlass);
  }

  /**
   * Lets only the record's own patient through (their grants, restrictions and access log);
   * anyone else gets 403, audited.
   *
   * @example
   * await ehrAccess.requireOwner(viewerOf(request), ehrId, 'grant.list');
   */
  async requireOwner(viewer: Viewer, ehrId: string, action: string): Promise<void> {
    if (viewer.user.ehrId === ehrId) return;
    const { ehrExists } = await careFacts(this.#db, ehrId, viewer.user.id);
    if (!ehrExists) throw new ApiError('NOT_FOUND', `No EHR ${ehrId}`);
    throw await this.#deny(viewer, ehrId, { action, reason: 'not-own-record' }, undefined);
  }

  /**
   * Appends the audit event of a read of clinical data (`composition.read`, `composition.list`,
   * …) to the EHR's chain, in one round trip committed without waiting for the disk
   * (`synchronous_commit = off` for that transaction only; docs/access.md has the trade-off).
   *
   * @example
   * await ehrAccess.recordRead(access, { action: 'composition.read', resource: versionUid });
   */
  async recordRead(
    access: EhrAccess,
    event: { action: string; resource?: string; details?: Record<string, unknown> },
  ): Promise<void> {
    const append = auditAppendCall({
      action: event.action,
      outcome: 'success',
      actorId: access.viewer.user.id,
      actorRole: access.roles.join(','),
      ehrId: access.ehrId,
      resource: event.resource,
      details: { ...event.details, ...(access.breakGlass ? { breakGlass: access.breakGlass.id } : {}) },
      address: access.viewer.address,
    });
    await sql`select set_config('synchronous_commit', 'off', true), ${append}`.execute(this.#db);
  }

  async #deny(
    viewer: Viewer,
    ehrId: string,
    details: Record<string, unknown>,
    breakGlass: CareFacts['breakGlass'],
  ): Promise<ApiError> {
    await appendAuditEvent(this.#db, {
      action: 'access.denied',
      outcome: 'denied',
      actorId: viewer.user.id,
      actorRole: viewer.user.roles.join(','),
      ehrId,
      details: { ...details, ...(breakGlass ? { breakGlass: breakGlass.id } : {}) },
      address: viewer.address,
    });
    return new ApiError('FORBIDDEN', denialDetail(String(details.reason)));
  }
}

function basisOf(roles: Role[], facts: CareFacts): AccessBasis | undefined {
  if (roles.length === 0) return undefined;
  if (facts.related) return 'care-relationship';
  if (roles.includes('lab_technician') && facts.openOrder) return 'open-order';
  if (roles.includes('pharmacist')) return 'pharmacist';
  if (facts.breakGlass) return 'break-glass';
  return undefined;
}

function denialDetail(reason: string): string {
  switch (reason) {
    case 'no-care-relationship':
      return 'You have no care relationship with this patient (an appointment, an open order or their grant); break the glass in an emergency';
    case 'no-patient-data-role':
      return 'Your role gives no access to patient records';
    case 'not-own-record':
      return 'Only the patient whose record this is may do this';
    default:
      return 'The permission policy does not allow your role to do this';
  }
}

/**
 * The template a composition body names (`template: {id, revision}`), when it names one; for
 * authorising a commit before the body is validated in full.
 *
 * @example
 * await ehrAccess.authorize(viewer, ehrId, 'create', templateOf(request.body));
 */
export function templateOf(body: unknown): { id: string; revision?: string } | undefined {
  const template = (body as { template?: { id?: unknown; revision?: unknown } } | null)?.template;
  if (typeof template?.id !== 'string') return undefined;
  return { id: template.id, ...(typeof template.revision === 'string' ? { revision: template.revision } : {}) };
}
