import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FormNode } from '../../../ui/src/form/form-definition.js';
import { conditionHolds, hiddenKeys } from '../../../ui/src/form/show-if.js';

const coded = (key: string): FormNode => ({
  kind: 'element',
  key,
  label: key,
  required: false,
  hiddenValues: 'clear',
  value: { type: 'coded_text', codes: [], widget: 'select' },
});
const flag = (key: string, showIf?: FormNode['showIf']): FormNode => ({
  kind: 'element',
  key,
  label: key,
  required: false,
  hiddenValues: 'clear',
  value: { type: 'boolean', widget: 'checkbox' },
  ...(showIf ? { showIf } : {}),
});

test('a coded sibling compares by its code; equals, in and exists', () => {
  const siblings = [coded('position')];
  const lying = { position: { code: 'lying', terminology: 'local', value: 'Lying' } };
  assert.ok(conditionHolds({ field: 'position', equals: 'lying' }, lying, siblings));
  assert.not.ok(conditionHolds({ field: 'position', equals: 'sitting' }, lying, siblings));
  assert.ok(conditionHolds({ field: 'position', in: ['sitting', 'lying'] }, lying, siblings));
  assert.ok(conditionHolds({ field: 'position', exists: true }, lying, siblings));
  assert.not.ok(conditionHolds({ field: 'position', exists: true }, {}, siblings));
});

test('a value hidden and cleared no longer shows what depends on it', () => {
  const children = [flag('a'), flag('b', { field: 'a', equals: true }), flag('c', { field: 'b', exists: true })];
  assert.equal([...hiddenKeys(children, { a: true, b: true, c: true })], []);
  assert.equal([...hiddenKeys(children, { a: false, b: true, c: true })], ['b', 'c']);
});

test.run();
