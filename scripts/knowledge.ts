/**
 * Checks archetype and template files: `npm run knowledge -- check [file…]`.
 * Every file in archetypes/ and templates/ is loaded in revision order (so templates resolve
 * against the archetypes beside them); the report covers the named files, or all of them.
 */
import { resolve } from 'node:path';
import { KnowledgeCatalog } from '../server/knowledge/knowledge-catalog.js';
import { readKnowledgeFile, readKnowledgeFolder } from '../server/knowledge/knowledge-files.js';
import { loadKnowledgeFiles, type FileReport } from '../server/knowledge/load-knowledge-files.js';

async function check(named: string[]): Promise<number> {
  const archetypes = await readKnowledgeFolder('archetypes');
  const templates = await readKnowledgeFolder('templates');
  const known = new Set([...archetypes, ...templates].map((f) => resolve(f.file)));
  for (const path of named.filter((p) => !known.has(resolve(p)))) {
    const file = await readKnowledgeFile(path);
    const isTemplate = typeof file.document === 'object' && file.document !== null && !('x-archetype' in file.document);
    (isTemplate ? templates : archetypes).push(file);
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

const [command, ...rest] = process.argv.slice(2);
const usage = 'usage: npm run knowledge -- check [file…]';
if (command === 'check') process.exitCode = await check(rest);
else {
  console.error(usage);
  process.exitCode = 2;
}
