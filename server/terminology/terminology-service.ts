import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../http/api-error.js';
import type { TerminologyRepository } from './terminology-repository.js';
import { type ConceptMatch, type ValueSetSummary } from './terminology-repository.js';
import { parseValueSetCsv } from './value-set-csv.js';

/** What a value set is: its id, title and code system (SNOMED-CT, LOINC, UCUM…). */
export interface ValueSetDescription {
  id: string;
  title: string;
  codeSystem: string;
}

/**
 * Terminology: value sets shipped as files and imported from CSV, searched as you type.
 *
 * @example
 * const terminology = new TerminologyService(new TerminologyRepository(db));
 * await terminology.search('snomed-substances', 'penic');
 */
export class TerminologyService {
  constructor(private readonly repository: TerminologyRepository) {}

  list(): Promise<ValueSetSummary[]> {
    return this.repository.list();
  }

  /** Up to `limit` concepts for a query; 404 when the value set does not exist. */
  async search(valueSetId: string, query: string, limit = 20): Promise<ConceptMatch[]> {
    if (!(await this.repository.find(valueSetId))) throw new ApiError('NOT_FOUND', `No value set ${valueSetId}`);
    return this.repository.search(valueSetId, query, limit);
  }

  /**
   * Replaces a value set with the rows of a CSV file (`code,display,synonyms`); a file with any
   * problem changes nothing and is refused with every problem and its line.
   */
  async importCsv(set: ValueSetDescription, csv: string, source: string): Promise<ValueSetSummary> {
    const { rows, errors } = parseValueSetCsv(csv);
    if (errors.length > 0)
      throw new ApiError('VALIDATION_FAILED', `The file has ${errors.length} problem(s); nothing was imported`, {
        errors,
      });
    const sourceSha256 = createHash('sha256').update(csv).digest('hex');
    await this.repository.replace({ ...set, source, sourceSha256 }, rows);
    return (await this.repository.find(set.id))!;
  }

  /**
   * Loads the value sets shipped in `folder` (index.json and one CSV each) whose file changed since
   * the last start; an unchanged file costs nothing, a broken one is logged and skipped.
   */
  async loadShipped(folder: string, log: FastifyBaseLogger): Promise<void> {
    const index = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8')) as (ValueSetDescription & {
      file: string;
    })[];
    const known = new Map((await this.repository.list()).map((set) => [set.id, set.sourceSha256]));
    for (const entry of index) {
      const csv = await readFile(join(folder, entry.file), 'utf8');
      if (known.get(entry.id) === createHash('sha256').update(csv).digest('hex')) continue;
      try {
        const loaded = await this.importCsv(entry, csv, `file:${entry.file}`);
        log.info({ valueSet: entry.id, size: loaded.size }, `value set ${entry.id} loaded`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        log.error(
          { valueSet: entry.id, reasons: error.errors },
          `value set file ${entry.file} refused: ${error.detail}`,
        );
      }
    }
  }
}
