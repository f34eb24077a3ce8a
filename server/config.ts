import { Ajv, type SchemaObject } from 'ajv';
import { StartupError } from './startup-error.js';

/** Every setting of a running Docsy server, read from the environment once at start. */
export interface Config {
  /** TCP port to listen on; 0 picks a free port. */
  port: number;
  /** Address to listen on. */
  host: string;
  /** Postgres connection string; `undefined` means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database, its lock and its generated JWT secret. */
  dataDir: string;
  /** Secret for signing tokens (see `provideJwtSecret` for the embedded default). */
  jwtSecret: string;
  /** Identifies this system in version ids: `{uuid}::{systemId}::{n}`. */
  systemId: string;
  logLevel: LogLevel;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Largest attachment accepted, in bytes (uploads are held in memory up to this size). */
  attachmentLimit: number;
  /** Connections in the Postgres pool (ignored for the embedded database). */
  dbPoolSize: number;
  /** Trust `X-Forwarded-*` headers from a load balancer in front of the server. */
  trustProxy: boolean;
  /** How many days ahead appointments may be booked. */
  bookingHorizonDays: number;
  /** `DOCSY_DEMO`: load the demo data set (true), never (false), or by default only on the embedded database (undefined). */
  demo: boolean | undefined;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Settings as the environment gives them: the JWT secret may still be missing in embedded mode. */
export type EnvironmentConfig = Omit<Config, 'jwtSecret'> & { jwtSecret: string | undefined };

interface Setting {
  schema: SchemaObject;
  /** Completes "NAME ..." when the value is invalid. */
  message: string;
}

const hostnameToken =
  '^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$';
const logLevels: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The settings table: environment variable, schema (with its default) and message. */
export const settings: Record<string, Setting> = {
  PORT: {
    schema: { type: 'integer', minimum: 0, maximum: 65535, default: 8000 },
    message: 'must be an integer between 0 and 65535',
  },
  HOST: {
    schema: { type: 'string', pattern: '^[A-Za-z0-9.:\\-\\[\\]]{1,253}$', default: '127.0.0.1' },
    message: 'must be a host name or an IP address',
  },
  DATABASE_URL: {
    schema: { type: 'string', pattern: '^postgres(ql)?://' },
    message: 'must be a postgres:// connection string',
  },
  DATA_DIR: {
    schema: { type: 'string', minLength: 1, default: './data' },
    message: 'must be a folder path',
  },
  JWT_SECRET: {
    schema: { type: 'string', minLength: 32 },
    message: 'must be at least 32 characters long',
  },
  SYSTEM_ID: {
    schema: { type: 'string', pattern: hostnameToken, default: 'docsy.local' },
    message: 'must be a host-name-like token (letters, digits, hyphens and dots), e.g. docsy.example.org',
  },
  LOG_LEVEL: {
    schema: { type: 'string', enum: logLevels, default: 'info' },
    message: `must be one of ${logLevels.join(', ')}`,
  },
  BODY_LIMIT: {
    schema: { type: 'integer', minimum: 1024, maximum: 1073741824, default: 1048576 },
    message: 'must be a number of bytes between 1024 and 1073741824',
  },
  ATTACHMENT_LIMIT: {
    schema: { type: 'integer', minimum: 1024, maximum: 268435456, default: 20971520 },
    message: 'must be a number of bytes between 1024 and 268435456',
  },
  DB_POOL_SIZE: {
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 10 },
    message: 'must be an integer between 1 and 1000',
  },
  TRUST_PROXY: {
    schema: { type: 'boolean', default: false },
    message: 'must be true or false',
  },
  BOOKING_HORIZON_DAYS: {
    schema: { type: 'integer', minimum: 1, maximum: 3660, default: 180 },
    message: 'must be a number of days between 1 and 3660',
  },
  DOCSY_REQUIRE_DATABASE_URL: {
    schema: { type: 'boolean', default: false },
    message: 'must be true or false',
  },
  DOCSY_DEMO: {
    schema: { type: 'boolean' },
    message: 'must be true or false',
  },
};

const validateEnvironment = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true }).compile({
  type: 'object',
  properties: Object.fromEntries(Object.entries(settings).map(([name, s]) => [name, s.schema])),
});

/**
 * Reads and validates every setting from `env`. Pure: no files, no network.
 * Throws a {@link StartupError} whose message is one line naming every bad setting.
 *
 * @example
 * const config = loadConfig({ PORT: '9000' });
 * config.port; // 9000
 * loadConfig({ PORT: 'abc' }); // throws: invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")
 */
export function loadConfig(env: Record<string, string | undefined>): EnvironmentConfig {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(settings)) {
    const raw = env[name];
    if (raw !== undefined && raw.trim() !== '') values[name] = normaliseFlag(name, raw.trim());
  }
  if (!validateEnvironment(values)) {
    const problems = (validateEnvironment.errors ?? []).map((error) => {
      const name = error.instancePath.slice(1);
      return `${name} ${settings[name]?.message ?? error.message} (got ${JSON.stringify(env[name])})`;
    });
    throw new StartupError(`invalid configuration: ${[...new Set(problems)].join('; ')}`);
  }
  requireSettingsThatDependOnEachOther(values);
  return {
    port: values.PORT as number,
    host: values.HOST as string,
    databaseUrl: values.DATABASE_URL as string | undefined,
    dataDir: values.DATA_DIR as string,
    jwtSecret: values.JWT_SECRET as string | undefined,
    systemId: values.SYSTEM_ID as string,
    logLevel: values.LOG_LEVEL as LogLevel,
    bodyLimit: values.BODY_LIMIT as number,
    attachmentLimit: values.ATTACHMENT_LIMIT as number,
    dbPoolSize: values.DB_POOL_SIZE as number,
    trustProxy: values.TRUST_PROXY as boolean,
    bookingHorizonDays: values.BOOKING_HORIZON_DAYS as number,
    demo: values.DOCSY_DEMO as boolean | undefined,
  };
}

/** Lets flags be written `1`/`0`, `yes`/`no` or `on`/`off` as well as `true`/`false`. */
function normaliseFlag(name: string, raw: string): string {
  if (settings[name]?.schema.type !== 'boolean') return raw;
  const lower = raw.toLowerCase();
  if (['1', 'yes', 'on'].includes(lower)) return 'true';
  if (['0', 'no', 'off'].includes(lower)) return 'false';
  return lower;
}

function requireSettingsThatDependOnEachOther(values: Record<string, unknown>): void {
  if (values.DOCSY_REQUIRE_DATABASE_URL === true && values.DATABASE_URL === undefined) {
    throw new StartupError('invalid configuration: DATABASE_URL is required here (DOCSY_REQUIRE_DATABASE_URL is set)');
  }
  if (values.DATABASE_URL !== undefined && values.JWT_SECRET === undefined) {
    throw new StartupError(
      'invalid configuration: JWT_SECRET is required when DATABASE_URL is set (at least 32 characters, the same on every server)',
    );
  }
}
