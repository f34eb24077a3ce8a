import { checkAgainstMetaSchema } from './meta-validation.js';
import type {
  ArchetypeMetadata,
  ArchetypeModel,
  Condition,
  DataTypeName,
  TreeNode,
  ValueSpec,
} from './element-tree.js';
import { pointerSegment, type ModellingError, type ParseResult } from './modelling-error.js';
import { checkValueSpec } from './check-value-spec.js';
import { normaliseDefault } from './normalise-default.js';

/** Every free text is capped at this length unless the archetype says less. */
export const defaultTextMaxLength = 10000;

type Json = Record<string, unknown>;

/**
 * Parses an archetype file into its element tree, after checking it against the archetype
 * meta-schema and the rules the meta-schema cannot express (docs/modelling.md).
 *
 * @example
 * const result = parseArchetype(JSON.parse(fileText));
 * if (!result.ok) console.log(result.errors); // [{ path: '/properties/systolic', message: '…' }]
 */
export function parseArchetype(document: unknown): ParseResult<ArchetypeModel> {
  const metaErrors = checkAgainstMetaSchema('archetype', document);
  if (metaErrors.length > 0) return { ok: false, errors: metaErrors };
  const raw = document as Json;
  const errors: ModellingError[] = [];
  const metadata = raw['x-archetype'] as ArchetypeMetadata;
  checkIdentity(metadata, errors);
  const children = parseElements(raw.properties as Json, (raw.required as string[]) ?? [], '', errors, metadata.id);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      metadata,
      title: raw.title as string,
      ...(raw.description ? { description: raw.description as string } : {}),
      children,
    },
  };
}

function checkIdentity(metadata: ArchetypeMetadata, errors: ModellingError[]): void {
  const [, entryClass] = /-EHR-([A-Z_]+)\./.exec(metadata.id) ?? [];
  if (entryClass !== metadata.entryClass) {
    errors.push({ path: '/x-archetype/entryClass', message: `must be ${entryClass}, the class named in the id` });
  }
  const major = Number(/\.v(\d+)$/.exec(metadata.id)?.[1]);
  if (Number(metadata.revision.split('.')[0]) !== major) {
    errors.push({
      path: '/x-archetype/revision',
      message: `must start with ${major}, the major version in the id (.v${major})`,
    });
  }
}

function parseElements(
  properties: Json,
  required: string[],
  path: string,
  errors: ModellingError[],
  ownId: string,
): TreeNode[] {
  for (const key of required) {
    if (!(key in properties)) {
      errors.push({ path: `${path}/required`, message: `"${key}" is required but is not one of the properties` });
    }
  }
  const nodes = Object.entries(properties).map(([key, schema]) =>
    parseElement(
      key,
      schema as Json,
      required.includes(key),
      `${path}/properties/${pointerSegment(key)}`,
      errors,
      ownId,
    ),
  );
  checkConditions(nodes, path, errors);
  return nodes;
}

function parseElement(
  key: string,
  raw: Json,
  required: boolean,
  path: string,
  errors: ModellingError[],
  ownId: string,
): TreeNode {
  const base = {
    key,
    label: raw.title as string,
    ...(raw.description ? { help: raw.description as string } : {}),
    required,
    ...(raw['x-showIf'] ? { showIf: raw['x-showIf'] as Condition } : {}),
    hiddenValues: (raw['x-hiddenValues'] as 'clear' | 'keep' | undefined) ?? 'clear',
  };
  if (raw.type !== 'array') return parseValue(base, raw, path, errors, ownId);
  const min = (raw.minItems as number | undefined) ?? (required ? 1 : 0);
  const max = (raw.maxItems as number | undefined) ?? null;
  if (required && min < 1) errors.push({ path: `${path}/minItems`, message: 'a mandatory list needs at least 1 item' });
  if (!required && min > 0) {
    errors.push({
      path: `${path}/minItems`,
      message: `an optional list cannot need ${min} items; add "${key}" to required`,
    });
  }
  if (max !== null && max < min)
    errors.push({ path: `${path}/maxItems`, message: `must be at least minItems (${min})` });
  return parseValue({ ...base, repeat: { min, max } }, raw.items as Json, `${path}/items`, errors, ownId);
}

