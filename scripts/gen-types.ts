/**
 * Writes the TypeScript types of every archetype and template in archetypes/ and templates/ to
 * server/knowledge/generated/ (`npm run gen:types`). A unit test fails when they are stale.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateTypes } from '../server/knowledge/generate-types.js';
import { loadShippedKnowledge } from '../server/knowledge/shipped-knowledge.js';

const folder = join('server', 'knowledge', 'generated');
const files = await generateTypes(await loadShippedKnowledge());
await mkdir(folder, { recursive: true });
for (const name of await readdir(folder)) if (!(name in files)) await rm(join(folder, name));
for (const [name, source] of Object.entries(files)) await writeFile(join(folder, name), source);
console.log(`wrote ${Object.keys(files).length} files to ${folder}`);
