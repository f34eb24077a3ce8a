/**
 * The browser validates a composition as the server does (docs/modelling.md, "Validation and
 * messages"): the UI's own Ajv setup and error reduction (ui/src/form/) give the very errors
 * the server's validator gives, for every shipped template and many wrong compositions.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compositionAjvOptions as serverOptions } from '../../../server/knowledge/ajv-factory.js';
import { compositionValidators } from '../../../server/knowledge/composition-validators.js';
import { exampleComposition } from '../../../server/knowledge/example-composition.js';
import type { FormDefinition } from '../../../server/knowledge/form-definition.js';
import { loadShippedKnowledge } from '../../../server/knowledge/shipped-knowledge.js';
import { fieldErrors } from '../../../ui/src/form/ajv-field-errors.js';
import { compositionAjvOptions, createCompositionAjv } from '../../../ui/src/form/composition-ajv.js';

const catalog = await loadShippedKnowledge();
const templates = catalog.allTemplates();

/** The browser's validator of a form: its Ajv setup, its error reduction. */
function browserValidator(form: FormDefinition) {
  const { $id: _id, ...schema } = form.schema;
  const validate = createCompositionAjv().compile(schema);
  return (body: unknown) => (validate(body) ? [] : fieldErrors(validate.errors ?? []));
}

type Body = { content: { data: Record<string, unknown> }[]; context: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** Compositions a form or a client could send wrongly, derived from a valid example. */
function wrongVersions(example: Body): [string, unknown][] {
  const clone = (): Body => structuredClone(example);
  const every = (value: unknown) => {
    const body = clone();
    for (const entry of body.content) for (const key of Object.keys(entry.data)) entry.data[key] = value;
    return body;
  };
  const noStart = clone();
  delete noStart.context.startTime;
  const serverField = { ...clone(), uid: 'set-by-a-client' };
  const unknownElement = clone();
  unknownElement.content[0]!.data.not_an_element = 'x';
  const emptyData = clone();
  for (const entry of emptyData.content) entry.data = {};
  return [
    ['every value a number', every(12345)],
    ['every value text', every('12a')],
    ['every value an empty object', every({})],
    ['every value a list', every([true])],
    ['no start time', noStart],
    ['a server-set field', serverField],
    ['an unknown element', unknownElement],
    ['entries without data', emptyData],
    ['no entries', { ...clone(), content: [] }],
    ['not a composition', 'text'],
  ];
}

test('the browser uses the Ajv options the server uses', () => {
  assert.equal(compositionAjvOptions, serverOptions);
});

for (const template of templates) {
  test(`${template.id}: the same errors in the browser as on the server`, () => {
    const form = catalog.form(template.id, template.revision)!;
    const resolved = catalog.resolve(template);
    if (!resolved.ok) throw new Error(`${template.id} does not resolve`);
    const example = exampleComposition(resolved.value) as unknown as Body;
    const browserErrors = browserValidator(form);
    assert.equal(browserErrors(example), [], 'the example is valid');
    for (const [what, body] of wrongVersions(example)) {
      const onServer = compositionValidators.validate(form, body);
      assert.ok(onServer.length > 0, `${what} is refused`);
      assert.equal(browserErrors(body), onServer, what);
    }
  });
}

test.run();
