import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compositionValidators } from '../../../server/knowledge/composition-validators.js';
import { exampleComposition } from '../../../server/knowledge/example-composition.js';
import { buildFormDefinition } from '../../../server/knowledge/form-definition.js';
import { archetypeDocument, resolvedTemplate, templateDocument } from '../../support/knowledge-fixtures.js';

const vitals = archetypeDocument({
  id: 'test-EHR-OBSERVATION.vitals.v1',
  properties: {
    systolic: {
      $ref: 'docsy:dt/quantity',
      title: 'Systolic',
      'x-units': [{ unit: 'mm[Hg]', minimum: 0, exclusiveMaximum: 1000, decimals: 0 }],
      examples: [{ magnitude: 128, unit: 'mm[Hg]' }],
    },
    temperature: {
      $ref: 'docsy:dt/quantity',
      title: 'Temperature',
      'x-units': [
        { unit: 'Cel', label: '°C', minimum: 0, exclusiveMaximum: 100, decimals: 1 },
        { unit: '[degF]', label: '°F', minimum: 30, exclusiveMaximum: 200, decimals: 1 },
      ],
    },
    position: {
      $ref: 'docsy:dt/coded_text',
      title: 'Position',
      'x-codes': [
        { code: 'standing', value: 'Standing' },
        { code: 'sitting', value: 'Sitting' },
        { code: 'lying', value: 'Lying' },
      ],
    },
    tilt: {
      $ref: 'docsy:dt/quantity',
      title: 'Tilt',
      'x-units': [{ unit: 'deg', label: '°', minimum: -90, maximum: 90 }],
      'x-showIf': { field: 'position', equals: 'lying' },
    },
    as_needed: { $ref: 'docsy:dt/boolean', title: 'As needed' },
    as_needed_condition: {
      $ref: 'docsy:dt/text',
      title: 'As needed condition',
      maxLength: 200,
      'x-showIf': { field: 'as_needed', equals: true },
    },
    onset: { $ref: 'docsy:dt/date_time', title: 'Onset' },
    duration: { $ref: 'docsy:dt/duration', title: 'Duration' },
    first: {
      title: 'First reaction',
      'x-choice': [
        { $ref: 'docsy:dt/date_time' },
        { $ref: 'docsy:dt/duration' },
        { $ref: 'docsy:dt/text', maxLength: 100 },
      ],
    },
    comment: { $ref: 'docsy:dt/text', title: 'Comment', maxLength: 20 },
    notes: { type: 'array', title: 'Notes', items: { $ref: 'docsy:dt/text', maxLength: 50 }, maxItems: 3 },
  },
  required: ['systolic', 'as_needed_condition'],
});

const form = buildFormDefinition(
  resolvedTemplate(
    templateDocument({
      id: 'test.vitals.v1',
      archetypes: { 'test-EHR-OBSERVATION.vitals.v1': '1.0.0' },
      slots: [
        {
          id: 'vitals',
          archetype: 'test-EHR-OBSERVATION.vitals.v1',
          max: 2,
          constraints: {
            '/position': { codes: ['sitting', 'lying'] },
            '/duration': { hidden: true },
            '/notes': { max: 2 },
          },
        },
      ],
    }),
    [vitals],
  ),
);

const entry = (data: Record<string, unknown>) => ({
  slot: 'vitals',
  archetype: 'test-EHR-OBSERVATION.vitals.v1',
  revision: '1.0.0',
  data,
});
const composition = (...entries: Record<string, unknown>[]) => ({
  template: { id: 'test.vitals.v1', revision: '1.0.0' },
  context: { startTime: '2026-11-26T10:00:00+01:00' },
  content: entries.map(entry),
});
const systolic = { magnitude: 120, unit: 'mm[Hg]' };
const errorsOf = (body: unknown) => compositionValidators.validate(form, body);
const messageAt = (body: unknown, path: string) => errorsOf(body).find((e) => e.path === path)?.message;

