/**
 * Imports a value set from CSV into the configured database, replacing it if it exists:
 *   npm run terminology -- import <file.csv> --id <value-set-id> --title "<title>" --code-system <SNOMED-CT|LOINC|UCUM|…>
 * The CSV has a header `code,display,synonyms` (synonyms separated by `|`). A file with any
 * problem imports nothing. A running server can import the same file with PUT /api/terminology/{id}.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '../server/db/open-configured-database.js';
import { ApiError } from '../server/http/api-error.js';
import { TerminologyRepository } from '../server/terminology/terminology-repository.js';
import { TerminologyService } from '../server/terminology/terminology-service.js';

const usage =
  'usage: npm run terminology -- import <file.csv> --id <value-set-id> --title "<title>" --code-system <system>';

async function importValueSet(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { id: { type: 'string' }, title: { type: 'string' }, 'code-system': { type: 'string' } },
  });
  const [file] = positionals;
  const { id, title, 'code-system': codeSystem } = values;
  if (!file || !id || !title || !codeSystem || !/^[a-z][a-z0-9-]{0,63}$/.test(id)) {
    console.error(usage);
    return 2;
  }
  const csv = await readFile(file, 'utf8');
  const database = await openConfiguredDatabase(process.env);
  try {
    const terminology = new TerminologyService(new TerminologyRepository(database.db));
    const imported = await terminology.importCsv({ id, title, codeSystem }, csv, `import:${file}`);
    console.log(`imported ${imported.size} concepts into value set ${imported.id} (${imported.codeSystem})`);
    return 0;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.error(`terminology: ${error.detail}`);
    for (const problem of error.errors ?? []) console.error(`  ${problem.path}: ${problem.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'import') process.exitCode = await importValueSet(rest);
else {
  console.error(usage);
  process.exitCode = 2;
}
