import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PermissionRule } from '../../../ui/src/pages/admin/admin-client.js';
import { policyRows, policyRules, targetProblem } from '../../../ui/src/pages/admin/policy-table.js';

const rules: PermissionRule[] = [
  { role: 'nurse', target: 'docsy.prescription.v1', action: 'create', effect: 'deny' },
  { role: 'nurse', target: '*', action: 'read', effect: 'allow' },
  { role: 'doctor', target: '*', action: 'read', effect: 'allow' },
  { role: 'nurse', target: 'class:INSTRUCTION', action: 'amend', effect: 'deny' },
  { role: 'nurse', target: 'docsy.prescription.v1', action: 'amend', effect: 'deny' },
];

test('the policy table has one row per role and target, roles in order, * before classes before templates', () => {
  assert.equal(policyRows(rules), [
    { role: 'doctor', target: '*', effects: { read: 'allow' } },
    { role: 'nurse', target: '*', effects: { read: 'allow' } },
    { role: 'nurse', target: 'class:INSTRUCTION', effects: { amend: 'deny' } },
    { role: 'nurse', target: 'docsy.prescription.v1', effects: { create: 'deny', amend: 'deny' } },
  ]);
});

test('the table turns back into the same rules, one per action with an effect', () => {
  const key = (rule: PermissionRule) => `${rule.role} ${rule.target} ${rule.action} ${rule.effect}`;
  assert.equal(policyRules(policyRows(rules)).map(key).sort(), rules.map(key).sort());
  assert.equal(
    policyRules([{ role: 'doctor', target: 'docsy.x.v1', effects: {} }]),
    [],
    'a row without effects is no rule',
  );
});

test('a target is *, an entry class or a template id', () => {
  for (const good of ['*', 'class:OBSERVATION', 'docsy.vital_signs.v1', 'test.a.b.v12'])
    assert.is(targetProblem(good), undefined);
  for (const bad of ['', 'class:CLUSTER', 'Docsy.x.v1', 'docsy.x', 'docsy.x.v0', '**'])
    assert.type(targetProblem(bad), 'string', bad);
});

test.run();
