import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config, EnvironmentConfig } from './config.js';
import { StartupError } from './startup-error.js';

/**
 * Completes the configuration with the JWT secret: `JWT_SECRET` when given, otherwise (embedded
 * database only) the secret kept in `DATA_DIR/jwt-secret`, generated on first start with mode 0600
 * so tokens stay valid across restarts.
 *
 * @example
 * const config = await provideJwtSecret(loadConfig(process.env));
 */
export async function provideJwtSecret(environment: EnvironmentConfig): Promise<Config> {
  if (environment.jwtSecret !== undefined) return { ...environment, jwtSecret: environment.jwtSecret };
  const file = join(environment.dataDir, 'jwt-secret');
  return { ...environment, jwtSecret: await readOrCreateSecret(file) };
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length < 32) throw new StartupError(`the JWT secret in ${file} is shorter than 32 characters`);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
