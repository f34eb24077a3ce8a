import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  permits,
  readableTemplates,
  templateTarget,
  type PermissionRule,
} from '../../../server/access/permission-policy.js';

const prescription = templateTarget({
  id: 'docsy.prescription.v1',
  authorRoles: ['doctor'],
  archetypes: { 'openEHR-EHR-INSTRUCTION.medication_order.v3': '3.0.0' },
});
const vitals = templateTarget({
  id: 'docsy.vital_signs.v1',
  authorRoles: ['nurse', 'doctor'],
  archetypes: { 'openEHR-EHR-OBSERVATION.blood_pressure.v2': '2.1.0', 'openEHR-EHR-CLUSTER.device.v1': '1.0.0' },
});
const lab = templateTarget({
  id: 'docsy.lab_report.v1',
  authorRoles: ['lab_technician', 'doctor'],
  archetypes: { 'openEHR-EHR-OBSERVATION.laboratory_test_result.v1': '1.0.0' },
});

const rule = (role: PermissionRule['role'], target: string, action: PermissionRule['action'], effect = 'allow') =>
  ({ role, target, action, effect }) as PermissionRule;

test('a template names its entry classes, clusters aside', () => {
  assert.equal(vitals.entryClasses, ['OBSERVATION']);
  assert.equal(prescription.entryClasses, ['INSTRUCTION']);
});

test('the most specific rule wins: template id, then entry class, then *', () => {
  const rules = [
    rule('nurse', '*', 'create'),
    rule('nurse', 'class:OBSERVATION', 'create', 'deny'),
    rule('nurse', 'docsy.vital_signs.v1', 'create'),
  ];
  assert.ok(permits(rules, ['nurse'], vitals, 'create'), 'the template rule beats the class deny');
  assert.not.ok(permits(rules, ['nurse'], lab, 'create'), 'the class deny beats *');
});

test('deny beats allow at the same level; no rule is a deny', () => {
  const rules = [rule('doctor', '*', 'read'), rule('doctor', '*', 'read', 'deny')];
  assert.not.ok(permits(rules, ['doctor'], vitals, 'read'));
  assert.not.ok(permits([], ['doctor'], vitals, 'read'));
});

test('writing also needs the role among the template author roles', () => {
  const rules = [rule('nurse', '*', 'create'), rule('nurse', '*', 'read')];
  assert.not.ok(permits(rules, ['nurse'], prescription, 'create'), 'prescriptions name doctors only');
  assert.ok(permits(rules, ['nurse'], prescription, 'read'), 'reading does not depend on author roles');
});

test('one allowing role suffices', () => {
  const rules = [rule('pharmacist', 'docsy.prescription.v1', 'read')];
  assert.ok(permits(rules, ['modeller', 'pharmacist'], prescription, 'read'));
  assert.not.ok(permits(rules, ['modeller', 'pharmacist'], vitals, 'read'));
});

test('readable templates: * when a role reads everything, else the known ones allowed', () => {
  const all = [prescription, vitals, lab];
  assert.is(readableTemplates([rule('doctor', '*', 'read')], ['doctor'], all), '*');
  const narrowed = [rule('nurse', '*', 'read'), rule('nurse', 'docsy.prescription.v1', 'read', 'deny')];
  assert.equal(readableTemplates(narrowed, ['nurse'], all), ['docsy.vital_signs.v1', 'docsy.lab_report.v1']);
  assert.equal(readableTemplates([rule('lab_technician', 'class:OBSERVATION', 'read')], ['lab_technician'], all), [
    'docsy.vital_signs.v1',
    'docsy.lab_report.v1',
  ]);
  assert.equal(readableTemplates([], ['admin'], all), []);
});

test.run();
