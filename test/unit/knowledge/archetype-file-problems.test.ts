import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseArchetype } from '../../../server/knowledge/parse-archetype.js';
import { parseTemplate } from '../../../server/knowledge/parse-template.js';
import { checkSizeAndDepth } from '../../../server/knowledge/untrusted-json.js';
import { archetypeDocument } from '../../support/knowledge-fixtures.js';

type Json = Record<string, unknown>;

function problems(document: Json): { path: string; message: string }[] {
  const parsed = parseArchetype(document);
  assert.not.ok(parsed.ok, 'the file is refused');
  return parsed.ok ? [] : parsed.errors;
}

function hasProblem(document: Json, path: string, words: RegExp): void {
  const found = problems(document);
  assert.ok(
    found.some((p) => p.path === path && words.test(p.message)),
    `expected a problem at ${path} matching ${words}, got ${JSON.stringify(found)}`,
  );
}

test('a misspelt keyword is named with a suggestion and the keywords allowed', () => {
  const document = archetypeDocument({
    properties: { weight: { $ref: 'docsy:dt/quantity', title: 'Weight', 'x-unit': [{ unit: 'kg' }] } },
  });
  hasProblem(
    document,
    '/properties/weight/x-unit',
    /"x-unit" is not allowed here \(did you mean "x-units"\?\); allowed: .*x-units/,
  );
});

test('a keyword of another data type is refused on this one', () => {
  const document = archetypeDocument({
    properties: {
      s: { $ref: 'docsy:dt/coded_text', title: 'S', 'x-codes': [{ code: 'a', value: 'A' }], maxLength: 4 },
    },
  });
  hasProblem(document, '/properties/s/maxLength', /"maxLength" is not allowed here/);
});

test('an unknown data type lists the ones that exist', () => {
  const document = archetypeDocument({ properties: { s: { $ref: 'docsy:dt/number', title: 'S' } } });
  hasProblem(document, '/properties/s/$ref', /must be one of .*docsy:dt\/quantity/);
});

test('a remote $ref is refused', () => {
  const document = archetypeDocument({ properties: { s: { $ref: 'https://evil.example/schema.json', title: 'S' } } });
  hasProblem(document, '/properties/s/$ref', /must be one of/);
});

test('an element without a label, and a key that is not snake_case', () => {
  hasProblem(
    archetypeDocument({ properties: { s: { $ref: 'docsy:dt/text' } } }),
    '/properties/s',
    /"title" is required/,
  );
  hasProblem(
    archetypeDocument({ properties: { Systolic: { $ref: 'docsy:dt/text', title: 'S' } } }),
    '/properties/Systolic',
    /snake_case/,
  );
});

test('an id that is not an archetype id, and a class or revision that disagrees with it', () => {
  const badId = archetypeDocument({ properties: { a: { $ref: 'docsy:dt/text', title: 'A' } } });
  (badId['x-archetype'] as Json).id = 'blood pressure';
  hasProblem(badId, '/x-archetype/id', /archetype id such as openEHR-EHR-OBSERVATION.blood_pressure.v2/);
  const wrongClass = archetypeDocument({ properties: { a: { $ref: 'docsy:dt/text', title: 'A' } } });
  (wrongClass['x-archetype'] as Json).entryClass = 'EVALUATION';
  hasProblem(wrongClass, '/x-archetype/entryClass', /must be OBSERVATION/);
  const wrongMajor = archetypeDocument({ revision: '2.0.0', properties: { a: { $ref: 'docsy:dt/text', title: 'A' } } });
  hasProblem(wrongMajor, '/x-archetype/revision', /must start with 1/);
});

test('required names an element that does not exist', () => {
  hasProblem(
    archetypeDocument({ properties: { a: { $ref: 'docsy:dt/text', title: 'A' } }, required: ['b'] }),
    '/required',
    /"b" is required but is not one of the properties/,
  );
});

test('a value set with a code twice, and a coded text with no value set', () => {
  const twice = archetypeDocument({
    properties: {
      s: {
        $ref: 'docsy:dt/coded_text',
        title: 'S',
        'x-codes': [
          { code: 'a', value: 'A' },
          { code: 'a', value: 'B' },
        ],
      },
    },
  });
  hasProblem(twice, '/properties/s/x-codes/1/code', /code "a" appears twice/);
  const none = archetypeDocument({ properties: { s: { $ref: 'docsy:dt/coded_text', title: 'S' } } });
  hasProblem(none, '/properties/s', /needs its value set/);
});

