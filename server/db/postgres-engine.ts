import pg from 'pg';
import { pgTypes } from './engine-differences.js';

/**
 * A `pg` connection pool with Docsy's type parsers (see engine-differences.ts).
 *
 * @example
 * const pool = openPostgresPool('postgres://root@127.0.0.1:5432/docsy', 10);
 */
export function openPostgresPool(connectionString: string, size: number, allowExitOnIdle = false): pg.Pool {
  return new pg.Pool({ connectionString, max: size, types: pgTypes, allowExitOnIdle });
}
