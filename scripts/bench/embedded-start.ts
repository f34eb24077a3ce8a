import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../server/project-root.js';

/** The embedded database the start figure reuses between runs (a start on an existing database). */
const dataDir = join(tmpdir(), 'docsy-bench-embedded');

/**
 * SPEC §8's start figure: seconds from running `npm start` on an existing embedded database to
 * the first 200 from `GET /api/health`, for each of `runs` starts. One start before them, not
 * counted, makes sure the database exists and is migrated and the builds are fresh.
 *
 * @example
 * const seconds = await embeddedStartSeconds(3); // e.g. [2.41, 2.38, 2.52]
 */
export async function embeddedStartSeconds(runs: number): Promise<number[]> {
  await timedStart();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timedStart());
  return times;
}

async function timedStart(): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const started = process.hrtime.bigint();
  // Its own process group: npm starts node, and the whole group is stopped afterwards.
  const child = spawn('npm', ['start'], { cwd: projectPath(), env, detached: true, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    while (!(await healthy(port))) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await released();
  }
}

/** Waits until the stopped server has given up the data directory (its lock file is gone). */
async function released(): Promise<void> {
  for (let waited = 0; existsSync(join(dataDir, 'docsy.lock')) && waited < 15_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return response.status === 200;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
