import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A Postgres database created for one test run; `drop()` removes it (idempotent). */
export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * The administrative connection: `DOCSY_TEST_PG_ADMIN_URL`, else the `PG*` variables, else
 * `root@127.0.0.1:5432/postgres` (this machine's trust-auth default).
 */
function adminConfig(): pg.ClientConfig {
  const url = process.env.DOCSY_TEST_PG_ADMIN_URL;
  if (url) return { connectionString: url };
  return {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'root',
    password: process.env.PGPASSWORD,
    database: process.env.PGDATABASE ?? 'postgres',
  };
}

/**
 * Runs `work` on a fresh administrative connection (see `adminConfig`), closed afterwards.
 *
 * @example
 * const names = await asAdmin((client) => client.query('select datname from pg_database'));
 */
export async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(adminConfig());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The URL of database `name` on the administrative connection's server, with its credentials.
 *
 * @example
 * const url = await databaseUrl('docsy_bench_1234');
 */
export async function databaseUrl(name: string): Promise<string> {
  return asAdmin(async (client) => urlOf(client, name));
}

function urlOf(client: pg.Client, name: string): string {
  const address = new URL('postgres://localhost');
  address.hostname = client.host;
  address.port = String(client.port);
  address.username = encodeURIComponent(client.user ?? '');
  if (client.password) address.password = encodeURIComponent(String(client.password));
  address.pathname = `/${name}`;
  return address.toString();
}

/**
 * Creates `<prefix>_<random>` (`docsy_test_…` by default), empty or as a file copy of the
 * database `template` (quick even for gigabytes), and returns its URL (same server and
 * credentials as the administrative connection).
 *
 * @example
 * const database = await createThrowawayDatabase();
 * try { ... } finally { await database.drop(); }
 * const copy = await createThrowawayDatabase({ prefix: 'docsy_bench', template: 'docsy_bench_data_1a2b' });
 */
export async function createThrowawayDatabase(
  options: { prefix?: string; template?: string } = {},
): Promise<ThrowawayDatabase> {
  const name = `${options.prefix ?? 'docsy_test'}_${randomBytes(6).toString('hex')}`;
  const copy = options.template ? ` template ${options.template} strategy file_copy` : '';
  const url = await asAdmin(async (client) => {
    await client.query(`create database ${name}${copy}`);
    return urlOf(client, name);
  });
  let dropped = false;
  return {
    name,
    url,
    async drop() {
      if (dropped) return;
      dropped = true;
      await asAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
