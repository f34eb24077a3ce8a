/**
 * `npm run seed`: loads the demo data set (docs/demo-data.md) into the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR when no server uses it), after publishing the
 * shipped archetypes and templates. Says so when it is loaded already; refuses, with exit code 1,
 * a database that holds accounts or records of its own.
 */
import { pino } from 'pino';
import { CalendarTokens } from '../server/access/calendar-token.js';
import { loadConfig } from '../server/config.js';
import { openConfiguredDatabase } from '../server/db/open-configured-database.js';
import { seedDemoData } from '../server/demo/demo-seeding.js';
import { provideJwtSecret } from '../server/jwt-secret.js';
import { KnowledgeRegistry } from '../server/knowledge/knowledge-registry.js';
import { publishKnowledgeFolders } from '../server/knowledge/publish-knowledge-folders.js';
import { projectPath } from '../server/project-root.js';
import { StartupError } from '../server/startup-error.js';

async function seed(): Promise<number> {
  const config = await provideJwtSecret(loadConfig(process.env));
  const database = await openConfiguredDatabase(process.env);
  try {
    const registry = KnowledgeRegistry.open(database.db);
    const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
    await publishKnowledgeFolders(
      registry,
      { archetypes: projectPath('archetypes'), templates: projectPath('templates') },
      log,
    );
    const context = {
      db: database.db,
      registry,
      systemId: config.systemId,
      calendar: new CalendarTokens(config.jwtSecret),
    };
    const result = await seedDemoData(context, new Date());
    switch (result.outcome) {
      case 'loaded':
        console.log(
          `seed: loaded the demo data: ${result.accounts} accounts, ${result.compositions} compositions (${result.versions} versions) in ${(result.milliseconds / 1000).toFixed(1)} s; sign in as doctor@docsy.demo with the password docsy-demo`,
        );
        return 0;
      case 'already-loaded':
        console.log(`seed: the demo data is already loaded (dated from ${result.anchorDate}); nothing to do`);
        return 0;
      case 'refused':
        console.error(
          'seed: refused: this database holds accounts or records that are not demo data; seed an empty database',
        );
        return 1;
    }
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await seed();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`seed: ${error instanceof StartupError ? message : `failed: ${message.split('\n', 1)[0]}`}`);
  process.exitCode = 1;
}
