import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ModellingError } from './modelling-error.js';
import { checkSizeAndDepth } from './untrusted-json.js';

/** One archetype or template file read from disk. */
export interface KnowledgeFile {
  file: string;
  sha256: string;
  document?: unknown;
  errors: ModellingError[];
}

/**
 * Reads every `.json` file below a folder (sorted, so loading is deterministic), parsing each and
 * checking its size and depth; a file that cannot be read as JSON carries its error.
 *
 * @example
 * const files = await readKnowledgeFolder('archetypes');
 */
export async function readKnowledgeFolder(folder: string): Promise<KnowledgeFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(paths.map((path) => readKnowledgeFile(path, relative(process.cwd(), path))));
}

/** Reads and parses one knowledge file. */
export async function readKnowledgeFile(path: string, name = path): Promise<KnowledgeFile> {
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const document: unknown = JSON.parse(bytes.toString('utf8'));
    return { file: name, sha256, document, errors: checkSizeAndDepth(bytes.byteLength, document) };
  } catch (error) {
    return { file: name, sha256, errors: [{ path: '', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
}
