import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiProblem } from '../../../ui/src/api.js';
import { jsonSyntaxError } from '../../../ui/src/pages/modeller/json-syntax.js';
import { fileRelativeProblem } from '../../../ui/src/pages/modeller/knowledge-report.js';
import { draftFrom, kindOf, nextMinorRevision, parseSource } from '../../../ui/src/pages/modeller/knowledge-source.js';

test('a syntax error in the editor names its line and column, counted from 1', () => {
  assert.equal(parseSource('{\n  "id": "x",\n  "revision" "1.0.0"\n}'), {
    ok: false,
    problem: { message: 'Expected \':\' after the property name; found "\\""', line: 3, column: 14 },
  });
  assert.equal(parseSource('{\n  "id": \n}'), {
    ok: false,
    problem: { message: 'Expected a value; found "}"', line: 3, column: 1 },
  });
  assert.equal(parseSource('{"slots": [1, 2,]}').ok, false);
  assert.equal(parseSource('{"a": 1'), {
    ok: false,
    problem: { message: "Expected ',' or '}' after a property; the text ended", line: 1, column: 8 },
  });
  assert.equal(parseSource('  \n'), { ok: false, problem: { message: 'The file is empty', line: 1, column: 1 } });
  assert.equal(parseSource('{"a": [1, {"b": null}]}'), { ok: true, value: { a: [1, { b: null }] } });
});

test('the scanner agrees with JSON.parse on every text', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  const nearlyJson = fc
    .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', ' ', '\\', '\n', 'x', '0'))
    .map(([text, at, insert]) => {
      const index = at % (text.length + 1);
      return text.slice(0, index) + insert + text.slice(index + (insert ? 0 : 1));
    });
  fc.assert(
    fc.property(fc.oneof(fc.json(), nearlyJson, fc.string()), (text) => {
      assert.is(jsonSyntaxError(text) === undefined, parses(text), text);
    }),
    { numRuns: 3000 },
  );
});

test('a text nested beyond the stack is refused in words, not by a crash', () => {
  const deep = '['.repeat(200_000) + ']'.repeat(200_000);
  assert.is(typeof jsonSyntaxError(deep)?.message, 'string');
});

test('a file is a template when it has slots and an archetype when it has x-archetype', () => {
  assert.is(kindOf({ id: 'docsy.x.v1', slots: [] }), 'template');
  assert.is(kindOf({ 'x-archetype': {}, properties: {} }), 'archetype');
  assert.is(kindOf({ id: 'docsy.x.v1' }), undefined);
  assert.is(kindOf([]), undefined);
  assert.is(kindOf(null), undefined);
});

test('a draft started from a released revision takes the next minor revision and no change list', () => {
  assert.is(nextMinorRevision('1.0.0'), '1.1.0');
  assert.is(nextMinorRevision('2.9.3'), '2.10.0');
  assert.equal(draftFrom('template', { id: 't.v1', revision: '1.0.0', changes: ['old'], slots: [] }, '1.2.0'), {
    id: 't.v1',
    revision: '1.3.0',
    slots: [],
  });
  assert.equal(
    draftFrom('archetype', { title: 'A', 'x-archetype': { id: 'a', revision: '2.0.0', changes: ['x'] } }, '2.1.0'),
    { title: 'A', 'x-archetype': { id: 'a', revision: '2.2.0' } },
  );
});

test('the preview’s problems point into the edited file, not into the preview request', () => {
  const problem = new ApiProblem(422, {
    type: 'https://docsy.dev/problems/validation-failed',
    title: 'Validation failed',
    errors: [
      { path: '/template/slots/0/archetype', message: 'unknown' },
      { path: '/archetypes/0/properties/x', message: 'bad' },
      { path: '/template', message: 'whole' },
    ],
  });
  const relative = fileRelativeProblem(problem) as ApiProblem;
  assert.equal(
    relative.errors.map((e) => e.path),
    ['/slots/0/archetype', '/properties/x', ''],
  );
  assert.is(relative.status, 422);
});

test.run();
