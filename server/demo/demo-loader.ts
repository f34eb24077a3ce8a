import type { Kysely } from 'kysely';
import { createAccount } from '../access/account-service.js';
import type { AccountRow } from '../access/account-repository.js';
import type { CalendarTokens } from '../access/calendar-token.js';
import { hashPassword } from '../access/password-hashing.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { AttachmentService } from '../documents/attachment-service.js';
import { CompositionCommits } from '../ehr/composition-commits.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { demoPassword } from './demo-accounts.js';
import { writeCare } from './care-writer.js';
import type { DemoPlan } from './demo-plan.js';
import { insertDemoLoad } from './demo-repository.js';
import { HistoryWriter } from './history-writer.js';

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

/**
 * Writes a demo plan in one transaction: the accounts (active, password `docsy-demo`), each
 * patient's compositions through the commit path (validated, versioned, contributions and audit
 * events; one contribution per patient and author) with their attachments and amendments, the
 * practitioners' availability, appointments booked through scheduling, open orders and the demo
 * marker. `now` is the load time (upcoming appointments are booked as of it). Returns undefined, writing nothing, when a demo data set is already
 * loaded.
 *
 * @example
 * const counts = await loadDemoPlan(context, generateDemoPlan(new Date()));
 */
export async function loadDemoPlan(
  context: DemoLoadContext,
  plan: DemoPlan,
  now = new Date(),
): Promise<DemoLoadCounts | undefined> {
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
    await appendAuditEvent(trx, {
      action: 'demo.load',
      outcome: 'success',
      details: {
        seed: plan.seed,
        anchorDate: plan.anchorDate,
        accounts: plan.accounts.length,
        compositions: plan.compositions.length,
      },
    });
    const accounts = new Map<string, AccountRow>();
    for (const account of plan.accounts) {
      const { key, roles, birthDate, email, name } = account;
      accounts.set(
        key,
        await createAccount({ ...context, db: trx }, { email, name, roles, birthDate, status: 'active', passwordHash }),
      );
    }
    const commits = new CompositionCommits(trx, context.registry, context.systemId);
    await new HistoryWriter(commits, new AttachmentService(trx), accounts).write(plan.compositions);
    await writeCare(trx, plan, accounts, now);
    return { accounts: accounts.size, compositions: plan.compositions.length, versions };
  });
}
