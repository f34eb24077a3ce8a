import type { TemplateConstraint, TreeNode, ValueSpec } from './element-tree.js';
import type { ModellingError, ParseResult } from './modelling-error.js';
import { normaliseDefault } from './normalise-default.js';

/**
 * Applies one template constraint to the element at `keys` (a path of element keys through
 * groups and clusters). A template may only narrow: it can make an element mandatory or hide an
 * optional one, narrow occurrences, value sets, units and choices, rename, set a default.
 *
 * @example
 * applyConstraint(tree, ['position'], { codes: ['sitting', 'lying'] });
 */
export function applyConstraint(
  tree: TreeNode[],
  keys: string[],
  constraint: TemplateConstraint,
): ParseResult<TreeNode[]> {
  const [key, ...rest] = keys;
  const index = tree.findIndex((node) => node.key === key);
  if (index < 0) return fail(`there is no element "${key}" here; elements: ${tree.map((n) => n.key).join(', ')}`);
  const node = tree[index]!;
  if (rest.length > 0) {
    if (node.kind !== 'group' && node.kind !== 'cluster') return fail(`"${key}" has no elements inside it`);
    const inner = applyConstraint(node.children, rest, constraint);
    return inner.ok ? { ok: true, value: replaceAt(tree, index, { ...node, children: inner.value }) } : inner;
  }
  if (constraint.hidden) {
    if (node.required) return fail(`"${key}" is mandatory in the archetype and cannot be hidden`);
    const dependant = tree.find((other) => other.showIf?.field === key);
    if (dependant) return fail(`"${dependant.key}" is shown depending on "${key}", so "${key}" cannot be hidden`);
    return { ok: true, value: tree.filter((_, i) => i !== index) };
  }
  const errors: ModellingError[] = [];
  const narrowed = narrowNode(node, constraint, errors);
  if (constraint.showIf) {
    const target = tree.find((other) => other.key === constraint.showIf!.field);
    if (!target || target === node || target.kind !== 'element' || target.repeat) {
      errors.push({
        path: '/showIf',
        message: `"${constraint.showIf.field}" must be another single-valued element of the same group`,
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: replaceAt(tree, index, narrowed) };
}

function narrowNode(node: TreeNode, constraint: TemplateConstraint, errors: ModellingError[]): TreeNode {
  let result: TreeNode = {
    ...node,
    ...(constraint.label ? { label: constraint.label } : {}),
    ...(constraint.help ? { help: constraint.help } : {}),
    ...(constraint.showIf ? { showIf: constraint.showIf } : {}),
  };
  if (constraint.required)
    result = {
      ...result,
      required: true,
      ...(result.repeat ? { repeat: { ...result.repeat, min: Math.max(1, result.repeat.min) } } : {}),
    };
  if (constraint.min !== undefined || constraint.max !== undefined) result = narrowRepeat(result, constraint, errors);
  if (constraint.types) result = narrowChoice(result, constraint.types, errors);
  if (constraint.codes || constraint.units || constraint.widget) {
    if (result.kind === 'element') result = { ...result, value: narrowValue(result.value, constraint, errors) };
    else if (result.kind === 'choice')
      result = { ...result, choices: narrowChoiceValues(result.choices, constraint, errors) };
    else errors.push({ path: '', message: 'codes, units and widget apply to a single data value' });
  }
  if ('default' in constraint) {
    if (result.kind === 'element') result = { ...result, default: normaliseDefault(result.value, constraint.default) };
    else errors.push({ path: '/default', message: 'a default applies to a single data value' });
  }
  return result;
}

function narrowRepeat(node: TreeNode, constraint: TemplateConstraint, errors: ModellingError[]): TreeNode {
  if (!node.repeat) {
    errors.push({ path: '/min', message: `"${node.key}" is a single value; min and max apply to lists` });
    return node;
  }
  const min = constraint.min ?? node.repeat.min;
  const max = constraint.max === undefined ? node.repeat.max : constraint.max === -1 ? null : constraint.max;
  if (min < node.repeat.min)
    errors.push({ path: '/min', message: `cannot be below the archetype's ${node.repeat.min}` });
  if (node.repeat.max !== null && (max === null || max > node.repeat.max)) {
    errors.push({ path: '/max', message: `cannot be above the archetype's ${node.repeat.max}` });
  }
  if (max !== null && max < min) errors.push({ path: '/max', message: `must be at least min (${min})` });
  return { ...node, required: node.required || min > 0, repeat: { min, max } };
}

function narrowChoice(
  node: TreeNode,
  types: NonNullable<TemplateConstraint['types']>,
  errors: ModellingError[],
): TreeNode {
  if (node.kind !== 'choice') {
    errors.push({ path: '/types', message: `"${node.key}" is not a choice of data types` });
    return node;
  }
  const offered = node.choices.map((choice) => choice.type);
  const unknown = types.filter((type) => !offered.includes(type));
  if (unknown.length > 0)
    errors.push({
      path: '/types',
      message: `${unknown.join(', ')} not offered; the choice offers ${offered.join(', ')}`,
    });
  return { ...node, choices: node.choices.filter((choice) => types.includes(choice.type)) };
}

function narrowChoiceValues(
  choices: ValueSpec[],
  constraint: TemplateConstraint,
  errors: ModellingError[],
): ValueSpec[] {
  const applicable = (spec: ValueSpec): boolean =>
    (!constraint.codes || spec.type === 'coded_text' || spec.type === 'ordinal') &&
    (!constraint.units || spec.type === 'quantity');
  if (!choices.some(applicable))
    errors.push({ path: '', message: 'no data type of this choice takes these constraints' });
  return choices.map((spec) => (applicable(spec) ? narrowValue(spec, constraint, errors) : spec));
}

function narrowValue(spec: ValueSpec, constraint: TemplateConstraint, errors: ModellingError[]): ValueSpec {
  let result = spec;
  if (constraint.codes) {
    if (result.type === 'coded_text' && result.codes) {
      result = { ...result, codes: subset(result.codes, 'code', constraint.codes, '/codes', errors) };
    } else if (result.type === 'ordinal') {
      result = { ...result, ordinals: subset(result.ordinals, 'code', constraint.codes, '/codes', errors) };
    } else errors.push({ path: '/codes', message: 'applies to a coded text with local codes, or an ordinal' });
  }
  if (constraint.units) {
    if (result.type !== 'quantity') errors.push({ path: '/units', message: 'applies to a quantity' });
    else if (!result.units) result = { ...result, units: constraint.units.map((unit) => ({ unit })) };
    else result = { ...result, units: subset(result.units, 'unit', constraint.units, '/units', errors) };
  }
  if (constraint.widget) result = withWidget(result, constraint.widget, errors);
  return result;
}

const widgetsByType: Partial<Record<ValueSpec['type'], string[]>> = {
  text: ['input', 'textarea', 'search'],
  text_or_coded_text: ['input', 'textarea', 'search'],
  coded_text: ['buttons', 'select', 'search'],
  ordinal: ['buttons', 'select'],
  boolean: ['checkbox', 'buttons'],
};

function withWidget(spec: ValueSpec, widget: string, errors: ModellingError[]): ValueSpec {
  const allowed = widgetsByType[spec.type] ?? [];
  if (!allowed.includes(widget)) {
    errors.push({
      path: '/widget',
      message: `a ${spec.type} element offers the widgets: ${allowed.join(', ') || 'none to choose'}`,
    });
    return spec;
  }
  return { ...spec, widget } as ValueSpec;
}

function subset<T extends object, K extends keyof T>(
  items: T[],
  field: K,
  wanted: string[],
  path: string,
  errors: ModellingError[],
): T[] {
  const known = items.map((item) => String(item[field]));
  const unknown = wanted.filter((value) => !known.includes(value));
  if (unknown.length > 0)
    errors.push({ path, message: `${unknown.join(', ')} not in the archetype; it has ${known.join(', ')}` });
  return items.filter((item) => wanted.includes(String(item[field])));
}

function replaceAt(tree: TreeNode[], index: number, node: TreeNode): TreeNode[] {
  return tree.map((existing, i) => (i === index ? node : existing));
}

function fail(message: string): ParseResult<TreeNode[]> {
  return { ok: false, errors: [{ path: '', message }] };
}
