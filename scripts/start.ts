/**
 * `npm start`: builds the UI when `ui/dist` is missing or older than its sources, then starts
 * the server in this process (so Ctrl-C reaches its graceful shutdown directly).
 */
import { ensureUiBuilt } from './ui-build.js';

try {
  ensureUiBuilt();
} catch (error) {
  console.error(`docsy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
await import('../server/main.js');
