/**
 * Issue 5: one test per shipped archetype, spot-checking its value sets, units, ranges and
 * occurrences against ../shared/CLINICAL_CONTENT.md (the CKM facts it summarises).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compositionValidators } from '../../../server/knowledge/composition-validators.js';
import { loadShippedKnowledge } from '../../../server/knowledge/shipped-knowledge.js';
import { projectPath } from '../../../server/project-root.js';

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
};
interface UnitRange {
  unit: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  decimals?: number;
}

const archetypes = new Map<string, Schema>(
  readdirSync(projectPath('archetypes')).map((file) => {
    const schema = JSON.parse(readFileSync(projectPath('archetypes', file), 'utf8')) as Schema;
    return [(schema['x-archetype'] as { id: string }).id, schema];
  }),
);

function archetype(id: string): Schema {
  const schema = archetypes.get(id);
  assert.ok(schema, `${id} ships`);
  return schema!;
}

/** The element at a slash path of keys, stepping into list items and groups. */
function element(id: string, path: string): Schema {
  let node = archetype(id);
  for (const key of path.split('/').filter(Boolean)) {
    const container = node.type === 'array' ? node.items! : node;
    node = container.properties?.[key] as Schema;
    assert.ok(node, `${id} has ${path}`);
  }
  return node.type === 'array' && node.items ? { ...node.items, repeats: true } : node;
}

const codes = (id: string, path: string) => (element(id, path)['x-codes'] as { code: string }[]).map((c) => c.code);
const units = (id: string, path: string) => element(id, path)['x-units'] as UnitRange[];
const ref = (id: string, path: string) => element(id, path).$ref;
const meta = (id: string) =>
  archetype(id)['x-archetype'] as { entryClass: string; lifecycle: string; revision: string };
const required = (id: string) => archetype(id).required ?? [];
const repeats = (id: string, path: string) => element(id, path).repeats === true;

const catalog = await loadShippedKnowledge();

/** The report statuses lab and imaging results share (CLINICAL_CONTENT.md); each adds one of its own. */
const reportStatuses = [
  'registered',
  'partial',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'appended',
  'cancelled',
];

/** Validates one entry's data inside the shipped template that holds it. */
function entryErrors(templateId: string, slot: string, archetypeId: string, data: Record<string, unknown>) {
  const form = catalog.form(templateId, '1.0.0')!;
  const revision = meta(archetypeId).revision;
  const body = {
    template: { id: templateId, revision: '1.0.0' },
    context: { startTime: '2026-03-02T09:30:00Z' },
    content: [{ slot, archetype: archetypeId, revision, data }],
  };
  return compositionValidators.validate(form, body).map((e) => e.message);
}

test('adverse reaction risk v1: deprecated; status, criticality, category, mechanism; reaction events inside', () => {
  const id = 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v1';
  assert.equal([meta(id).entryClass, meta(id).lifecycle], ['EVALUATION', 'deprecated']);
  assert.equal(required(id), ['substance']);
  assert.equal(codes(id, 'status'), ['suspected', 'likely', 'confirmed', 'resolved', 'refuted']);
  assert.equal(codes(id, 'criticality'), ['low', 'high', 'indeterminate']);
  assert.equal(codes(id, 'category'), ['food', 'medication', 'other']);
  assert.equal(codes(id, 'reaction_mechanism'), ['immune_mediated', 'non_immune_mediated', 'indeterminate']);
  assert.ok(repeats(id, 'reaction_event'));
  assert.equal(codes(id, 'reaction_event/certainty'), ['suspected', 'likely', 'confirmed']);
  assert.equal(codes(id, 'reaction_event/severity'), ['mild', 'moderate', 'severe']);
  assert.ok(repeats(id, 'reaction_event/manifestation'));
  assert.is(ref(id, 'reaction_event/duration'), 'docsy:dt/duration');
  assert.is(ref(id, 'reaction_reported'), 'docsy:dt/boolean');
});

test('adverse reaction risk v2: verification and active/inactive status, onset choices, reaction event cluster', () => {
  const id = 'openEHR-EHR-EVALUATION.adverse_reaction_risk.v2';
  assert.equal([meta(id).entryClass, meta(id).lifecycle], ['EVALUATION', 'published']);
  assert.equal(codes(id, 'verification_status'), ['unconfirmed', 'confirmed', 'refuted']);
  assert.equal(codes(id, 'active_inactive'), ['active', 'inactive']);
  assert.not.ok(archetype(id).properties!.status, 'status became verification status');
  const onsetTypes = (element(id, 'onset_of_first_reaction')['x-choice'] as { $ref: string }[]).map((c) => c.$ref);
  assert.equal(onsetTypes, ['docsy:dt/date_time', 'docsy:dt/duration', 'docsy:dt/text']);
  assert.is(ref(id, 'reaction_event'), 'docsy:archetype/openEHR-EHR-CLUSTER.adverse_reaction_event.v1');
});