type NodeBase = Omit<TreeNode, 'kind' | 'value' | 'choices' | 'children' | 'archetypeId'>;

function parseValue(base: NodeBase, raw: Json, path: string, errors: ModellingError[], ownId: string): TreeNode {
  if (raw.type === 'object') {
    const children = parseElements(raw.properties as Json, (raw.required as string[]) ?? [], path, errors, ownId);
    return { ...base, kind: 'group', children };
  }
  if (Array.isArray(raw['x-choice'])) {
    const choices = (raw['x-choice'] as Json[]).map((choice, index) =>
      parseValueSpec(choice, `${path}/x-choice/${index}`, errors),
    );
    const types = choices.map((choice) => choice.type);
    if (new Set(types).size !== types.length)
      errors.push({ path: `${path}/x-choice`, message: 'names a data type twice' });
    const examples = (raw['x-choice'] as Json[]).flatMap((choice, index) =>
      Array.isArray(choice.examples)
        ? choice.examples.map((value: unknown) => ({ type: choices[index]!.type, value }))
        : [],
    );
    return { ...base, kind: 'choice', choices, ...(examples.length > 0 ? { examples } : {}) };
  }
  const ref = raw.$ref as string;
  if (ref.startsWith('docsy:archetype/')) {
    const archetypeId = ref.slice('docsy:archetype/'.length);
    if (archetypeId === ownId) errors.push({ path: `${path}/$ref`, message: 'an archetype cannot contain itself' });
    return { ...base, kind: 'cluster', archetypeId, children: [] };
  }
  const value = parseValueSpec(raw, path, errors);
  return {
    ...base,
    kind: 'element',
    value,
    ...('default' in raw ? { default: normaliseDefault(value, raw.default) } : {}),
    ...(Array.isArray(raw.examples) ? { examples: raw.examples } : {}),
  };
}

function parseValueSpec(raw: Json, path: string, errors: ModellingError[]): ValueSpec {
  const type = (raw.$ref as string).slice('docsy:dt/'.length) as DataTypeName;
  const spec = toValueSpec(type, raw);
  for (const problem of checkValueSpec(spec)) errors.push({ path: `${path}${problem.path}`, message: problem.message });
  return spec;
}

function toValueSpec(type: DataTypeName, raw: Json): ValueSpec {
  const pick = (...keys: string[]): Json =>
    Object.fromEntries(keys.filter((k) => raw[k] !== undefined).map((k) => [k.replace(/^x-/, ''), raw[k]]));
  switch (type) {
    case 'text':
    case 'text_or_coded_text':
      return {
        type,
        maxLength: (raw.maxLength as number | undefined) ?? defaultTextMaxLength,
        ...pick('minLength', 'pattern', 'x-widget', 'x-terminology'),
      } as ValueSpec;
    case 'coded_text':
      return { type, ...pick('x-codes', 'x-terminology', 'x-widget') } as ValueSpec;
    case 'quantity':
      return { type, ...pick('x-units') } as ValueSpec;
    case 'count':
      return { type, ...pick('minimum', 'maximum') } as ValueSpec;
    case 'proportion':
      return { type, ...(raw['x-proportion'] ? { kind: raw['x-proportion'] } : {}) } as ValueSpec;
    case 'ordinal':
      return { type, ...pick('x-ordinals', 'x-widget') } as ValueSpec;
    case 'boolean':
      return { type, ...pick('x-widget') } as ValueSpec;
    case 'attachment':
      return { type, ...pick('x-mediaTypes', 'x-maxBytes') } as ValueSpec;
    default:
      return { type };
  }
}

/** A condition must name a sibling element, and compare it in a way its data type allows. */
function checkConditions(nodes: TreeNode[], path: string, errors: ModellingError[]): void {
  for (const node of nodes) {
    if (!node.showIf) continue;
    const where = `${path}/properties/${pointerSegment(node.key)}/x-showIf`;
    const target = nodes.find((sibling) => sibling.key === node.showIf!.field);
    if (!target || target === node) {
      errors.push({ path: where, message: `"${node.showIf.field}" must be another element of the same group` });
      continue;
    }
    if (target.kind !== 'element' || target.repeat) {
      errors.push({
        path: where,
        message: `"${target.key}" must be a single value (not a list, group, cluster or choice)`,
      });
    }
  }
}
