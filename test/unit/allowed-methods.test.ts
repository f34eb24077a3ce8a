import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AllowedMethods } from '../../server/http/allowed-methods.js';

test('methods are found for concrete paths of parametric routes', () => {
  const allowed = new AllowedMethods();
  allowed.add('GET', '/api/ehr/:ehrId/compositions');
  allowed.add(['POST'], '/api/ehr/:ehrId/compositions');
  allowed.add('DELETE', '/api/ehr/:ehrId/compositions/:uid');
  assert.equal(allowed.for('/api/ehr/42/compositions?limit=5'), ['GET', 'HEAD', 'POST']);
  assert.equal(allowed.for('/api/ehr/42/compositions/7'), ['DELETE']);
  assert.equal(allowed.for('/api/nothing'), []);
});

test('registering the same route twice is harmless', () => {
  const allowed = new AllowedMethods();
  allowed.add('GET', '/a');
  allowed.add('HEAD', '/a');
  allowed.add('GET', '/a');
  assert.equal(allowed.for('/a'), ['GET', 'HEAD']);
});

test.run();