test('adverse reaction event cluster: certainty and severity value sets, manifestations repeat', () => {
  const id = 'openEHR-EHR-CLUSTER.adverse_reaction_event.v1';
  assert.is(meta(id).entryClass, 'CLUSTER');
  assert.equal(codes(id, 'certainty'), ['suspected', 'likely', 'confirmed']);
  assert.equal(codes(id, 'severity'), ['mild', 'moderate', 'severe']);
  assert.ok(repeats(id, 'manifestation'));
  assert.is(element(id, 'specific_substance')['x-terminology'], 'snomed-substances');
});

test('medication order v3: mandatory item, coded routes, dose units, substitution, counts from zero', () => {
  const id = 'openEHR-EHR-INSTRUCTION.medication_order.v3';
  assert.is(meta(id).entryClass, 'INSTRUCTION');
  assert.equal(required(id), ['medication_item']);
  assert.is(element(id, 'medication_item')['x-terminology'], 'snomed-medications');
  assert.ok(repeats(id, 'route') && repeats(id, 'dose_and_timing') && repeats(id, 'order_identifier'));
  const doseUnits = units(id, 'dose_and_timing/dose').map((u) => u.unit);
  for (const unit of ['mg', 'g', 'ug', 'mL', '[iU]', '{tablet}']) assert.ok(doseUnits.includes(unit), unit);
  assert.ok(
    units(id, 'dose_and_timing/dose').every((u) => u.exclusiveMinimum === 0),
    'a dose is above 0',
  );
  assert.equal(
    units(id, 'dose_and_timing/frequency').map((u) => u.unit),
    ['/d', '/wk', '/h', '/mo'],
  );
  assert.is(ref(id, 'dose_and_timing/as_needed'), 'docsy:dt/boolean');
  assert.equal(codes(id, 'dispense/substitution'), ['permitted', 'not_permitted']);
  assert.is(element(id, 'dispense/number_of_repeats').minimum, 0);
  assert.is(element(id, 'administrations_completed').minimum, 0);
  assert.is(ref(id, 'maximum_dose/allowed_period'), 'docsy:dt/duration');
});

test('medication action (dispensation): dispensing steps, amounts in pack units above zero', () => {
  const id = 'openEHR-EHR-ACTION.medication.v1';
  assert.is(meta(id).entryClass, 'ACTION');
  assert.equal(codes(id, 'careflow_step'), ['dispensed', 'dispensing_postponed', 'dispensing_cancelled']);
  assert.ok(units(id, 'amount_dispensed').every((u) => u.exclusiveMinimum === 0));
  assert.is(ref(id, 'order_identifier'), 'docsy:dt/identifier');
});

test('problem/diagnosis: severity, certainty, active/inactive and resolution phase; dates of onset and resolution', () => {
  const id = 'openEHR-EHR-EVALUATION.problem_diagnosis.v1';
  assert.equal(required(id), ['problem_diagnosis_name']);
  assert.equal(codes(id, 'severity'), ['mild', 'moderate', 'severe']);
  assert.equal(codes(id, 'diagnostic_certainty'), ['suspected', 'probable', 'confirmed']);
  assert.equal(codes(id, 'active_inactive'), ['active', 'inactive']);
  assert.equal(codes(id, 'resolution_phase'), ['resolved', 'resolving', 'not_resolving', 'indeterminate']);
  for (const date of ['date_time_of_onset', 'date_time_clinically_recognised', 'date_time_of_resolution'])
    assert.is(ref(id, date), 'docsy:dt/date_time', date);
  assert.ok(repeats(id, 'variant') && repeats(id, 'body_site') && repeats(id, 'cause'));
});

test('procedure: the eight ISM care-flow steps, name mandatory, duration a duration', () => {
  const id = 'openEHR-EHR-ACTION.procedure.v1';
  assert.equal(codes(id, 'careflow_step'), [
    'planned',
    'scheduled',
    'postponed',
    'cancelled',
    'performed',
    'suspended',
    'aborted',
    'completed',
  ]);
  assert.equal(required(id), ['procedure_name']);
  assert.is(ref(id, 'total_duration'), 'docsy:dt/duration');
  for (const list of ['indication', 'method', 'body_site', 'outcome', 'complication', 'reason'])
    assert.ok(repeats(id, list), `${list} repeats`);
});

test('laboratory test result: test status value set, analyte cluster results, attachments', () => {
  const id = 'openEHR-EHR-OBSERVATION.laboratory_test_result.v1';
  assert.equal(required(id), ['test_name']);
  assert.is(element(id, 'test_name')['x-terminology'], 'loinc-lab-tests');
  assert.equal(codes(id, 'overall_test_status'), [...reportStatuses, 'entered_in_error']);
  assert.is(ref(id, 'test_result'), 'docsy:archetype/openEHR-EHR-CLUSTER.laboratory_test_analyte.v1');
  assert.is(ref(id, 'point_of_care_test'), 'docsy:dt/boolean');
  assert.is(ref(id, 'original_report'), 'docsy:dt/attachment');
});

