// @ts-check
/**
 * `npm start`: builds the UI and the server when missing or stale, then runs the compiled
 * server in this process (plain Node.js: no TypeScript loader on the start path, so a restart
 * is quick; Ctrl-C reaches the server's graceful shutdown directly).
 */
import { ensureServerBuilt, ensureUiBuilt } from './build-if-stale.js';

try {
  ensureUiBuilt();
  ensureServerBuilt();
} catch (error) {
  console.error(`docsy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const compiledServer = '../dist/server/main.js';
await import(compiledServer);
