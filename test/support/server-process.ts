import { spawn, type ChildProcess } from 'node:child_process';
import { projectPath } from '../../server/project-root.js';

/** A Docsy server started as its own process, the way `npm start` starts it. */
export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Runs `scripts/start.js` (what `npm start` runs) in a child process with `env` added to this
 * one's (and `DOCSY_DEMO=0` unless `env` sets it), and `nodeArguments` (e.g. `--cpu-prof`) before
 * the script. The UI and server builds are expected to be fresh (the test runner ensures it).
 *
 * @example
 * const server = startServerProcess({ DATA_DIR: dir, PORT: '0' });
 * const url = await listeningUrl(server);
 */
export function startServerProcess(env: Record<string, string>, nodeArguments: string[] = []): ServerProcess {
  const child = spawn(process.execPath, [...nodeArguments, projectPath('scripts', 'start.js')], {
    cwd: projectPath(),
    // No demo data unless a test asks for it (DOCSY_DEMO), so fresh data directories start fast.
    env: { ...process.env, LOG_LEVEL: 'warn', DOCSY_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Waits for the `Docsy listening on <url>` line and returns the URL; rejects when the process
 * exits first or after `timeoutMs`.
 *
 * @example
 * const url = await listeningUrl(server);
 */
export async function listeningUrl(server: ServerProcess, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Docsy listening on (http:\/\/\S+)/.exec(server.output());
    if (match?.[1]) return match[1];
    if (server.child.exitCode !== null)
      throw new Error(`the server exited (${server.child.exitCode}): ${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  server.child.kill('SIGKILL');
  throw new Error(`the server did not start within ${timeoutMs} ms: ${server.output()}`);
}