test('a valid composition has no errors', () => {
  assert.equal(
    errorsOf(composition({ systolic, position: { code: 'sitting', terminology: 'local', value: 'Sitting' } })),
    [],
  );
});

test('a range error names the element, the limit and the unit', () => {
  assert.is(
    messageAt(composition({ systolic: { magnitude: 1200, unit: 'mm[Hg]' } }), '/content/0/data/systolic/magnitude'),
    'Systolic: must be less than 1000 mm[Hg]',
  );
  assert.is(
    messageAt(composition({ systolic: { magnitude: 120.5, unit: 'mm[Hg]' } }), '/content/0/data/systolic/magnitude'),
    'Systolic: must be a whole number of mm[Hg]',
  );
  assert.is(
    messageAt(composition({ systolic: { magnitude: 120, unit: 'kPa' } }), '/content/0/data/systolic/unit'),
    'Systolic: unit must be mm[Hg]',
  );
});

test('the unit decides the range: 101 is refused in °C and accepted in °F', () => {
  const celsius = composition({ systolic, temperature: { magnitude: 101, unit: 'Cel' } });
  assert.is(messageAt(celsius, '/content/0/data/temperature/magnitude'), 'Temperature: must be less than 100 °C');
  assert.equal(errorsOf(composition({ systolic, temperature: { magnitude: 101, unit: '[degF]' } })), []);
  assert.is(
    messageAt(
      composition({ systolic, temperature: { magnitude: 20, unit: '[degF]' } }),
      '/content/0/data/temperature/magnitude',
    ),
    'Temperature: must be at least 30 °F',
  );
  assert.equal(
    errorsOf(composition({ systolic, temperature: { magnitude: 37.3, unit: 'Cel' } })),
    [],
    'one decimal is fine despite floating point',
  );
  assert.is(
    messageAt(
      composition({ systolic, temperature: { magnitude: 37.25, unit: 'Cel' } }),
      '/content/0/data/temperature/magnitude',
    ),
    'Temperature: must have at most 1 decimal(s) in °C',
  );
});

test('a missing mandatory element is reported at its own path', () => {
  assert.equal(errorsOf(composition({})), [{ path: '/content/0/data/systolic', message: 'Systolic: is required' }]);
});

test('a value set narrowed by the template refuses the removed code', () => {
  const body = composition({ systolic, position: { code: 'standing', terminology: 'local', value: 'Standing' } });
  assert.is(messageAt(body, '/content/0/data/position/code'), 'Position: must be one of Sitting or Lying');
});

test('an element hidden by the template, an unknown field and a server-set field are refused', () => {
  const body = { ...composition({ systolic, duration: 'P1D', extra: 1 }), uid: 'x' };
  assert.is(messageAt(body, '/content/0/data/duration'), 'duration: is not an element of Example');
  assert.is(messageAt(body, '/content/0/data/extra'), 'extra: is not an element of Example');
  assert.match(
    messageAt(body, '/uid') ?? '',
    /^uid: is not part of a Example document composition \(fields set by the server cannot be sent\)$/,
  );
});

test('conditional display: a value hidden by its condition is refused, a shown mandatory one is required', () => {
  const hiddenTilt = composition({
    systolic,
    position: { code: 'sitting', terminology: 'local', value: 'Sitting' },
    tilt: { magnitude: 10, unit: 'deg' },
  });
  assert.is(messageAt(hiddenTilt, '/content/0/data/tilt'), 'Tilt: must be left empty unless Position is Lying');
  const shownTilt = composition({
    systolic,
    position: { code: 'lying', terminology: 'local', value: 'Lying' },
    tilt: { magnitude: 10, unit: 'deg' },
  });
  assert.equal(errorsOf(shownTilt), []);
  assert.is(
    messageAt(composition({ systolic, as_needed: true }), '/content/0/data/as_needed_condition'),
    'As needed condition: is required when As needed is yes',
  );
  assert.equal(errorsOf(composition({ systolic, as_needed: false })), [], 'not required while hidden');
});

