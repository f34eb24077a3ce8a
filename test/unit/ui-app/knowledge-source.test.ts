import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiProblem } from '../../../ui/src/api.js';
import { jsonSyntaxError, valueOffsets } from '../../../ui/src/pages/modeller/json-syntax.js';
import { fileRelativeProblem } from '../../../ui/src/pages/modeller/request-paths.js';
import { skeleton } from '../../../ui/src/pages/modeller/knowledge-skeletons.js';
import { draftFrom, kindOf, nextMinorRevision, parseSource } from '../../../ui/src/pages/modeller/knowledge-source.js';
import { breakingPointer, locatePointer } from '../../../ui/src/pages/modeller/source-locations.js';

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

test('a problem’s JSON Pointer is found in the file, or its nearest parent when the value is missing', () => {
  const text = '{\n  "id": "t.v1",\n  "slots": [\n    { "id": "a", "min": 2 },\n    { "id": "b/c~" }\n  ]\n}';
  const offsets = valueOffsets(text);
  assert.equal(locatePointer(text, offsets, '/slots/0/min'), { offset: text.indexOf('2'), line: 4, column: 25 });
  assert.is(locatePointer(text, offsets, '/slots/1/archetype')?.line, 5, 'a missing property: its object');
  assert.is(locatePointer(text, offsets, '/slots/1/id')?.line, 5);
  assert.is(offsets.get('/slots/1/id'), text.indexOf('"b/c~"'));
  assert.is(locatePointer(text, offsets, '')?.line, 1);
  assert.equal(valueOffsets('{"a": }'), new Map(), 'no places in a text that is not JSON');
  const escaped = valueOffsets('{"a/b": {"~": 1}}');
  assert.is(escaped.get('/a~1b/~0'), 14, 'keys are escaped as RFC 6901 says');
});

test('a breaking change names its slot or element; the editor finds it in the file', () => {
  const template = { slots: [{ id: 'vitals' }, { id: 'pulse' }] };
  assert.is(breakingPointer('template', template, 'slot:pulse'), '/slots/1');
  assert.is(breakingPointer('template', template, 'slot:pulse/rate'), '/slots/1');
  assert.is(breakingPointer('template', template, 'slot:gone'), undefined);
  assert.is(breakingPointer('template', template, '/minEntries'), '/minEntries');
  const archetype = {
    properties: {
      reaction: { type: 'array', items: { properties: { severity: { $ref: 'docsy:dt/coded_text' } } } },
      note: { $ref: 'docsy:dt/text' },
    },
  };
  assert.is(
    breakingPointer('archetype', archetype, '/reaction/severity'),
    '/properties/reaction/items/properties/severity',
  );
  assert.is(breakingPointer('archetype', archetype, '/reaction'), '/properties/reaction');
  assert.is(breakingPointer('archetype', archetype, '/removed'), undefined, 'a removed element is not in the file');
});

test('the new-file skeletons are JSON of their kind', () => {
  for (const kind of ['template', 'archetype'] as const) {
    const parsed = parseSource(skeleton(kind));
    assert.ok(parsed.ok);
    assert.is(kindOf(parsed.ok && parsed.value), kind);
  }
});

test.run();
