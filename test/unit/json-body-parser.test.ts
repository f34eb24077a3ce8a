import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../server/http/api-error.js';
import { maxJsonDepth, parseJsonBody } from '../../server/http/json-body-parser.js';

function refusal(body: Buffer): ApiError {
  try {
    parseJsonBody(body);
  } catch (error) {
    assert.instance(error, ApiError);
    return error as ApiError;
  }
  assert.unreachable('the body should have been refused');
  throw new Error('unreachable');
}

test('valid JSON parses', () => {
  assert.equal(parseJsonBody(Buffer.from('{"a":[1,"x",{"b":null}]}')), { a: [1, 'x', { b: null }] });
});

test('malformed JSON is an INVALID_JSON problem saying so', () => {
  const error = refusal(Buffer.from('{"a":'));
  assert.is(error.code, 'INVALID_JSON');
  assert.is(error.status, 400);
  assert.match(error.detail, 'not valid JSON');
});

test('invalid UTF-8 is refused rather than silently replaced', () => {
  const error = refusal(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
  assert.match(error.detail, 'not valid UTF-8');
});

test('an empty body is refused', () => {
  assert.match(refusal(Buffer.from('  ')).detail, 'empty');
});

test('__proto__ keys are refused', () => {
  assert.is(refusal(Buffer.from('{"__proto__":{"admin":true}}')).code, 'INVALID_JSON');
});

test(`nesting deeper than ${maxJsonDepth} levels is refused; brackets inside strings do not count`, () => {
  const deep = '['.repeat(maxJsonDepth + 1) + ']'.repeat(maxJsonDepth + 1);
  assert.match(refusal(Buffer.from(deep)).detail, `deeper than ${maxJsonDepth}`);
  const flat = JSON.stringify({ text: '[[[[' + '{'.repeat(200) + '\\"' });
  assert.type(parseJsonBody(Buffer.from(flat)), 'object');
});

test('a NUL character or an unpaired surrogate, in a value or a key, is refused (Postgres cannot store it)', () => {
  for (const text of ['{"a":"x\\u0000y"}', '{"a\\u0000":1}', '["\\ud800"]', '{"a":"\\udc00z"}']) {
    assert.match(refusal(Buffer.from(text)).detail, 'not text', text);
  }
  assert.equal(parseJsonBody(Buffer.from('{"a":"\\ud83d\\ude00 \\\\u0000"}')), { a: '\u{1F600} \\u0000' });
});

test.run();
