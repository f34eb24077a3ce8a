import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkArchetypeCompatibility, checkTemplateCompatibility } from '../../../server/knowledge/compatibility.js';
import {
  archetypeDocument,
  archetypeModel,
  resolvedTemplate,
  templateDocument,
} from '../../support/knowledge-fixtures.js';

type Json = Record<string, unknown>;

const quantity = (units: Json[]): Json => ({ $ref: 'docsy:dt/quantity', title: 'Weight', 'x-units': units });
const coded = (codes: string[]): Json => ({
  $ref: 'docsy:dt/coded_text',
  title: 'Severity',
  'x-codes': codes.map((code) => ({ code, value: code.toUpperCase() })),
});
const text = (extra: Json = {}): Json => ({ $ref: 'docsy:dt/text', title: 'Note', ...extra });
const list = (items: Json, extra: Json = {}): Json => ({ type: 'array', title: 'Items', items, ...extra });
const textItem: Json = { $ref: 'docsy:dt/text' };

interface Case {
  name: string;
  before: Json;
  after: Json;
  beforeRequired?: string[];
  afterRequired?: string[];
  kind?: string;
}

function compare(c: Case) {
  const previous = archetypeModel(
    archetypeDocument({ revision: '1.0.0', properties: c.before, required: c.beforeRequired }),
  );
  const next = archetypeModel(archetypeDocument({ revision: '1.1.0', properties: c.after, required: c.afterRequired }));
  return checkArchetypeCompatibility(previous, next);
}

