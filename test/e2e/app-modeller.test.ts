/**
 * The modeller workspace in Chromium: the knowledge lists, a template's revisions, and the
 * editor — a draft started from a released revision, the live preview following the text, a
 * breaking change reported (and refused on publish), a compatible revision published and
 * listed; syntax errors with line and column; no accessibility violations.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn } from '../support/accounts.js';
import { assertAccessible, expectHeading, openApp } from '../support/app-pages.js';
import { formEngineServer } from '../support/form-engine-server.js';
import { archetypeDocument, templateDocument } from '../support/knowledge-fixtures.js';

const { app } = await formEngineServer();
const modeller = await signedIn(app, 'modeller', { name: 'Mo Deller' });

/** A fresh archetype (pulse rate, optional comment) and a template over it, published 1.0.0. */
async function publishedTemplate(): Promise<{ templateId: string; archetypeId: string; title: string }> {
  const name = `ui_${randomBytes(5).toString('hex')}`;
  const archetypeId = `test-EHR-OBSERVATION.${name}.v1`;
  const templateId = `test.${name}.v1`;
  const title = `Pulse check ${name}`;
  const archetype = archetypeDocument({
    id: archetypeId,
    properties: {
      pulse: { $ref: 'docsy:dt/count', title: 'Pulse rate', minimum: 0, maximum: 300 },
      comment: { $ref: 'docsy:dt/text', title: 'Comment', maxLength: 500 },
    },
    required: ['pulse'],
  });
  const template = {
    ...templateDocument({ id: templateId, archetypes: { [archetypeId]: '1.0.0' }, slots: [] }),
    title,
    slots: [{ id: 'pulse', archetype: archetypeId, min: 1 }],
  };
  for (const [collection, body] of [
    ['archetypes', archetype],
    ['templates', template],
  ] as const) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/${collection}`,
      headers: modeller.headers,
      payload: body,
    });
    assert.is(response.statusCode, 201, response.body);
  }
  return { templateId, archetypeId, title };
}

/** A row's text with its white space collapsed. */
async function rowText(page: Page, id: string): Promise<string> {
  const row = page.getByRole('row', { name: new RegExp(id.replaceAll('.', '\\.')) });
  return String(await row.textContent()).replace(/\s+/g, ' ');
}

/** The confirmation shown on the page (the live region repeats it for screen readers). */
function confirmation(page: Page, text: string) {
  return page.locator('p.success', { hasText: text });
}

/** A problem shown on the page (an alert, `<docsy-problem>`) whose field errors name this text. */
function problemOf(page: Page, text: string) {
  return page.locator('docsy-problem').filter({ hasText: text });
}

/** The text selected in the editor's text field. */
function selectedText(page: Page): Promise<string> {
  return page.getByLabel('Template or archetype (JSON)').evaluate((element) => {
    const field = element as unknown as { value: string; selectionStart: number; selectionEnd: number };
    return field.value.slice(field.selectionStart, field.selectionEnd);
  });
}

/** The editor's text as a file, changed by `edit`, typed back into the editor. */
async function editSource(
  page: Page,
  edit: (file: { slots: Record<string, unknown>[]; changes?: string[] }) => void,
): Promise<void> {
  const source = page.getByLabel('Template or archetype (JSON)');
  const file = JSON.parse(await source.inputValue()) as { slots: Record<string, unknown>[] };
  edit(file);
  await source.fill(JSON.stringify(file, null, 2));
}

test('the workspace lists templates and archetypes with revision, lifecycle and kind', async () => {
  const { templateId, archetypeId, title } = await publishedTemplate();
  const { page, context, errors } = await openApp('/', { as: modeller });
  await expectHeading(page, 'Clinical knowledge');
  assert.match(await rowText(page, templateId), `${title} 1.0.0 published event`);
  assert.match(await rowText(page, archetypeId), 'Example 1.0.0 published OBSERVATION');
  await assertAccessible(page, 'the knowledge list');
  await page.getByLabel('Filter by id or title').fill(templateId);
  assert.is(await page.locator('tbody tr').count(), 1, 'only the template matches the filter');
  await page.getByText('No archetypes match').waitFor();
  await page.getByRole('link', { name: templateId }).click();
  await expectHeading(page, title);
  await page.getByRole('row', { name: /1\.0\.0.*published/ }).waitFor();
  await page.locator('docsy-form').getByLabel('Pulse rate').waitFor();
  await assertAccessible(page, 'a template’s revisions and form');
  await page.getByRole('button', { name: 'Deprecate 1.0.0' }).click();
  await confirmation(page, 'Revision 1.0.0 is deprecated.').waitFor();
  await page.getByRole('row', { name: /1\.0\.0.*deprecated/ }).waitFor();
  assert.is(await page.getByRole('button', { name: 'Deprecate 1.0.0' }).count(), 0);
  const listed = await app.inject({
    method: 'GET',
    url: `/api/templates/${templateId}/revisions`,
    headers: modeller.headers,
  });
  assert.is(listed.json<{ items: { lifecycle: string }[] }>().items[0]?.lifecycle, 'deprecated');
  assert.equal(errors, []);
  await context.close();
});

test('a modeller edits a template draft, sees the preview and a breaking change, and publishes a compatible revision', async () => {
  const { templateId, title } = await publishedTemplate();
  const { page, context, errors } = await openApp(`/modeller/templates/${templateId}`, { as: modeller });
  await expectHeading(page, title);
  await page.getByRole('link', { name: 'Edit as a new revision' }).click();
  await expectHeading(page, 'Knowledge editor');
  await page.getByText('the revision is set to 1.1.0').waitFor();
  const source = page.getByLabel('Template or archetype (JSON)');
  assert.match(await source.inputValue(), /"revision": "1\.1\.0"/);
  const preview = page.locator('docsy-form');
  await preview.getByLabel('Pulse rate').waitFor();
  await page.getByText('No breaking changes').waitFor();
  await assertAccessible(page, 'the editor with its preview');

  await editSource(page, (file) => (file.slots[0]!.constraints = { '/pulse': { label: 'Heart rate' } }));
  await preview.getByLabel('Heart rate').waitFor();
  assert.is(await preview.getByLabel('Pulse rate').count(), 0, 'the preview follows the text');

  await editSource(page, (file) => Object.assign(file.slots[0]!, { min: 2, max: 2 }));
  const report = page.getByRole('table', { name: 'Breaking changes' });
  await report.waitFor();
  assert.match(String(await report.textContent()), /slot:pulse/);
  await report.getByRole('button', { name: /Go to line \d+/ }).click();
  assert.match(await selectedText(page), /^\s*\{$/, 'the slot’s line is selected in the file');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const refused = problemOf(page, 'breaking change');
  await refused.waitFor();
  assert.match(String(await refused.textContent()), /\/slots\/0/, 'the refusal names the slot');
  await refused.getByRole('button', { name: /Go to line \d+/ }).waitFor();
  await assertAccessible(page, 'the editor with a breaking change refused');

  await editSource(page, (file) => {
    Object.assign(file.slots[0]!, { min: 1, max: 1 });
    file.changes = ['Pulse rate is called heart rate'];
  });
  await page.getByText('No breaking changes').waitFor();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await confirmation(page, `The check passed: ${templateId} revision 1.1.0 can be published.`).waitFor();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await confirmation(page, `Published ${templateId} revision 1.1.0 (published).`).waitFor();

  await page.getByRole('link', { name: 'Knowledge', exact: true }).click();
  await expectHeading(page, 'Clinical knowledge');
  assert.match(await rowText(page, templateId), `${title} 1.1.0 published`, 'the list shows the new revision');
  assert.equal(errors, []);
  await context.close();
});

test('a syntax error is shown with its line and column, and publishing waits for a file', async () => {
  const { page, context } = await openApp('/modeller/editor', { as: modeller });
  await expectHeading(page, 'Knowledge editor');
  const source = page.getByLabel('Template or archetype (JSON)');
  await source.fill('{\n  "id": "docsy.broken.v1",\n  "slots" []\n}');
  await page.getByText("Line 3, column 11: Expected ':' after the property name").waitFor();
  assert.is(await source.getAttribute('aria-invalid'), 'true');
  assert.match(String(await source.getAttribute('aria-describedby')), /source-error/);
  assert.ok(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled());
  await assertAccessible(page, 'the editor with a syntax error');

  await page.getByRole('link', { name: 'Knowledge', exact: true }).click();
  await expectHeading(page, 'Clinical knowledge');
  await page.getByRole('link', { name: 'Editor', exact: true }).click();
  await expectHeading(page, 'Knowledge editor');
  await page.getByText('Your draft from before you left the editor.').waitFor();
  assert.match(await source.inputValue(), /"slots" \[\]/, 'the draft is kept while visiting other pages');
  await page.getByRole('button', { name: 'Clear the text' }).click();
  assert.is(await source.inputValue(), '');
  await page.getByRole('button', { name: 'Template', exact: true }).waitFor();
  await context.close();
});

test('a new archetype starts from a skeleton that previews and passes the check; a problem leads to its line', async () => {
  const { page, context } = await openApp('/modeller/editor', { as: modeller });
  await page.getByRole('button', { name: 'Archetype', exact: true }).click();
  await page.getByText('A new archetype: rename its id').waitFor();
  await page.locator('docsy-form').getByLabel('Finding').waitFor();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await confirmation(page, 'The check passed: docsy-EHR-OBSERVATION.new_observation.v1 revision 1.0.0').waitFor();

  const source = page.getByLabel('Template or archetype (JSON)');
  await source.fill((await source.inputValue()).replace('"maxLength": 500', '"maxLength": -1'));
  const problem = problemOf(page, '/properties/finding');
  await problem.waitFor();
  await problem
    .getByRole('button', { name: /Go to line \d+/ })
    .first()
    .click();
  assert.match(await selectedText(page), /"finding"|"maxLength"/, String(await problem.textContent()));
  await context.close();
});

test('an uploaded archetype is previewed in a one-slot form', async () => {
  const { archetypeId } = await publishedTemplate();
  const file = await app.inject({ method: 'GET', url: `/api/archetypes/${archetypeId}`, headers: modeller.headers });
  const { page, context } = await openApp('/modeller/editor', { as: modeller });
  await page.getByLabel('Upload a file').setInputFiles({
    name: `${archetypeId}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(file.body),
  });
  await page.getByText(`Loaded from the file ${archetypeId}.json.`).waitFor();
  await page.getByText('Recognised as an archetype.').waitFor();
  await page.locator('docsy-form').getByLabel('Comment').waitFor();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await confirmation(page, 'is already stored with this content').waitFor();
  await context.close();
});

test.run();