test('a pattern that can backtrack catastrophically, or does not compile, is refused', () => {
  hasProblem(
    archetypeDocument({ properties: { a: { $ref: 'docsy:dt/text', title: 'A', pattern: '^(a+)+$' } } }),
    '/properties/a/pattern',
    /exponential time/,
  );
  hasProblem(
    archetypeDocument({ properties: { a: { $ref: 'docsy:dt/text', title: 'A', pattern: '([a-z' } } }),
    '/properties/a/pattern',
    /not a valid regular expression/,
  );
});

test('a unit range upside down, and a count range upside down', () => {
  hasProblem(
    archetypeDocument({
      properties: {
        w: { $ref: 'docsy:dt/quantity', title: 'W', 'x-units': [{ unit: 'kg', minimum: 10, maximum: 1 }] },
      },
    }),
    '/properties/w/x-units/0',
    /lower limit 10 must be below the upper limit 1/,
  );
  hasProblem(
    archetypeDocument({ properties: { c: { $ref: 'docsy:dt/count', title: 'C', minimum: 5, maximum: 1 } } }),
    '/properties/c/maximum',
    /at least minimum/,
  );
});

test('a list: a mandatory one needs items, an optional one cannot require them', () => {
  const mandatory = archetypeDocument({
    properties: { l: { type: 'array', title: 'L', items: { $ref: 'docsy:dt/text' }, minItems: 0 } },
    required: ['l'],
  });
  hasProblem(mandatory, '/properties/l/minItems', /mandatory list needs at least 1 item/);
  const optional = archetypeDocument({
    properties: { l: { type: 'array', title: 'L', items: { $ref: 'docsy:dt/text' }, minItems: 2 } },
  });
  hasProblem(optional, '/properties/l/minItems', /add "l" to required/);
});

test('a condition must name a single-valued sibling', () => {
  const document = archetypeDocument({
    properties: { a: { $ref: 'docsy:dt/text', title: 'A', 'x-showIf': { field: 'missing', equals: true } } },
  });
  hasProblem(document, '/properties/a/x-showIf', /"missing" must be another element of the same group/);
});

test('a template slot must be pinned, and its revision must match its id', () => {
  const parsed = parseTemplate({
    id: 'test.t.v1',
    revision: '2.0.0',
    lifecycle: 'published',
    title: 'T',
    category: 'event',
    authorRoles: ['doctor'],
    archetypes: { 'test-EHR-OBSERVATION.a.v1': '1.0.0' },
    slots: [{ id: 's', archetype: 'test-EHR-OBSERVATION.b.v1' }],
  });
  assert.not.ok(parsed.ok);
  const errors = parsed.ok ? [] : parsed.errors;
  assert.ok(errors.some((e) => e.path === '/revision' && /must start with 1/.test(e.message)));
  assert.ok(errors.some((e) => e.path === '/slots/0/archetype' && /must be pinned/.test(e.message)));
});

test('files too large or nested too deep are refused before any schema work', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 40; i++) deep = { a: deep };
  assert.match(checkSizeAndDepth(100, deep)[0]!.message, /nested more than 32 levels/);
  assert.match(checkSizeAndDepth(2 * 1024 * 1024, {})[0]!.message, /at most 1048576/);
  assert.equal(checkSizeAndDepth(100, { a: [1, { b: 2 }] }), []);
});

test('a well-formed archetype parses into its element tree', () => {
  const parsed = parseArchetype(
    archetypeDocument({
      properties: {
        name: { $ref: 'docsy:dt/text', title: 'Name', maxLength: 200 },
        events: {
          type: 'array',
          title: 'Events',
          items: { type: 'object', properties: { when: { $ref: 'docsy:dt/date_time', title: 'When' } } },
        },
        position: {
          $ref: 'docsy:dt/coded_text',
          title: 'Position',
          'x-codes': [{ code: 'sitting', value: 'Sitting' }],
          default: 'sitting',
        },
      },
      required: ['name'],
    }),
  );
  assert.ok(parsed.ok);
  if (!parsed.ok) return;
  const [name, events, position] = parsed.value.children;
  assert.equal([name!.key, name!.kind, name!.required], ['name', 'element', true]);
  assert.equal([events!.kind, events!.repeat], ['group', { min: 0, max: null }]);
  assert.equal(position!.kind === 'element' && position!.default, {
    code: 'sitting',
    terminology: 'local',
    value: 'Sitting',
  });
});

test.run();
