import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { projectPath } from '../../server/project-root.js';
import { runScript } from '../support/command-line.js';

const folder = mkdtempSync(join(tmpdir(), 'docsy-knowledge-'));
const example = (file: string) => projectPath('test', 'fixtures', 'modelling-example', file);
const archetype = example('openEHR-EHR-OBSERVATION.pulse_oximetry.v1.json');
const template = example('docsy.pulse_oximetry.v1.json');

function knowledge(...args: string[]) {
  return runScript('knowledge.ts', args, { DATA_DIR: join(folder, 'data'), DATABASE_URL: '' });
}

test('check, publish and list knowledge files from the command line', async () => {
  const checked = await knowledge('check', archetype, template);
  assert.is(checked.code, 0, checked.stdout);
  assert.match(checked.stdout, '2 files passed, 0 failed');

  // Named template first: publish still stores the archetype before the template that pins it.
  const published = await knowledge('publish', template, archetype);
  assert.is(published.code, 0, published.stdout + published.stderr);
  assert.match(published.stdout, 'created   openEHR-EHR-OBSERVATION.pulse_oximetry.v1 1.0.0 (published)');
  assert.match(published.stdout, 'created   docsy.pulse_oximetry.v1 1.0.0 (published)');

  const broken = join(folder, 'broken.json');
  writeFileSync(broken, JSON.stringify({ id: 'docsy.broken.v1', revision: '1.0.0' }));
  const refused = await knowledge('publish', archetype, broken);
  assert.is(refused.code, 1);
  assert.match(refused.stdout, 'unchanged openEHR-EHR-OBSERVATION.pulse_oximetry.v1 1.0.0');
  assert.match(refused.stdout, /refused {3}.*broken\.json: The template has \d+ problem/);

  const listed = await knowledge('list');
  assert.is(listed.code, 0);
  assert.match(
    listed.stdout,
    /archetype +openEHR-EHR-OBSERVATION\.pulse_oximetry\.v1 +1\.0\.0 +published +Pulse oximetry/,
  );
  assert.match(listed.stdout, /template +docsy\.pulse_oximetry\.v1 +1\.0\.0 +published/);
});

test('an unknown command prints the usage', async () => {
  const result = await knowledge('frobnicate');
  assert.is(result.code, 2);
  assert.match(result.stderr, 'usage: npm run knowledge -- check [file…] | publish <file…> | list');
});

test.run();