const breaking: Case[] = [
  { name: 'an element removed', before: { a: text(), b: text() }, after: { a: text() }, kind: 'element-removed' },
  {
    name: 'a new mandatory element',
    before: { a: text() },
    after: { a: text(), b: text() },
    afterRequired: ['b'],
    kind: 'new-mandatory-element',
  },
  {
    name: 'an optional element made mandatory',
    before: { a: text() },
    after: { a: text() },
    afterRequired: ['a'],
    kind: 'element-now-mandatory',
  },
  {
    name: 'a data type changed',
    before: { a: text() },
    after: { a: { $ref: 'docsy:dt/count', title: 'A' } },
    kind: 'type-changed',
  },
  {
    name: 'text-or-coded narrowed to text',
    before: { a: { $ref: 'docsy:dt/text_or_coded_text', title: 'A' } },
    after: { a: text() },
    kind: 'type-changed',
  },
  {
    name: 'a single value made a list',
    before: { a: text() },
    after: { a: list(textItem) },
    kind: 'cardinality-changed',
  },
  {
    name: 'a list made a single value',
    before: { a: list(textItem) },
    after: { a: text() },
    kind: 'cardinality-changed',
  },
  {
    name: 'a group replaced by a value',
    before: { g: { type: 'object', title: 'G', properties: { a: text() } } },
    after: { g: text() },
    kind: 'type-changed',
  },
  {
    name: 'maxLength lowered',
    before: { a: text({ maxLength: 500 }) },
    after: { a: text({ maxLength: 100 }) },
    kind: 'range-narrowed',
  },
  { name: 'minLength raised', before: { a: text() }, after: { a: text({ minLength: 3 }) }, kind: 'range-narrowed' },
  {
    name: 'a pattern added',
    before: { a: text() },
    after: { a: text({ pattern: '^[A-Z]+$' }) },
    kind: 'pattern-changed',
  },
  {
    name: 'a pattern changed',
    before: { a: text({ pattern: '^[A-Z]+$' }) },
    after: { a: text({ pattern: '^[A-Z]{2}$' }) },
    kind: 'pattern-changed',
  },
  {
    name: 'a code removed',
    before: { s: coded(['mild', 'severe']) },
    after: { s: coded(['mild']) },
    kind: 'codes-removed',
  },
  {
    name: 'a terminology value set replaced by local codes',
    before: { s: { $ref: 'docsy:dt/coded_text', title: 'S', 'x-terminology': 'snomed-problems' } },
    after: { s: coded(['mild']) },
    kind: 'value-set-narrowed',
  },
  {
    name: "an ordinal's number changed",
    before: {
      o: {
        $ref: 'docsy:dt/ordinal',
        title: 'O',
        'x-ordinals': [
          { ordinal: 1, code: 'a', value: 'A' },
          { ordinal: 2, code: 'b', value: 'B' },
        ],
      },
    },
    after: {
      o: {
        $ref: 'docsy:dt/ordinal',
        title: 'O',
        'x-ordinals': [
          { ordinal: 1, code: 'a', value: 'A' },
          { ordinal: 3, code: 'b', value: 'B' },
        ],
      },
    },
    kind: 'ordinal-changed',
  },
  {
    name: 'a unit removed',
    before: { w: quantity([{ unit: 'kg' }, { unit: '[lb_av]' }]) },
    after: { w: quantity([{ unit: 'kg' }]) },
    kind: 'units-narrowed',
  },
  {
    name: 'any unit narrowed to a list',
    before: { w: { $ref: 'docsy:dt/quantity', title: 'W' } },
    after: { w: quantity([{ unit: 'kg' }]) },
    kind: 'units-narrowed',
  },
  {
    name: 'a maximum lowered',
    before: { w: quantity([{ unit: 'kg', maximum: 500 }]) },
    after: { w: quantity([{ unit: 'kg', maximum: 400 }]) },
    kind: 'range-narrowed',
  },
  {
    name: 'a minimum raised',
    before: { w: quantity([{ unit: 'kg', minimum: 0 }]) },
    after: { w: quantity([{ unit: 'kg', minimum: 1 }]) },
    kind: 'range-narrowed',
  },
  {
    name: 'an inclusive limit made exclusive',
    before: { w: quantity([{ unit: 'kg', maximum: 500 }]) },
    after: { w: quantity([{ unit: 'kg', exclusiveMaximum: 500 }]) },
    kind: 'range-narrowed',
  },
  {
    name: 'a range added where there was none',
    before: { w: quantity([{ unit: 'kg' }]) },
    after: { w: quantity([{ unit: 'kg', maximum: 500 }]) },
    kind: 'range-narrowed',
  },
  {
    name: 'fewer decimals',
    before: { w: quantity([{ unit: 'kg', decimals: 2 }]) },
    after: { w: quantity([{ unit: 'kg', decimals: 1 }]) },
    kind: 'range-narrowed',
  },
  {
    name: 'a count maximum lowered',
    before: { c: { $ref: 'docsy:dt/count', title: 'C', maximum: 10 } },
    after: { c: { $ref: 'docsy:dt/count', title: 'C', maximum: 5 } },
    kind: 'range-narrowed',
  },
  {
    name: 'minItems raised',
    before: { l: list(textItem, { minItems: 1 }) },
    beforeRequired: ['l'],
    after: { l: list(textItem, { minItems: 2 }) },
    afterRequired: ['l'],
    kind: 'occurrences-narrowed',
  },
  {
    name: 'maxItems lowered',
    before: { l: list(textItem, { maxItems: 5 }) },
    after: { l: list(textItem, { maxItems: 3 }) },
    kind: 'occurrences-narrowed',
  },
  {
    name: 'an unbounded list bounded',
    before: { l: list(textItem) },
    after: { l: list(textItem, { maxItems: 3 }) },
    kind: 'occurrences-narrowed',
  },
  {
    name: 'a media type removed',
    before: { f: { $ref: 'docsy:dt/attachment', title: 'F', 'x-mediaTypes': ['application/pdf', 'image/png'] } },
    after: { f: { $ref: 'docsy:dt/attachment', title: 'F', 'x-mediaTypes': ['application/pdf'] } },
    kind: 'media-types-narrowed',
  },
  {
    name: 'x-maxBytes lowered',
    before: { f: { $ref: 'docsy:dt/attachment', title: 'F', 'x-maxBytes': 1000 } },
    after: { f: { $ref: 'docsy:dt/attachment', title: 'F', 'x-maxBytes': 10 } },
    kind: 'range-narrowed',
  },
  {
    name: 'a cluster replaced by another archetype',
    before: { c: { $ref: 'docsy:archetype/test-EHR-CLUSTER.dose.v1', title: 'Dose' } },
    after: { c: { $ref: 'docsy:archetype/test-EHR-CLUSTER.dose.v2', title: 'Dose' } },
    kind: 'cluster-changed',
  },
  {
    name: 'a choice offering fewer types',
    before: { o: { title: 'Onset', 'x-choice': [{ $ref: 'docsy:dt/date_time' }, { $ref: 'docsy:dt/duration' }] } },
    after: { o: { title: 'Onset', 'x-choice': [{ $ref: 'docsy:dt/date_time' }, { $ref: 'docsy:dt/text' }] } },
    kind: 'choice-narrowed',
  },
  {
    name: 'a condition added with hidden values cleared',
    before: { flag: { $ref: 'docsy:dt/boolean', title: 'Flag' }, why: text() },
    after: {
      flag: { $ref: 'docsy:dt/boolean', title: 'Flag' },
      why: text({ 'x-showIf': { field: 'flag', equals: true } }),
    },
    kind: 'condition-added',
  },
  {
    name: 'a proportion kind fixed',
    before: { p: { $ref: 'docsy:dt/proportion', title: 'P' } },
    after: { p: { $ref: 'docsy:dt/proportion', title: 'P', 'x-proportion': 'percent' } },
    kind: 'range-narrowed',
  },
  {
    name: 'a change inside a group',
    before: { g: { type: 'object', title: 'G', properties: { s: coded(['a', 'b']) } } },
    after: { g: { type: 'object', title: 'G', properties: { s: coded(['a']) } } },
    kind: 'codes-removed',
  },
];

