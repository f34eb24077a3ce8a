import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This file's folder: `<root>/server` when run from source, `<root>/dist/server` when compiled. */
const serverDir = dirname(fileURLToPath(import.meta.url));
const parent = dirname(serverDir);

/** The repository (or image) root, where `package.json`, `ui/dist`, `archetypes/` and `templates/` live. */
export const projectRoot = basename(parent) === 'dist' ? dirname(parent) : parent;

/**
 * A path inside the project root, whether running from source or from `dist/`.
 *
 * @example
 * projectPath('ui', 'dist'); // '/app/ui/dist'
 */
export function projectPath(...segments: string[]): string {
  return join(projectRoot, ...segments);
}
