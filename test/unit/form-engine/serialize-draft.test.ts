/**
 * How a form's draft becomes a composition (ui/src/form/serialize-draft.ts): what is left out,
 * what is kept, and how each part of the composition is traced back to its field.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildFormDefinition } from '../../../server/knowledge/form-definition.js';
import { newDraft, withValueAt, type FormDraft } from '../../../ui/src/form/form-draft.js';
import type { CompositionBody, FormDefinition } from '../../../ui/src/form/form-definition.js';
import { draftOfComposition } from '../../../ui/src/form/load-composition.js';
import { partOf, serializeDraft } from '../../../ui/src/form/serialize-draft.js';
import { archetypeDocument, resolvedTemplate, templateDocument } from '../../support/knowledge-fixtures.js';

const archetype = archetypeDocument({
  id: 'test-EHR-OBSERVATION.drafts.v1',
  properties: {
    reading: { $ref: 'docsy:dt/count', title: 'Reading' },
    position: {
      $ref: 'docsy:dt/coded_text',
      title: 'Position',
      'x-codes': [
        { code: 'sitting', value: 'Sitting' },
        { code: 'lying', value: 'Lying' },
      ],
    },
    tilt: { $ref: 'docsy:dt/count', title: 'Tilt', 'x-showIf': { field: 'position', equals: 'lying' } },
    note: {
      $ref: 'docsy:dt/text',
      title: 'Note',
      maxLength: 50,
      'x-showIf': { field: 'position', equals: 'lying' },
      'x-hiddenValues': 'keep',
    },
    remarks: { type: 'array', title: 'Remarks', items: { $ref: 'docsy:dt/text', maxLength: 50 }, maxItems: 3 },
    extra: {
      type: 'object',
      title: 'Extra',
      properties: { detail: { $ref: 'docsy:dt/text', title: 'Detail', maxLength: 9 } },
    },
  },
});
const definition = buildFormDefinition(
  resolvedTemplate(
    templateDocument({
      archetypes: { 'test-EHR-OBSERVATION.drafts.v1': '1.0.0' },
      slots: [
        { id: 'kept', archetype: 'test-EHR-OBSERVATION.drafts.v1', min: 1, max: 1 },
        {
          id: 'optional',
          archetype: 'test-EHR-OBSERVATION.drafts.v1',
          min: 0,
          max: 2,
          constraints: { '/position': { default: 'sitting' } },
        },
      ],
    }),
    [archetype],
  ),
) as unknown as FormDefinition;

const start = { startTime: '2026-11-26T10:30:00+01:00' };
const set = (draft: FormDraft, path: (string | number)[], value: unknown): FormDraft =>
  withValueAt(draft, ['slots', ...path], value as never);

test('a new form: a mandatory entry is kept empty, an optional one holding only defaults is left out', () => {
  const { composition } = serializeDraft(definition, newDraft(definition, start));
  assert.equal(composition.context, start);
  assert.equal(composition.content, [
    { slot: 'kept', archetype: 'test-EHR-OBSERVATION.drafts.v1', revision: '1.0.0', data: {} },
  ]);
});

test('once something is entered in an optional entry, it is recorded with its defaults', () => {
  const draft = set(newDraft(definition, start), ['optional', 0, 'reading'], 7);
  const entry = serializeDraft(definition, draft).composition.content[1]!;
  assert.equal(entry.data, { reading: 7, position: { code: 'sitting', terminology: 'local', value: 'Sitting' } });
});

test('hidden values: "clear" removes them, "keep" keeps them', () => {
  let draft = set(newDraft(definition, start), ['kept', 0, 'position'], {
    code: 'lying',
    terminology: 'local',
    value: 'Lying',
  });
  draft = set(draft, ['kept', 0, 'tilt'], 10);
  draft = set(draft, ['kept', 0, 'note'], 'on the left');
  assert.equal(Object.keys(serializeDraft(definition, draft).composition.content[0]!.data), [
    'position',
    'tilt',
    'note',
  ]);
  draft = set(draft, ['kept', 0, 'position'], { code: 'sitting', terminology: 'local', value: 'Sitting' });
  assert.equal(serializeDraft(definition, draft).composition.content[0]!.data, {
    position: { code: 'sitting', terminology: 'local', value: 'Sitting' },
    note: 'on the left',
  });
});

test('empty list items are left out, and every part is traced to its field', () => {
  let draft = newDraft(definition, start);
  draft = set(draft, ['kept', 0, 'remarks'], [undefined, '', 'third']);
  draft = set(draft, ['optional', 0, 'extra', 'detail'], 'too long a detail');
  const { composition, parts } = serializeDraft(definition, draft);
  assert.equal(composition.content[0]!.data.remarks, ['', 'third']);
  assert.is(partOf(parts, '/content/0/data/remarks/1'), '/slots/kept/0/remarks/2');
  assert.is(partOf(parts, '/content/1/data/extra/detail'), '/slots/optional/0/extra/detail');
  assert.is(partOf(parts, '/content/0/data/reading/magnitude'), '/slots/kept/0/reading');
  assert.is(partOf(parts, '/context/startTime'), '/context/startTime');
  assert.is(partOf(parts, '/content'), '/slots');
  assert.is(partOf(parts, ''), '');
});

test('a composition loaded to amend comes back unchanged, without defaults added', () => {
  const body: CompositionBody = {
    template: { id: definition.template.id, revision: definition.template.revision },
    context: start,
    content: [
      { slot: 'kept', archetype: 'test-EHR-OBSERVATION.drafts.v1', revision: '1.0.0', data: { remarks: ['a', 'b'] } },
      { slot: 'optional', archetype: 'test-EHR-OBSERVATION.drafts.v1', revision: '1.0.0', data: { reading: 3 } },
    ],
  };
  assert.equal(serializeDraft(definition, draftOfComposition(definition, body)).composition, body);
});

test.run();
