import { verifyPassword } from '../access/password-hashing.js';
import { demoPassword } from './demo-accounts.js';
import { loadDemoPlan, type DemoLoadContext, type DemoLoadCounts } from './demo-loader.js';
import { demoAccountPasswordHashes, findDemoLoad, holdsRecords } from './demo-repository.js';
import { generateDemoPlan } from './generate-demo-plan.js';

/** What asking for the demo data did. */
export type DemoSeedResult =
  | ({ outcome: 'loaded'; milliseconds: number } & DemoLoadCounts)
  | { outcome: 'already-loaded'; anchorDate: string }
  | { outcome: 'refused' };

/**
 * Loads the demo data set dated from `now` into an empty database; says so when it is there
 * already; refuses a database that holds accounts or records of its own (nothing is written).
 *
 * @example
 * const result = await seedDemoData(context, new Date());
 * if (result.outcome === 'refused') process.exitCode = 1;
 */
export async function seedDemoData(context: DemoLoadContext, now: Date): Promise<DemoSeedResult> {
  const existing = await findDemoLoad(context.db);
  if (existing) return { outcome: 'already-loaded', anchorDate: existing.anchor_date };
  if (await holdsRecords(context.db)) return { outcome: 'refused' };
  const started = performance.now();
  const counts = await loadDemoPlan(context, generateDemoPlan(now), now);
  if (!counts) return { outcome: 'already-loaded', anchorDate: (await findDemoLoad(context.db))!.anchor_date };
  return { outcome: 'loaded', milliseconds: Math.round(performance.now() - started), ...counts };
}

/**
 * Whether an account of the demo email domain still has the demo password (which everyone knows):
 * a server outside demo mode refuses to start then.
 *
 * @example
 * if (await demoPasswordInUse(db)) throw new StartupError('…');
 */
export async function demoPasswordInUse(db: DemoLoadContext['db']): Promise<boolean> {
  for (const hash of await demoAccountPasswordHashes(db)) {
    if (await verifyPassword(demoPassword, hash)) return true;
  }
  return false;
}
