/**
 * Archetypes and templates from the command line:
 * - `npm run knowledge -- check [file…]`: every file in archetypes/ and templates/ is loaded in
 *   revision order (so templates resolve against the archetypes beside them); the report covers the
 *   named files, or all of them. Needs no database.
 * - `npm run knowledge -- publish <file…>`: publishes files into the configured database
 *   (DATABASE_URL, or the embedded one in DATA_DIR when no server uses it), with every check the
 *   API makes; archetypes before templates.
 * - `npm run knowledge -- list`: the latest revision of every archetype and template stored.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { openConfiguredDatabase } from '../server/db/open-configured-database.js';
import { ApiError } from '../server/http/api-error.js';
import { KnowledgeRegistry } from '../server/knowledge/knowledge-registry.js';
import { KnowledgeCatalog } from '../server/knowledge/knowledge-catalog.js';
import { readKnowledgeFile, readKnowledgeFolder } from '../server/knowledge/knowledge-files.js';
import { loadKnowledgeFiles, type FileReport } from '../server/knowledge/load-knowledge-files.js';

async function check(named: string[]): Promise<number> {
  const archetypes = await readKnowledgeFolder('archetypes');
  const templates = await readKnowledgeFolder('templates');
  const known = new Set([...archetypes, ...templates].map((f) => resolve(f.file)));
  for (const path of named.filter((p) => !known.has(resolve(p)))) {
    const file = await readKnowledgeFile(path);
    (isTemplate(file.document) ? templates : archetypes).push(file);
  }
  const reports = loadKnowledgeFiles(archetypes, templates, new KnowledgeCatalog());
  const wanted = named.length > 0 ? reports.filter((r) => named.some((p) => resolve(p) === resolve(r.file))) : reports;
  for (const report of wanted) printReport(report);
  const failed = wanted.filter((r) => r.errors.length > 0 || r.breaking.length > 0).length;
  console.log(`${wanted.length - failed} files passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function printReport(report: FileReport): void {
  const name = `${report.file} (${report.id ?? '?'} ${report.revision ?? ''})`.trim();
  if (report.errors.length === 0 && report.breaking.length === 0) {
    console.log(`ok    ${name}`);
    return;
  }
  console.log(`FAIL  ${name}`);
  for (const error of report.errors) console.log(`        ${error.path || '/'}: ${error.message}`);
  for (const change of report.breaking)
    console.log(`        breaking ${change.kind} at ${change.path}: ${change.message}`);
}

async function publish(paths: string[]): Promise<number> {
  if (paths.length === 0) return usageError();
  const files = await Promise.all(paths.map((path) => readKnowledgeFile(path)));
  const ordered = [...files].sort((a, b) => Number(isTemplate(a.document)) - Number(isTemplate(b.document)));
  const database = await openConfiguredDatabase(process.env);
  let failed = 0;
  try {
    const registry = KnowledgeRegistry.open(database.db);
    for (const file of ordered) {
      try {
        if (file.errors.length > 0) throw new ApiError('VALIDATION_FAILED', 'unreadable file', { errors: file.errors });
        const actor = `cli:${userInfo().username}`;
        const result = isTemplate(file.document)
          ? await registry.publishTemplate(file.document, actor)
          : await registry.publishArchetype(file.document, actor);
        console.log(`${result.outcome.padEnd(9)} ${result.id} ${result.revision} (${result.lifecycle})`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        failed++;
        console.log(`refused   ${file.file}: ${error.detail}`);
        for (const problem of error.errors ?? []) console.log(`          ${problem.path || '/'}: ${problem.message}`);
      }
    }
  } finally {
    await database.close();
  }
  return failed > 0 ? 1 : 0;
}

async function list(): Promise<number> {
  const database = await openConfiguredDatabase(process.env);
  try {
    const repository = KnowledgeRegistry.open(database.db).repository;
    for (const kind of ['archetype', 'template'] as const) {
      for (const r of await repository.latest(kind)) {
        console.log(
          `${kind.padEnd(9)} ${r.id.padEnd(55)} ${r.revision.padEnd(8)} ${r.lifecycle.padEnd(10)} ${r.title}`,
        );
      }
    }
    return 0;
  } finally {
    await database.close();
  }
}

function isTemplate(document: unknown): boolean {
  return typeof document === 'object' && document !== null && !('x-archetype' in document);
}

function usageError(): number {
  console.error('usage: npm run knowledge -- check [file…] | publish <file…> | list');
  return 2;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { check, publish, list };
process.exitCode = command && commands[command] ? await commands[command](rest) : usageError();
