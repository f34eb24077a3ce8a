import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KnowledgeCatalog } from '../../../server/knowledge/knowledge-catalog.js';
import { parseTemplate } from '../../../server/knowledge/parse-template.js';
import {
  archetypeDocument,
  archetypeModel,
  resolvedTemplate,
  templateDocument,
} from '../../support/knowledge-fixtures.js';

type Json = Record<string, unknown>;

const analyte = archetypeDocument({
  id: 'test-EHR-CLUSTER.analyte.v1',
  properties: {
    name: { $ref: 'docsy:dt/text', title: 'Analyte name' },
    result: { title: 'Result', 'x-choice': [{ $ref: 'docsy:dt/quantity' }, { $ref: 'docsy:dt/text' }] },
  },
  required: ['name'],
});
const lab = archetypeDocument({
  id: 'test-EHR-OBSERVATION.lab.v1',
  properties: {
    test_name: { $ref: 'docsy:dt/text', title: 'Test name' },
    status: {
      $ref: 'docsy:dt/coded_text',
      title: 'Status',
      'x-codes': [
        { code: 'final', value: 'Final' },
        { code: 'preliminary', value: 'Preliminary' },
      ],
    },
    results: { type: 'array', title: 'Test result', items: { $ref: 'docsy:archetype/test-EHR-CLUSTER.analyte.v1' } },
    comment: { $ref: 'docsy:dt/text', title: 'Comment' },
  },
  required: ['test_name'],
});
const pins = { 'test-EHR-OBSERVATION.lab.v1': '1.0.0', 'test-EHR-CLUSTER.analyte.v1': '1.0.0' };
const labSlot = (constraints: Json = {}) => ({ id: 'lab', archetype: 'test-EHR-OBSERVATION.lab.v1', constraints });

function resolutionErrors(template: Json, archetypes: Json[] = [lab, analyte]) {
  const catalog = new KnowledgeCatalog();
  for (const archetype of archetypes) catalog.addArchetype(archetypeModel(archetype));
  const parsed = parseTemplate(template);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  if (!parsed.ok) return [];
  const resolved = catalog.resolve(parsed.value);
  assert.not.ok(resolved.ok, 'the template is refused');
  return resolved.ok ? [] : resolved.errors;
}

test('clusters are filled in, and constraints reach inside them', () => {
  const resolved = resolvedTemplate(
    templateDocument({
      archetypes: pins,
      slots: [labSlot({ '/results': { min: 1 }, '/results/result': { types: ['quantity'], label: 'Value' } })],
    }),
    [lab, analyte],
  );
  const results = resolved.slots[0]!.children.find((node) => node.key === 'results')!;
  assert.is(results.kind, 'cluster');
  if (results.kind !== 'cluster') return;
  assert.equal([results.revision, results.repeat, results.required], ['1.0.0', { min: 1, max: null }, true]);
  const result = results.children.find((node) => node.key === 'result')!;
  assert.equal([result.label, result.kind === 'choice' && result.choices.map((c) => c.type)], ['Value', ['quantity']]);
});

