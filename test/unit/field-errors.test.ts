import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fieldErrors } from '../../server/http/validation-errors.js';

test('a missing property points at the property itself', () => {
  const errors = fieldErrors([{ keyword: 'required', instancePath: '/patient', params: { missingProperty: 'name' } }]);
  assert.equal(errors, [{ path: '/patient/name', message: 'is required' }]);
});

test('an unknown property is named as not allowed, never dropped', () => {
  const errors = fieldErrors([
    { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'extra' } },
  ]);
  assert.equal(errors, [{ path: '/extra', message: 'is not an allowed field' }]);
});

test('property names are escaped as JSON Pointer tokens', () => {
  const errors = fieldErrors([{ keyword: 'required', instancePath: '', params: { missingProperty: 'a/b~c' } }]);
  assert.is(errors[0]?.path, '/a~1b~0c');
});

test('enum errors list the allowed values', () => {
  const errors = fieldErrors([
    { keyword: 'enum', instancePath: '/unit', params: { allowedValues: ['mm[Hg]', 'kPa'] } },
  ]);
  assert.equal(errors, [{ path: '/unit', message: 'must be one of "mm[Hg]", "kPa"' }]);
});

test("other keywords keep the validator's message; duplicates are listed once", () => {
  const violation = {
    keyword: 'maximum',
    instancePath: '/systolic',
    params: { limit: 1000 },
    message: 'must be <= 1000',
  };
  assert.equal(fieldErrors([violation, violation]), [{ path: '/systolic', message: 'must be <= 1000' }]);
});

test.run();
