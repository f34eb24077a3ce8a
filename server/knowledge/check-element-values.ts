import { createCompositionAjv } from './ajv-factory.js';
import type { TreeNode } from './element-tree.js';
import { toFieldErrors } from './field-errors.js';
import type { ModellingError } from './modelling-error.js';
import { valueSchema, type JsonSchema } from './value-schema.js';

const ajv = createCompositionAjv();

/**
 * Checks every element's `default` and `examples` against the element's own constraints, with
 * one compiled schema for the whole tree.
 *
 * @example
 * checkElementValues(model.children); // [{ path: '/systolic/examples/0', message: 'Systolic: …' }]
 */
export function checkElementValues(nodes: TreeNode[]): ModellingError[] {
  const properties: Record<string, JsonSchema> = {};
  const data: Record<string, unknown[]> = {};
  collect(nodes, '', properties, data);
  if (Object.keys(data).length === 0) return [];
  const validate = ajv.compile({ type: 'object', properties });
  if (validate(data)) return [];
  return toFieldErrors(validate.errors ?? []).map(({ path, message }) => {
    const [, key, index] = /^\/(.*)\/(\d+)/.exec(path) ?? [];
    const elementPath = (key ?? '').replaceAll('~1', '/').replaceAll('~0', '~');
    const [where, marker] = elementPath.split('#');
    const position =
      marker === 'default' ? 'default' : marker ? `x-choice/${marker}/examples/${index}` : `examples/${index}`;
    return { path: `${where}/${position}`, message };
  });
}

function collect(
  nodes: TreeNode[],
  path: string,
  properties: Record<string, JsonSchema>,
  data: Record<string, unknown[]>,
): void {
  for (const node of nodes) {
    const here = `${path}/${node.key}`;
    if (node.kind === 'group' || node.kind === 'cluster') collect(node.children, here, properties, data);
    if (node.kind === 'choice') {
      for (const choice of node.choices) {
        const examples = (node.examples ?? [])
          .filter((example) => example.type === choice.type)
          .map((example) => example.value);
        if (examples.length === 0) continue;
        properties[`${here}#${choice.type}`] = { type: 'array', items: valueSchema(choice, node.label) };
        data[`${here}#${choice.type}`] = examples;
      }
    }
    if (node.kind !== 'element') continue;
    const schema = { type: 'array', items: valueSchema(node.value, node.label) };
    if (node.examples) {
      properties[here] = schema;
      data[here] = node.examples;
    }
    if ('default' in node) {
      properties[`${here}#default`] = schema;
      data[`${here}#default`] = [node.default];
    }
  }
}
