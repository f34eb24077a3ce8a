import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { join } from 'node:path';
import { pgliteParsers } from './engine-differences.js';

/**
 * Postgres zeroes its shared buffers at every start; PGlite's 128MB default costs about 0.3 s
 * of the restart budget (SPEC: healthy within 3 s). File pages are still cached by the OS.
 */
const sharedBuffers = '32MB';

/**
 * Opens an embedded PGlite database with the extensions Docsy's migrations create.
 * `dataDir` undefined means in memory (tests). Opening an existing directory takes about a
 * second; initialising a new one about five.
 *
 * @example
 * const pglite = await openPglite('./data/pg');
 */
export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const pglite = new PGlite({
    ...(dataDir === undefined ? {} : { dataDir }),
    extensions: { btree_gist, pg_trgm, pgcrypto },
    parsers: pgliteParsers,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
  });
  await pglite.waitReady;
  return pglite;
}

/** Where the embedded database keeps its files inside `DATA_DIR`. */
export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, 'pg');
}
