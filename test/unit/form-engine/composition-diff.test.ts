import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadShippedKnowledge } from '../../../server/knowledge/shipped-knowledge.js';
import type { CompositionBody, FormDefinition } from '../../../ui/src/form/form-definition.js';
import { diffValues } from '../../../ui/src/views/composition-diff.js';
import { readComposition, readValues } from '../../../ui/src/views/read-composition.js';

const catalog = await loadShippedKnowledge();
const definition = catalog.form('docsy.vital_signs.v1', '1.0.0') as unknown as FormDefinition;

const first: CompositionBody = {
  template: { id: 'docsy.vital_signs.v1', revision: '1.0.0' },
  context: { startTime: '2026-03-02T09:30:00+01:00', facility: 'Docsy Clinic' },
  content: [
    {
      slot: 'blood_pressure',
      archetype: 'openEHR-EHR-OBSERVATION.blood_pressure.v2',
      revision: '2.0.0',
      data: {
        systolic: { magnitude: 142, unit: 'mm[Hg]' },
        position: { code: 'sitting', terminology: 'local', value: 'Sitting' },
      },
    },
  ],
};

test('a composition is read with the labels of its form, values in words', () => {
  const values = readValues(readComposition(definition, first));
  assert.equal(values, [
    { key: '/context/startTime', label: 'Context › Start time', text: '2 March 2026, 09:30:00 (UTC+01:00)' },
    { key: '/context/facility', label: 'Context › Facility', text: 'Docsy Clinic' },
    { key: '/blood_pressure/0/systolic', label: 'Blood pressure › Systolic', text: '142 mm[Hg]' },
    { key: '/blood_pressure/0/position', label: 'Blood pressure › Position', text: 'Sitting' },
  ]);
});

test('two versions differ field by field: added, removed, changed', () => {
  const second = structuredClone(first);
  const data = second.content[0]!.data;
  data.systolic = { magnitude: 138, unit: 'mm[Hg]' };
  delete data.position;
  data.diastolic = { magnitude: 88, unit: 'mm[Hg]' };
  const changes = diffValues(
    readValues(readComposition(definition, first)),
    readValues(readComposition(definition, second)),
  );
  assert.equal(changes, [
    {
      key: '/blood_pressure/0/systolic',
      label: 'Blood pressure › Systolic',
      change: 'changed',
      before: '142 mm[Hg]',
      after: '138 mm[Hg]',
    },
    { key: '/blood_pressure/0/position', label: 'Blood pressure › Position', change: 'removed', before: 'Sitting' },
    { key: '/blood_pressure/0/diastolic', label: 'Blood pressure › Diastolic', change: 'added', after: '88 mm[Hg]' },
  ]);
});

test.run();