for (const c of breaking) {
  test(`breaking: ${c.name}`, () => {
    const changes = compare(c);
    assert.ok(changes.length > 0, 'the change is reported');
    assert.ok(
      changes.some((change) => change.kind === c.kind),
      `expected ${c.kind}, got ${JSON.stringify(changes)}`,
    );
    assert.ok(changes.every((change) => change.path.startsWith('/') && change.message.length > 0));
  });
}

const safe: Case[] = [
  { name: 'a new optional element', before: { a: text() }, after: { a: text(), b: text() } },
  { name: 'a mandatory element made optional', before: { a: text() }, beforeRequired: ['a'], after: { a: text() } },
  {
    name: 'a label and help rewritten',
    before: { a: text() },
    after: { a: text({ title: 'Remark', description: 'Anything else worth knowing.' }) },
  },
  { name: 'elements reordered', before: { a: text(), b: text() }, after: { b: text(), a: text() } },
  { name: 'a widget changed', before: { a: text() }, after: { a: text({ 'x-widget': 'textarea' }) } },
  {
    name: 'text widened to text-or-coded',
    before: { a: text() },
    after: { a: { $ref: 'docsy:dt/text_or_coded_text', title: 'A', 'x-terminology': 'snomed-problems' } },
  },
  { name: 'maxLength raised', before: { a: text({ maxLength: 100 }) }, after: { a: text({ maxLength: 500 }) } },
  { name: 'a pattern removed', before: { a: text({ pattern: '^[A-Z]+$' }) }, after: { a: text() } },
  { name: 'a code added', before: { s: coded(['mild']) }, after: { s: coded(['mild', 'severe']) } },
  {
    name: 'local codes opened to a terminology',
    before: { s: coded(['mild']) },
    after: { s: { $ref: 'docsy:dt/coded_text', title: 'S', 'x-terminology': 'snomed-problems' } },
  },
  {
    name: 'a unit added',
    before: { w: quantity([{ unit: 'kg' }]) },
    after: { w: quantity([{ unit: 'kg' }, { unit: 'g' }]) },
  },
  {
    name: 'a range widened',
    before: { w: quantity([{ unit: 'kg', minimum: 1, maximum: 400 }]) },
    after: { w: quantity([{ unit: 'kg', minimum: 0, maximum: 500 }]) },
  },
  {
    name: 'an exclusive limit made inclusive',
    before: { w: quantity([{ unit: 'kg', exclusiveMaximum: 500 }]) },
    after: { w: quantity([{ unit: 'kg', maximum: 500 }]) },
  },
  {
    name: 'more decimals',
    before: { w: quantity([{ unit: 'kg', decimals: 1 }]) },
    after: { w: quantity([{ unit: 'kg', decimals: 2 }]) },
  },
  {
    name: 'units opened to any',
    before: { w: quantity([{ unit: 'kg' }]) },
    after: { w: { $ref: 'docsy:dt/quantity', title: 'W' } },
  },
  {
    name: 'maxItems raised',
    before: { l: list(textItem, { maxItems: 3 }) },
    after: { l: list(textItem, { maxItems: 5 }) },
  },
  { name: 'a list made unbounded', before: { l: list(textItem, { maxItems: 3 }) }, after: { l: list(textItem) } },
  {
    name: 'a choice offering more types',
    before: { o: { title: 'Onset', 'x-choice': [{ $ref: 'docsy:dt/date_time' }, { $ref: 'docsy:dt/duration' }] } },
    after: {
      o: {
        title: 'Onset',
        'x-choice': [{ $ref: 'docsy:dt/date_time' }, { $ref: 'docsy:dt/duration' }, { $ref: 'docsy:dt/text' }],
      },
    },
  },
  {
    name: 'a condition removed',
    before: {
      flag: { $ref: 'docsy:dt/boolean', title: 'Flag' },
      why: text({ 'x-showIf': { field: 'flag', equals: true } }),
    },
    after: { flag: { $ref: 'docsy:dt/boolean', title: 'Flag' }, why: text() },
  },
  {
    name: 'a condition added whose hidden values are kept',
    before: { flag: { $ref: 'docsy:dt/boolean', title: 'Flag' }, why: text() },
    after: {
      flag: { $ref: 'docsy:dt/boolean', title: 'Flag' },
      why: text({ 'x-showIf': { field: 'flag', equals: true }, 'x-hiddenValues': 'keep' }),
    },
  },
  {
    name: 'a media type added',
    before: { f: { $ref: 'docsy:dt/attachment', title: 'F', 'x-mediaTypes': ['application/pdf'] } },
    after: { f: { $ref: 'docsy:dt/attachment', title: 'F', 'x-mediaTypes': ['application/pdf', 'image/png'] } },
  },
];

