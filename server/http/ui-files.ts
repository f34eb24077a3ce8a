import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isWorkerScript, workerScriptPolicy } from './content-security-policy.js';

const immutable = 'public, max-age=31536000, immutable';

/** Whether the built UI (Vite's `index.html`) exists in `uiDir`. */
export function uiIsBuilt(uiDir: string): boolean {
  return existsSync(join(uiDir, 'index.html'));
}

/**
 * Serves the built UI: hashed files under `/assets/` cached for a year as immutable, every
 * other file (`index.html` above all) revalidated on each use; worker scripts get their own
 * Content-Security-Policy. Register only when built. Not encapsulated, so `reply.sendFile` also
 * serves the page fallback.
 *
 * @example
 * if (uiIsBuilt(uiDir)) await app.register(uiFiles, { root: uiDir });
 */
export const uiFiles = fastifyPlugin<{ root: string }>(
  async (app: FastifyInstance, { root }) => {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      cacheControl: false,
      setHeaders(reply: FastifyReply, path: string) {
        const hashedAsset = path.startsWith(join(root, 'assets'));
        reply.header('cache-control', hashedAsset ? immutable : 'no-cache');
        if (isWorkerScript(relative(root, path).split('\\').join('/')))
          reply.header('content-security-policy', workerScriptPolicy);
      },
    });
  },
  { name: 'docsy-ui-files' },
);

/**
 * The single-page-app fallback: a browser navigating to a client-side route (`/patients/42`)
 * gets `index.html`. Only for GET/HEAD outside `/api` and `/docs`, when HTML is acceptable;
 * `uiDir` undefined (UI not built) disables it.
 *
 * @example
 * await app.register(problemHandling, { fallback: uiPageFallback(uiIsBuilt(uiDir) ? uiDir : undefined) });
 */
export function uiPageFallback(uiDir: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    if (uiDir === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const path = request.url.split('?', 1)[0] ?? '/';
    if (/^\/(api|docs)(\/|$)/.test(path)) return false;
    if (!(request.headers.accept ?? '').includes('text/html')) return false;
    await reply.code(200).sendFile('index.html', uiDir);
    return true;
  };
}
