import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig } from '../../server/config.js';
import { StartupError } from '../../server/startup-error.js';

/** The one-line message `loadConfig` refuses `env` with. */
function configError(env: Record<string, string>): string {
  let refusal: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    refusal = error;
  }
  assert.instance(refusal, StartupError, `expected ${JSON.stringify(env)} to be refused`);
  const message = (refusal as StartupError).message;
  assert.not.match(message, /\n/, 'the message is one line');
  return message;
}

test('defaults apply when nothing is set', () => {
  const config = loadConfig({});
  assert.equal(config, {
    port: 8000,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: './data',
    jwtSecret: undefined,
    systemId: 'docsy.local',
    logLevel: 'info',
    bodyLimit: 1048576,
    attachmentLimit: 20971520,
    dbPoolSize: 10,
    trustProxy: false,
    bookingHorizonDays: 180,
    demo: undefined,
  });
});

test('numbers and flags are read from their text', () => {
  const config = loadConfig({
    PORT: '9000',
    BODY_LIMIT: '2048',
    DB_POOL_SIZE: '3',
    TRUST_PROXY: 'yes',
    BOOKING_HORIZON_DAYS: '30',
  });
  assert.is(config.port, 9000);
  assert.is(config.bookingHorizonDays, 30);
  assert.is(config.bodyLimit, 2048);
  assert.is(config.dbPoolSize, 3);
  assert.is(config.trustProxy, true);
});

test('an empty variable counts as unset', () => {
  assert.is(loadConfig({ PORT: '', LOG_LEVEL: ' ' }).port, 8000);
});

test('a non-numeric PORT names the setting, the rule and the value', () => {
  assert.is(
    configError({ PORT: 'abc' }),
    'invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")',
  );
});

test('a PORT out of range is refused', () => {
  assert.match(configError({ PORT: '70000' }), 'PORT must be an integer between 0 and 65535 (got "70000")');
});

test('every bad setting is named in the one line', () => {
  const message = configError({ PORT: '-1', LOG_LEVEL: 'loud' });
  assert.match(message, 'PORT must be an integer');
  assert.match(message, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
});

test('SYSTEM_ID must be a host-name-like token (it is embedded in version ids)', () => {
  assert.match(configError({ SYSTEM_ID: 'bad::id' }), 'SYSTEM_ID must be a host-name-like token');
  assert.is(loadConfig({ SYSTEM_ID: 'ward-3.hospital.example' }).systemId, 'ward-3.hospital.example');
});

test('DATABASE_URL must be a postgres URL', () => {
  assert.match(configError({ DATABASE_URL: 'mysql://x' }), 'DATABASE_URL must be a postgres:// connection string');
});

test('JWT_SECRET is required with DATABASE_URL', () => {
  assert.match(
    configError({ DATABASE_URL: 'postgres://root@127.0.0.1/db' }),
    'JWT_SECRET is required when DATABASE_URL is set',
  );
});

test('a short JWT_SECRET is refused', () => {
  assert.match(configError({ JWT_SECRET: 'short' }), 'JWT_SECRET must be at least 32 characters long');
});

test('DOCSY_REQUIRE_DATABASE_URL makes DATABASE_URL mandatory (the container image sets it)', () => {
  assert.match(configError({ DOCSY_REQUIRE_DATABASE_URL: '1' }), 'DATABASE_URL is required here');
  const secret = 'x'.repeat(32);
  const config = loadConfig({
    DOCSY_REQUIRE_DATABASE_URL: 'true',
    DATABASE_URL: 'postgres://a@b/c',
    JWT_SECRET: secret,
  });
  assert.is(config.databaseUrl, 'postgres://a@b/c');
  assert.is(config.jwtSecret, secret);
});

test('a flag that is not yes or no is refused', () => {
  assert.match(configError({ TRUST_PROXY: 'maybe' }), 'TRUST_PROXY must be true or false (got "maybe")');
});

test.run();
