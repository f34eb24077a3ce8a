import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson } from '../../../server/knowledge/canonical-json.js';

test('docs/modelling.md shows the worked example files exactly as the fixtures hold them', async () => {
  const page = await readFile('docs/modelling.md', 'utf8');
  const worked = page.slice(page.indexOf('## Worked example'));
  const blocks = [...worked.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]!) as unknown);
  for (const file of ['openEHR-EHR-OBSERVATION.pulse_oximetry.v1.json', 'docsy.pulse_oximetry.v1.json']) {
    const fixture: unknown = JSON.parse(await readFile(`test/fixtures/modelling-example/${file}`, 'utf8'));
    assert.ok(
      blocks.some((block) => canonicalJson(block) === canonicalJson(fixture)),
      `the page shows ${file} as it is`,
    );
  }
});

test.run();
