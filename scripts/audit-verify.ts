/**
 * Verifies the audit log of the configured database (DATABASE_URL, or the embedded store in
 * DATA_DIR while no server holds it): `npm run audit:verify`. Prints `ok` with the number of
 * events checked, or the first broken event; exits 1 when the log is broken, 2 when it could not
 * be read. Reads only: it does not migrate or change anything.
 * A running server answers the same with GET /api/admin/audit/verify (admin only).
 */
import { verifyAuditChain } from '../server/audit/verify-audit-chain.js';
import { loadConfig } from '../server/config.js';
import { createDatabase } from '../server/db/create-database.js';
import { StartupError } from '../server/startup-error.js';

async function verify(): Promise<number> {
  const database = await createDatabase(loadConfig(process.env));
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`audit log ok: ${result.checked} events checked`);
      return 0;
    }
    const broken = result.firstBroken!;
    console.log(
      `audit log BROKEN: chain ${broken.chainKey}, event ${broken.seq}: ${broken.reason} (${result.checked} events checked)`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await verify();
} catch (error) {
  const message = error instanceof StartupError || error instanceof Error ? error.message : String(error);
  console.error(`audit:verify: could not read the audit log: ${message.split('\n', 1)[0]}`);
  process.exitCode = 2;
}