test('laboratory analyte: interpretation flags, result status, normal range of quantities, any data type', () => {
  const id = 'openEHR-EHR-CLUSTER.laboratory_test_analyte.v1';
  assert.equal(required(id), ['analyte_name']);
  assert.is(element(id, 'analyte_name')['x-terminology'], 'loinc-analytes');
  assert.equal(codes(id, 'interpretation'), ['normal', 'low', 'high', 'critically_low', 'critically_high', 'abnormal']);
  assert.equal(
    codes(id, 'result_status'),
    codes('openEHR-EHR-OBSERVATION.laboratory_test_result.v1', 'overall_test_status'),
  );
  assert.is(ref(id, 'normal_range/low'), 'docsy:dt/quantity');
  assert.is(ref(id, 'normal_range/high'), 'docsy:dt/quantity');
  const types = (element(id, 'analyte_result')['x-choice'] as { $ref: string }[]).map((c) => c.$ref);
  for (const type of ['quantity', 'count', 'proportion', 'ordinal', 'coded_text', 'text', 'boolean'])
    assert.ok(types.includes(`docsy:dt/${type}`), type);
});

test('imaging examination result: result status value set, modality list, DICOM images', () => {
  const id = 'openEHR-EHR-OBSERVATION.imaging_exam_result.v1';
  assert.equal(required(id), ['study_name']);
  assert.equal(codes(id, 'overall_result_status'), [...reportStatuses, 'unknown']);
  assert.ok(repeats(id, 'modality') && repeats(id, 'imaging_diagnosis') && repeats(id, 'recommendation'));
  assert.ok((element(id, 'images')['x-mediaTypes'] as string[]).includes('application/dicom'));
  assert.equal(element(id, 'original_report')['x-mediaTypes'], ['application/pdf', 'image/png', 'image/jpeg']);
});

test('blood pressure: pressures in whole mm[Hg] from 0 to under 1000, tilt −90..90°, the value sets', () => {
  const id = 'openEHR-EHR-OBSERVATION.blood_pressure.v2';
  for (const pressure of ['systolic', 'diastolic', 'mean_arterial_pressure', 'pulse_pressure'])
    assert.equal(units(id, pressure), [{ unit: 'mm[Hg]', minimum: 0, exclusiveMaximum: 1000, decimals: 0 }], pressure);
  assert.equal(
    units(id, 'tilt').map(({ unit, minimum, maximum }) => ({ unit, minimum, maximum })),
    [{ unit: 'deg', minimum: -90, maximum: 90 }],
  );
  assert.equal(codes(id, 'position'), ['standing', 'sitting', 'reclining', 'lying', 'lying_with_tilt_to_left']);
  assert.equal(codes(id, 'cuff_size'), [
    'adult_thigh',
    'large_adult',
    'adult',
    'small_adult',
    'paediatric_child',
    'infant',
    'neonatal',
  ]);
  assert.is(codes(id, 'location_of_measurement').length, 12);
  assert.equal(codes(id, 'method'), ['auscultation', 'palpation', 'machine', 'invasive']);
  assert.equal(codes(id, 'diastolic_endpoint'), ['phase_iv', 'phase_v']);
  assert.equal(codes(id, 'sleep_status'), ['awake', 'sleeping']);
  const reading = (systolic: number) => ({ systolic: { magnitude: systolic, unit: 'mm[Hg]' } });
  assert.equal(entryErrors('docsy.vital_signs.v1', 'blood_pressure', id, reading(999)), []);
  assert.ok(entryErrors('docsy.vital_signs.v1', 'blood_pressure', id, reading(1000)).length > 0, '1000 is refused');
  assert.ok(entryErrors('docsy.vital_signs.v1', 'blood_pressure', id, reading(120.5)).length > 0, 'no decimals');
});

test('body temperature: mandatory, °C 0 to under 100 and °F 30 to under 200 with one decimal; locations', () => {
  const id = 'openEHR-EHR-OBSERVATION.body_temperature.v2';
  assert.equal(required(id), ['temperature']);
  assert.equal(units(id, 'temperature'), [
    { unit: 'Cel', label: '°C', minimum: 0, exclusiveMaximum: 100, decimals: 1 },
    { unit: '[degF]', label: '°F', minimum: 30, exclusiveMaximum: 200, decimals: 1 },
  ]);
  assert.is(codes(id, 'location_of_measurement').length, 13);
  assert.equal(codes(id, 'body_exposure'), [
    'naked',
    'reduced_clothing_bedding',
    'appropriate_clothing_bedding',
    'increased_clothing_bedding',
  ]);
  assert.is(element(id, 'day_of_menstrual_cycle').minimum, 1);
  const temperature = (magnitude: number, unit: string) => ({ temperature: { magnitude, unit } });
  const errors = (magnitude: number, unit: string) =>
    entryErrors('docsy.vital_signs.v1', 'body_temperature', id, temperature(magnitude, unit));
  assert.equal(errors(37.2, 'Cel'), []);
  assert.equal(errors(101.3, '[degF]'), []);
  assert.ok(errors(100, 'Cel').length > 0, '100 °C is refused');
  assert.ok(errors(29.9, '[degF]').length > 0, 'below 30 °F is refused');
  assert.ok(errors(37.25, 'Cel').length > 0, 'one decimal at most');
});

test('every shipped archetype has its content test above', () => {
  assert.is(archetypes.size, 12);
});

test.run();