test('partial dates are accepted; impossible ones are refused with examples', () => {
  for (const onset of ['2019', '2019-06', '2019-06-14', '2019-06-14T10:30:00', '2019-06-14T10:30:00+02:00']) {
    assert.equal(errorsOf(composition({ systolic, onset })), [], onset);
  }
  for (const onset of ['2019-13', '2019-02-30', '14/06/2019', '2019-06-14T25:00:00']) {
    assert.match(
      messageAt(composition({ systolic, onset }), '/content/0/data/onset') ?? '',
      /^Onset: must be a date, or a date and time, such as 2018/,
      onset,
    );
  }
});

test('a choice names its type, and its value is checked as that type', () => {
  assert.equal(errorsOf(composition({ systolic, first: { type: 'duration', value: 'P3D' } })), []);
  assert.match(
    messageAt(composition({ systolic, first: { type: 'duration', value: '3 days' } }), '/content/0/data/first/value') ??
      '',
    /^First reaction: must be a duration such as P7D/,
  );
  assert.is(
    messageAt(composition({ systolic, first: { type: 'quantity', value: 1 } }), '/content/0/data/first/type'),
    'First reaction: type must be date_time, duration or text',
  );
});

test('text length and list bounds, the list narrowed by the template', () => {
  assert.is(
    messageAt(composition({ systolic, comment: 'x'.repeat(21) }), '/content/0/data/comment'),
    'Comment: must be at most 20 characters',
  );
  assert.is(messageAt(composition({ systolic, comment: '' }), '/content/0/data/comment'), 'Comment: must not be empty');
  assert.is(
    messageAt(composition({ systolic, notes: ['a', 'b', 'c'] }), '/content/0/data/notes'),
    'Notes: allows at most 2 items',
  );
});

test('the content: at least one entry, at most the slot maximum, the pinned archetype revision', () => {
  assert.equal(errorsOf(composition()), [{ path: '/content', message: 'Content: needs at least 1 entry' }]);
  assert.ok(
    errorsOf(composition({ systolic }, { systolic }, { systolic })).some(
      (e) => e.message === 'Example: allows at most 2 entries',
    ),
  );
  const wrongRevision = { ...composition({ systolic }), content: [{ ...entry({ systolic }), revision: '1.1.0' }] };
  assert.equal(errorsOf(wrongRevision), [{ path: '/content/0/revision', message: 'Example: revision must be 1.0.0' }]);
});

test('the context needs an exact start time with a time zone', () => {
  const body = { ...composition({ systolic }), context: { startTime: '2026-11-26' } };
  assert.equal(errorsOf(body), [
    {
      path: '/context/startTime',
      message: 'Start time: must be a date and time with a time zone, such as 2024-03-15T10:30:00+01:00',
    },
  ]);
});

test('the example composition validates and uses the examples given', () => {
  const resolved = resolvedTemplate(
    templateDocument({
      id: 'test.vitals.v1',
      archetypes: { 'test-EHR-OBSERVATION.vitals.v1': '1.0.0' },
      slots: [{ id: 'vitals', archetype: 'test-EHR-OBSERVATION.vitals.v1' }],
    }),
    [vitals],
  );
  const example = exampleComposition(resolved);
  assert.equal(compositionValidators.validate(buildFormDefinition(resolved), example), []);
  assert.equal(example.content[0]!.data.systolic, { magnitude: 128, unit: 'mm[Hg]' });
});

test('the form tree carries widgets: buttons for few codes, a multi-line box for long text', () => {
  const children = form.slots[0]!.children;
  const widget = (key: string) => {
    const node = children.find((c) => c.key === key);
    return node?.kind === 'element' && 'widget' in node.value ? node.value.widget : undefined;
  };
  assert.is(widget('position'), 'buttons');
  assert.is(widget('as_needed'), 'checkbox');
  assert.is(widget('comment'), 'input');
  assert.is(
    children.some((c) => c.key === 'duration'),
    false,
    'hidden elements are not in the form',
  );
});

test.run();
