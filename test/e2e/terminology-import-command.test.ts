import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createDatabase } from '../../server/db/create-database.js';
import { TerminologyRepository } from '../../server/terminology/terminology-repository.js';
import { runScript } from '../support/command-line.js';

const folder = mkdtempSync(join(tmpdir(), 'docsy-terminology-'));
const dataDir = join(folder, 'data');

function terminologyCommand(...args: string[]) {
  return runScript('terminology.ts', args, { DATA_DIR: dataDir, DATABASE_URL: '' });
}

const importInto = (file: string) =>
  terminologyCommand('import', file, '--id', 'snomed-vaccines', '--title', 'Vaccines', '--code-system', 'SNOMED-CT');

test('the CSV import command adds a value set without a code change, and refuses a broken file whole', async () => {
  const good = join(folder, 'vaccines.csv');
  writeFileSync(
    good,
    'code,display,synonyms\n1119349007,Measles mumps rubella vaccine,MMR\n871751006,Hepatitis A vaccine,\n',
  );
  const imported = await importInto(good);
  assert.is(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, 'imported 2 concepts into value set snomed-vaccines (SNOMED-CT)');

  const broken = join(folder, 'broken.csv');
  writeFileSync(broken, 'code,display,synonyms\nx1,,\n');
  const refused = await importInto(broken);
  assert.is(refused.code, 1);
  assert.match(refused.stderr, '/file/line/2: display must be 1 to 500 characters');

  const usage = await terminologyCommand('import', good);
  assert.is(usage.code, 2);
  assert.match(usage.stderr, 'usage: npm run terminology -- import');

  const database = await createDatabase({ databaseUrl: undefined, dataDir, dbPoolSize: 1 });
  try {
    const matches = await new TerminologyRepository(database.db).search('snomed-vaccines', 'mmr', 20);
    assert.equal(matches, [{ code: '1119349007', display: 'Measles mumps rubella vaccine', codeSystem: 'SNOMED-CT' }]);
  } finally {
    await database.close();
  }
});

test.run();
