/**
 * `npm run dev`: the server restarted on change (`tsx watch`, port 8000) and Vite's dev server
 * with hot reload on http://127.0.0.1:5173, which proxies `/api` and `/docs` to the server.
 * Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectPath } from '../server/project-root.js';

const children: ChildProcess[] = [
  spawn(process.execPath, [projectPath('node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', 'server/main.ts'], {
    stdio: 'inherit',
  }),
  spawn(process.execPath, [projectPath('node_modules', 'vite', 'bin', 'vite.js'), '--host', '127.0.0.1'], {
    stdio: 'inherit',
  }),
];

function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

for (const child of children) child.on('exit', stopAll);
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
