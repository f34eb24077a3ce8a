import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertAccountWithEhr } from '../access/account-service.js';
import type { AccountRow } from '../access/account-repository.js';
import type { CalendarTokens } from '../access/calendar-token.js';
import { recordAppointmentCare } from '../access/care-relationships.js';
import { insertOrder } from '../access/order-repository.js';
import { hashPassword } from '../access/password-hashing.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { Committer } from '../ehr/commit-repository.js';
import { CompositionCommits } from '../ehr/composition-commits.js';
import type { VersionRequest } from '../ehr/prepare-version.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { demoPassword } from './demo-accounts.js';
import type { DemoPlan, PlannedComposition } from './demo-plan.js';
import { insertDemoLoad } from './demo-repository.js';

/** What loading needs: the database, the registry (with the shipped knowledge published) and the server's keys. */
export interface DemoLoadContext {
  db: Kysely<Database>;
  registry: KnowledgeRegistry;
  systemId: string;
  calendar: CalendarTokens;
}

/** What a load wrote. */
export interface DemoLoadCounts {
  accounts: number;
  compositions: number;
  versions: number;
}

const reason = 'Demo data: synthetic history';
/** A contribution holds at most this many versions (docs/ehr.md). */
const contributionLimit = 1000;

/**
 * Writes a demo plan in one transaction: the accounts (active, password `docsy-demo`), each
 * patient's compositions through the commit path (validated, versioned, contributions and audit
 * events; one contribution per patient and author), their amendments, care relationships, open
 * orders and the demo marker. Returns undefined, writing nothing, when a demo data set is already
 * loaded.
 *
 * @example
 * const counts = await loadDemoPlan(context, generateDemoPlan(new Date()));
 */
export async function loadDemoPlan(context: DemoLoadContext, plan: DemoPlan): Promise<DemoLoadCounts | undefined> {
  const passwordHash = await hashPassword(demoPassword);
  // Everything the commits read from the registry is cached first: inside the transaction the
  // embedded database has one connection, which the transaction holds.
  for (const c of plan.compositions) await context.registry.form(c.body.template.id, c.body.template.revision);
  const versions = plan.compositions.reduce((n, c) => n + 1 + c.amendments.length, 0);
  return context.db.transaction().execute(async (trx) => {
    const marked = await insertDemoLoad(trx, {
      seed: plan.seed,
      anchor_date: plan.anchorDate,
      accounts: plan.accounts.length,
      compositions: plan.compositions.length,
    });
    if (!marked) return undefined;
    const accounts = new Map<string, AccountRow>();
    for (const account of plan.accounts) {
      const { key, roles, birthDate, email, name } = account;
      accounts.set(
        key,
        await insertAccountWithEhr(
          { ...context, db: trx },
          { email, name, roles, birthDate, status: 'active', passwordHash },
        ),
      );
    }
    const writer = new HistoryWriter(new CompositionCommits(trx, context.registry, context.systemId), accounts);
    await writer.write(plan.compositions);
    await writeCare(trx, plan, accounts);
    return { accounts: accounts.size, compositions: plan.compositions.length, versions };
  });
}

async function writeCare(trx: Kysely<Database>, plan: DemoPlan, accounts: Map<string, AccountRow>): Promise<void> {
  for (const care of plan.care) {
    await recordAppointmentCare(trx, {
      appointmentId: randomUUID(),
      patientId: accounts.get(care.patient)!.id,
      practitionerId: accounts.get(care.practitioner)!.id,
      start: new Date(care.start),
    });
  }
  for (const order of plan.orders) {
    const id = randomUUID();
    const ehrId = accounts.get(order.patient)!.ehr_id!;
    const doctor = accounts.get(order.orderedBy)!;
    await insertOrder(trx, { id, ehrId, kind: order.kind, description: order.description, orderedBy: doctor.id });
    await appendAuditEvent(trx, {
      action: 'order.create',
      outcome: 'success',
      actorId: doctor.id,
      actorRole: doctor.roles.join(','),
      ehrId,
      resource: `order:${id}`,
    });
  }
}

/** One version to commit for a patient by an author. */
interface Pending {
  key: string;
  request: VersionRequest;
}

/** Commits planned compositions in rounds: creations, creations that name another composition, then amendments. */
class HistoryWriter {
  readonly #current = new Map<string, { uid: string; versionUid: string }>();

  constructor(
    private readonly commits: CompositionCommits,
    private readonly accounts: Map<string, AccountRow>,
  ) {}

  async write(compositions: PlannedComposition[]): Promise<void> {
    await this.#round(compositions.filter((c) => !c.link).map((c) => this.#creation(c)));
    await this.#round(compositions.filter((c) => c.link).map((c) => this.#creation(c)));
    const rounds = Math.max(0, ...compositions.map((c) => c.amendments.length));
    for (let n = 0; n < rounds; n++) {
      const amended = compositions.filter((c) => c.amendments[n] !== undefined);
      await this.#round(
        amended.map((c) => {
          const amendment = c.amendments[n]!;
          const current = this.#current.get(c.key)!;
          const request: VersionRequest = {
            changeType: 'amendment',
            uid: current.uid,
            preceding: current.versionUid,
            body: amendment.body,
          };
          return { patient: c.patient, author: amendment.author, pending: { key: c.key, request } };
        }),
      );
    }
  }

  #creation(composition: PlannedComposition) {
    const body = structuredClone(composition.body);
    if (composition.link) setAt(body, composition.link.path, this.#current.get(composition.link.to)!.uid);
    const request: VersionRequest = { changeType: 'creation', body };
    return { patient: composition.patient, author: composition.author, pending: { key: composition.key, request } };
  }

  async #round(items: { patient: string; author: string; pending: Pending }[]): Promise<void> {
    const groups = new Map<string, Pending[]>();
    for (const item of items) {
      const group = `${item.patient} ${item.author}`;
      groups.set(group, [...(groups.get(group) ?? []), item.pending]);
    }
    for (const [group, pending] of groups) {
      const [patientKey, authorKey] = group.split(' ') as [string, string];
      for (let i = 0; i < pending.length; i += contributionLimit) {
        await this.#contribute(patientKey, authorKey, pending.slice(i, i + contributionLimit));
      }
    }
  }

  async #contribute(patientKey: string, authorKey: string, pending: Pending[]): Promise<void> {
    const ehrId = this.accounts.get(patientKey)!.ehr_id!;
    const author = this.accounts.get(authorKey)!;
    const committer: Committer = { id: author.id, name: author.name, role: author.roles.join(',') };
    const committed = await this.commits.importHistory(
      ehrId,
      pending.map((p) => p.request),
      committer,
      { reason },
    );
    committed.versions.forEach((version, i) => {
      this.#current.set(pending[i]!.key, { uid: version.uid, versionUid: version.versionUid });
    });
  }
}

function setAt(target: unknown, path: (string | number)[], value: string): void {
  let node = target as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}
