import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { AuthUser } from './auth-user.js';
import type { PermissionRule } from './permission-policy.js';
import { loadPolicy, replacePolicy } from './policy-repository.js';

/**
 * How long a server trusts its copy of the policy. The server where an admin replaced the
 * policy applies it at once; other servers behind the load balancer within this time.
 */
export const policyCacheMs = 5_000;

/**
 * The permission policy, read from the database and kept for {@link policyCacheMs} (it is
 * consulted on every clinical request and changes rarely).
 *
 * @example
 * const policy = new PolicyStore(db);
 * permits(await policy.rules(), user.roles, template, 'create');
 */
export class PolicyStore {
  readonly #db: Kysely<Database>;
  #cached: { rules: Promise<PermissionRule[]>; until: number } | undefined;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The current rules. */
  rules(): Promise<PermissionRule[]> {
    const now = Date.now();
    if (!this.#cached || this.#cached.until < now) {
      const rules = loadPolicy(this.#db);
      this.#cached = { rules, until: now + policyCacheMs };
      rules.catch(() => (this.#cached = undefined));
    }
    return this.#cached.rules;
  }

  /**
   * Replaces the whole policy (one transaction, audited); a rule given twice is a 422.
   *
   * @example
   * await policy.replace(rules, request.user, request.ip);
   */
  async replace(rules: PermissionRule[], actor: AuthUser, address?: string): Promise<PermissionRule[]> {
    const seen = new Map<string, number>();
    const errors = rules.flatMap((rule, index) => {
      const key = `${rule.role}\u0000${rule.target}\u0000${rule.action}`;
      const first = seen.get(key);
      seen.set(key, first ?? index);
      return first === undefined ? [] : [{ path: `/rules/${index}`, message: `repeats rule ${first}` }];
    });
    if (errors.length > 0) throw new ApiError('VALIDATION_FAILED', 'A rule is given twice', { errors });
    await this.#db.transaction().execute(async (trx) => {
      await replacePolicy(trx, rules);
      await appendAuditEvent(trx, {
        action: 'policy.replace',
        outcome: 'success',
        actorId: actor.id,
        actorRole: actor.roles.join(','),
        details: { rules: rules.length },
        address,
      });
    });
    this.#cached = undefined;
    return this.rules();
  }
}
