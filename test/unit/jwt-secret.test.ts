import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig } from '../../server/config.js';
import { provideJwtSecret } from '../../server/jwt-secret.js';

test('embedded mode generates a secret once, mode 0600, and reuses it', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'docsy-secret-')), 'data');
  const first = await provideJwtSecret(loadConfig({ DATA_DIR: dataDir }));
  const second = await provideJwtSecret(loadConfig({ DATA_DIR: dataDir }));
  assert.ok(first.jwtSecret.length >= 32);
  assert.is(second.jwtSecret, first.jwtSecret);
  const file = join(dataDir, 'jwt-secret');
  assert.is(readFileSync(file, 'utf8').trim(), first.jwtSecret);
  assert.is(statSync(file).mode & 0o777, 0o600);
});

test('JWT_SECRET wins over the data directory', async () => {
  const secret = 's'.repeat(40);
  const config = await provideJwtSecret(loadConfig({ JWT_SECRET: secret, DATA_DIR: '/nonexistent/docsy' }));
  assert.is(config.jwtSecret, secret);
});

test.run();