const refused: [string, Json, RegExp, string][] = [
  [
    'an unknown element path',
    templateDocument({ archetypes: pins, slots: [labSlot({ '/nope': { required: true } })] }),
    /no element "nope" here; elements: test_name, status, results, comment/,
    '/slots/0/constraints/~1nope',
  ],
  [
    'hiding a mandatory element',
    templateDocument({ archetypes: pins, slots: [labSlot({ '/test_name': { hidden: true } })] }),
    /mandatory in the archetype and cannot be hidden/,
    '/slots/0/constraints/~1test_name',
  ],
  [
    'widening occurrences',
    templateDocument({ archetypes: pins, slots: [labSlot({ '/comment': { max: 3 } })] }),
    /single value; min and max apply to lists/,
    '/slots/0/constraints/~1comment/min',
  ],
  [
    'a code the archetype lacks',
    templateDocument({ archetypes: pins, slots: [labSlot({ '/status': { codes: ['final', 'amended'] } })] }),
    /amended not in the archetype; it has final, preliminary/,
    '/slots/0/constraints/~1status/codes',
  ],
  [
    'units on a text',
    templateDocument({ archetypes: pins, slots: [labSlot({ '/comment': { units: ['kg'] } })] }),
    /applies to a quantity/,
    '/slots/0/constraints/~1comment/units',
  ],
  [
    'a type the choice does not offer',
    templateDocument({ archetypes: pins, slots: [labSlot({ '/results/result': { types: ['boolean'] } })] }),
    /boolean not offered/,
    '/slots/0/constraints/~1results~1result/types',
  ],
  [
    'a cluster that is not pinned',
    templateDocument({ archetypes: { 'test-EHR-OBSERVATION.lab.v1': '1.0.0' }, slots: [labSlot()] }),
    /uses cluster test-EHR-CLUSTER.analyte.v1, which must be pinned/,
    '/slots/0/archetype',
  ],
  [
    'a pinned revision the registry lacks',
    templateDocument({ archetypes: { ...pins, 'test-EHR-CLUSTER.analyte.v1': '1.2.0' }, slots: [labSlot()] }),
    /revision 1.2.0 is not in the registry/,
    '/archetypes/test-EHR-CLUSTER.analyte.v1',
  ],
];

for (const [name, template, message, path] of refused) {
  test(`refused: ${name}`, () => {
    const errors = resolutionErrors(template);
    assert.ok(
      errors.some((e) => e.path === path && message.test(e.message)),
      `expected ${path} ${message}, got ${JSON.stringify(errors)}`,
    );
  });
}

test('a CLUSTER cannot fill a slot', () => {
  const parsed = parseTemplate(
    templateDocument({
      archetypes: { 'test-EHR-CLUSTER.analyte.v1': '1.0.0' },
      slots: [{ id: 'a', archetype: 'test-EHR-CLUSTER.analyte.v1' }],
    }),
  );
  assert.equal(!parsed.ok && parsed.errors, [
    {
      path: '/slots/0/archetype',
      message:
        'must be the id of an entry archetype (OBSERVATION, EVALUATION, INSTRUCTION, ACTION or ADMIN_ENTRY), not a CLUSTER',
    },
  ]);
});

test('a slot pinned but unused is reported, so pins stay tidy', () => {
  const other = archetypeDocument({
    id: 'test-EHR-EVALUATION.other.v1',
    properties: { a: { $ref: 'docsy:dt/text', title: 'A' } },
  });
  const errors = resolutionErrors(
    templateDocument({ archetypes: { ...pins, 'test-EHR-EVALUATION.other.v1': '1.0.0' }, slots: [labSlot()] }),
    [lab, analyte, other],
  );
  assert.ok(
    errors.some(
      (e) => e.path === '/archetypes/test-EHR-EVALUATION.other.v1' && /no slot or cluster uses it/.test(e.message),
    ),
  );
});

test('a cluster that contains itself is refused, not expanded forever', () => {
  const loop = archetypeDocument({
    id: 'test-EHR-CLUSTER.loop.v1',
    properties: { inner: { $ref: 'docsy:archetype/test-EHR-CLUSTER.loop2.v1', title: 'Inner' } },
  });
  const loop2 = archetypeDocument({
    id: 'test-EHR-CLUSTER.loop2.v1',
    properties: { back: { $ref: 'docsy:archetype/test-EHR-CLUSTER.loop.v1', title: 'Back' } },
  });
  const entry = archetypeDocument({
    id: 'test-EHR-OBSERVATION.holder.v1',
    properties: { part: { $ref: 'docsy:archetype/test-EHR-CLUSTER.loop.v1', title: 'Part' } },
  });
  const errors = resolutionErrors(
    templateDocument({
      archetypes: {
        'test-EHR-OBSERVATION.holder.v1': '1.0.0',
        'test-EHR-CLUSTER.loop.v1': '1.0.0',
        'test-EHR-CLUSTER.loop2.v1': '1.0.0',
      },
      slots: [{ id: 'h', archetype: 'test-EHR-OBSERVATION.holder.v1' }],
    }),
    [loop, loop2, entry],
  );
  assert.ok(
    errors.some((e) => /contains itself/.test(e.message)),
    JSON.stringify(errors),
  );
});

test.run();
