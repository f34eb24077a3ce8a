/**
 * How the pages read a record: which category a template falls in (from its archetypes, so a new
 * template needs no code), the counts per category, and the clinic-local times of slots.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { categoryCounts, type RecordCatalog } from '../../../ui/src/record/record-catalog.js';
import { archetypeConcept, categoryOfArchetypes, otherCategory } from '../../../ui/src/record/record-categories.js';
import { byDay, localTime, periodInWords } from '../../../ui/src/scheduling/slot-times.js';

test('a template falls in the category of its first slot archetype that a category names, any major version', () => {
  assert.is(archetypeConcept('openEHR-EHR-EVALUATION.adverse_reaction_risk.v2'), 'adverse_reaction_risk');
  assert.is(categoryOfArchetypes(['openEHR-EHR-EVALUATION.adverse_reaction_risk.v1']).id, 'allergies');
  assert.is(categoryOfArchetypes(['openEHR-EHR-ACTION.medication.v1']).id, 'prescriptions', 'a dispensation');
  assert.is(
    categoryOfArchetypes(['openEHR-EHR-OBSERVATION.blood_pressure.v2', 'openEHR-EHR-OBSERVATION.body_temperature.v2'])
      .id,
    'vitals',
  );
  assert.is(categoryOfArchetypes(['openEHR-EHR-OBSERVATION.smoking_status.v1']), otherCategory, 'unknown: Other');
});

test('category counts add up the templates of each category; Other shows only when it holds something', () => {
  const categories: Record<string, string> = {
    'docsy.allergy_record.v1': 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v2',
    'docsy.allergy_record_legacy.v1': 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v1',
    'local.smoking.v1': 'openEHR-EHR-OBSERVATION.smoking_status.v1',
  };
  const catalog: RecordCatalog = {
    templates: [],
    categoryOf: (id) => categoryOfArchetypes(categories[id] ? [categories[id]] : []),
    titleOf: (id) => id,
  };
  const counts = (held: { id: string; count: number }[]) =>
    Object.fromEntries(categoryCounts(catalog, held).map(({ category, count }) => [category.id, count]));
  assert.equal(
    counts([
      { id: 'docsy.allergy_record.v1', count: 2 },
      { id: 'docsy.allergy_record_legacy.v1', count: 1 },
    ]),
    { prescriptions: 0, allergies: 3, problems: 0, procedures: 0, lab: 0, imaging: 0, vitals: 0 },
  );
  assert.is(counts([{ id: 'local.smoking.v1', count: 4 }])['other'], 4);
});

test('slots read in the clinic’s local time, grouped by its local day', () => {
  const slots = [
    { start: '2026-03-29T23:30:00-04:00', end: '2026-03-30T00:00:00-04:00' },
    { start: '2026-03-30T09:00:00+01:00', end: '2026-03-30T09:15:00+01:00' },
    { start: '2026-03-30T09:15:00+01:00', end: '2026-03-30T09:30:00+01:00' },
  ];
  assert.is(localTime(slots[1]!.start), '09:00');
  assert.equal(
    byDay(slots).map(([day, items]) => [day, items.length]),
    [
      ['2026-03-29', 1],
      ['2026-03-30', 2],
    ],
  );
  assert.is(periodInWords(slots[1]!), 'Monday, 30 March 2026, 09:00–09:15');
});

test.run();
