import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compositionValidators } from '../../../server/knowledge/composition-validators.js';
import { exampleComposition } from '../../../server/knowledge/example-composition.js';
import { generateTypes } from '../../../server/knowledge/generate-types.js';
import { loadShippedKnowledge } from '../../../server/knowledge/shipped-knowledge.js';
import { projectPath } from '../../../server/project-root.js';

const catalog = await loadShippedKnowledge();

test('every shipped template resolves and its example composition validates', () => {
  const templates = catalog.allTemplates();
  assert.ok(templates.length >= 7, `expected the shipped templates, found ${templates.length}`);
  for (const template of templates) {
    const resolved = catalog.resolve(template);
    assert.ok(resolved.ok, template.id);
    if (!resolved.ok) continue;
    const form = catalog.form(template.id, template.revision)!;
    assert.equal(compositionValidators.validate(form, exampleComposition(resolved.value)), [], template.id);
  }
});

test('the checked-in archetype and template types are current (npm run gen:types)', async () => {
  const expected = await generateTypes(catalog);
  const folder = projectPath('server', 'knowledge', 'generated');
  const present = (await readdir(folder)).filter((name) => name.endsWith('.ts')).sort();
  assert.equal(present, Object.keys(expected).sort(), 'the generated files are the ones the knowledge needs');
  for (const [name, source] of Object.entries(expected)) {
    assert.ok((await readFile(join(folder, name), 'utf8')) === source, `${name} is stale: run npm run gen:types`);
  }
});

test.run();