for (const c of safe) {
  test(`safe: ${c.name}`, () => {
    assert.equal(compare(c), []);
  });
}

const bp = (revision: string, positions: string[]) =>
  archetypeDocument({
    id: 'test-EHR-OBSERVATION.bp.v1',
    revision,
    properties: { systolic: quantity([{ unit: 'mm[Hg]' }]), position: coded(positions) },
  });
const slot = (extra: Json = {}) => ({ id: 'bp', archetype: 'test-EHR-OBSERVATION.bp.v1', ...extra });

function compareTemplates(
  before: { slots: Json[]; minEntries?: number; pin?: string },
  after: { slots: Json[]; minEntries?: number; pin?: string },
) {
  const archetypes = [bp('1.0.0', ['a', 'b']), bp('1.1.0', ['a', 'b', 'c'])];
  const make = (t: typeof before, revision: string) =>
    resolvedTemplate(
      templateDocument({
        revision,
        archetypes: { 'test-EHR-OBSERVATION.bp.v1': t.pin ?? '1.0.0' },
        slots: t.slots,
        minEntries: t.minEntries,
      }),
      archetypes,
    );
  return checkTemplateCompatibility(make(before, '1.0.0'), make(after, '1.1.0'));
}

test('template breaking: a slot removed, min raised, max lowered, minEntries raised', () => {
  const removed = compareTemplates({ slots: [slot(), { ...slot(), id: 'bp2' }] }, { slots: [slot()] });
  assert.ok(removed.some((c) => c.kind === 'slot-removed' && c.path === 'slot:bp2'));
  const raised = compareTemplates({ slots: [slot({ max: 3 })] }, { slots: [slot({ min: 1, max: 2 })] });
  assert.equal(
    raised.map((c) => c.kind),
    ['occurrences-narrowed', 'occurrences-narrowed'],
  );
  const entries = compareTemplates(
    { slots: [slot({ max: 3 })], minEntries: 1 },
    { slots: [slot({ max: 3 })], minEntries: 2 },
  );
  assert.equal(
    entries.map((c) => c.kind),
    ['occurrences-narrowed'],
  );
});

test('template breaking: a value set narrowed by a constraint, an element hidden', () => {
  const narrowed = compareTemplates(
    { slots: [slot()] },
    { slots: [slot({ constraints: { '/position': { codes: ['a'] } } })] },
  );
  assert.equal(
    narrowed.map((c) => [c.kind, c.path]),
    [['codes-removed', 'slot:bp/position']],
  );
  const hidden = compareTemplates(
    { slots: [slot()] },
    { slots: [slot({ constraints: { '/position': { hidden: true } } })] },
  );
  assert.equal(
    hidden.map((c) => c.kind),
    ['element-removed'],
  );
});

test('template safe: a new optional slot, a newer compatible archetype revision, a label', () => {
  assert.equal(compareTemplates({ slots: [slot()] }, { slots: [slot(), { ...slot(), id: 'bp2' }] }), []);
  assert.equal(compareTemplates({ slots: [slot()] }, { slots: [slot()], pin: '1.1.0' }), []);
  assert.equal(
    compareTemplates(
      { slots: [slot()] },
      { slots: [slot({ label: 'Blood pressure', constraints: { '/systolic': { label: 'SBP' } } })] },
    ),
    [],
  );
});

test.run();
