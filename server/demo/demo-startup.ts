import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { StartupError } from '../startup-error.js';
import type { DemoLoadContext } from './demo-loader.js';
import { demoPasswordInUse, seedDemoData } from './demo-seeding.js';

/**
 * Whether this server runs as a demo: `DOCSY_DEMO` when set, otherwise yes on the embedded
 * database and no with `DATABASE_URL`.
 *
 * @example
 * inDemoMode({ demo: undefined, databaseUrl: undefined }); // true
 */
export function inDemoMode(config: Pick<Config, 'demo' | 'databaseUrl'>): boolean {
  return config.demo ?? config.databaseUrl === undefined;
}

/**
 * What a starting server does about demo data, after migrations and before listening. In demo
 * mode: loads the demo data set into a database that holds no accounts or records yet (a database
 * with data of its own is left alone). Outside demo mode with `DATABASE_URL`: refuses to start
 * (StartupError, one line) while a demo account still has the demo password.
 *
 * @example
 * await prepareDemoData(config, { db, registry, systemId, calendar }, app.log);
 */
export async function prepareDemoData(
  config: Pick<Config, 'demo' | 'databaseUrl'>,
  context: DemoLoadContext,
  log: FastifyBaseLogger,
): Promise<void> {
  if (!inDemoMode(config)) {
    if (config.databaseUrl !== undefined && (await demoPasswordInUse(context.db))) {
      throw new StartupError(
        'this database holds demo accounts with the demo password (docsy-demo); start with DOCSY_DEMO=1 to run the demo, or use another database',
      );
    }
    return;
  }
  const result = await seedDemoData(context, new Date());
  if (result.outcome === 'loaded') {
    log.info(
      { accounts: result.accounts, compositions: result.compositions, milliseconds: result.milliseconds },
      `demo data loaded: ${result.accounts} accounts, ${result.compositions} compositions in ${(result.milliseconds / 1000).toFixed(1)} s`,
    );
  } else if (result.outcome === 'refused' && config.demo === true) {
    log.warn('DOCSY_DEMO is set but the database holds data of its own: the demo data was not loaded');
  }
}
