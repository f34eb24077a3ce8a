import type { ArchetypeModel, ResolvedSlot, ResolvedTemplate, TemplateDocument, TreeNode } from './element-tree.js';
import { applyConstraint } from './apply-constraint.js';
import { pointerSegment, type ModellingError, type ParseResult } from './modelling-error.js';

/** Finds one exact archetype revision, or undefined when the registry does not hold it. */
export type ArchetypeLookup = (id: string, revision: string) => ArchetypeModel | undefined;

/**
 * Resolves a template against the exact archetype revisions it pins: clusters are filled in and
 * the template's constraints applied, giving one tree per slot.
 *
 * @example
 * const result = resolveTemplate(template, (id, revision) => registry.archetype(id, revision));
 */
export function resolveTemplate(template: TemplateDocument, lookup: ArchetypeLookup): ParseResult<ResolvedTemplate> {
  const errors: ModellingError[] = [];
  const models = new Map<string, ArchetypeModel>();
  for (const [id, revision] of Object.entries(template.archetypes)) {
    const model = lookup(id, revision);
    if (model) models.set(id, model);
    else
      errors.push({
        path: `/archetypes/${pointerSegment(id)}`,
        message: `archetype ${id} revision ${revision} is not in the registry`,
      });
  }
  if (errors.length > 0) return { ok: false, errors };
  const used = new Set<string>();
  const slots = template.slots.map((slot, index): ResolvedSlot | undefined => {
    const model = models.get(slot.archetype)!;
    const path = `/slots/${index}`;
    if (model.metadata.entryClass === 'CLUSTER') {
      errors.push({ path: `${path}/archetype`, message: 'a slot holds an entry archetype, not a CLUSTER' });
      return undefined;
    }
    used.add(slot.archetype);
    const children = expandClusters(model.children, models, used, [slot.archetype], `${path}/archetype`, errors);
    const constrained = applyConstraints(children, slot.constraints ?? {}, `${path}/constraints`, errors);
    return {
      id: slot.id,
      label: slot.label ?? model.title,
      ...((slot.help ?? model.description) ? { help: slot.help ?? model.description } : {}),
      min: slot.min ?? 0,
      max: slot.max === undefined ? 1 : slot.max === -1 ? null : slot.max,
      archetype: { id: model.metadata.id, revision: model.metadata.revision, entryClass: model.metadata.entryClass },
      children: constrained,
    };
  });
  for (const id of models.keys()) {
    if (!used.has(id))
      errors.push({ path: `/archetypes/${pointerSegment(id)}`, message: 'is pinned but no slot or cluster uses it' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { template, minEntries: template.minEntries ?? 1, slots: slots as ResolvedSlot[] } };
}

/**
 * Fills every cluster node with the children of the archetype it names, at the revision `pick`
 * returns; the chain of archetypes being expanded guards against a cluster containing itself.
 */
export function expandClusters(
  nodes: TreeNode[],
  models: Map<string, ArchetypeModel>,
  used: Set<string>,
  chain: string[],
  errorPath: string,
  errors: ModellingError[],
): TreeNode[] {
  return nodes.map((node): TreeNode => {
    if (node.kind === 'group') {
      return { ...node, children: expandClusters(node.children, models, used, chain, errorPath, errors) };
    }
    if (node.kind !== 'cluster') return node;
    const model = models.get(node.archetypeId);
    if (!model) {
      errors.push({
        path: errorPath,
        message: `uses cluster ${node.archetypeId}, which must be pinned in "archetypes"`,
      });
      return node;
    }
    if (chain.includes(node.archetypeId)) {
      errors.push({
        path: errorPath,
        message: `cluster ${node.archetypeId} contains itself (${[...chain, node.archetypeId].join(' > ')})`,
      });
      return node;
    }
    used.add(node.archetypeId);
    const children = expandClusters(model.children, models, used, [...chain, node.archetypeId], errorPath, errors);
    return { ...node, revision: model.metadata.revision, children };
  });
}

function applyConstraints(
  children: TreeNode[],
  constraints: NonNullable<TemplateDocument['slots'][number]['constraints']>,
  path: string,
  errors: ModellingError[],
): TreeNode[] {
  let tree = children;
  for (const [target, constraint] of Object.entries(constraints)) {
    const result = applyConstraint(tree, target.split('/').slice(1), constraint);
    if (result.ok) tree = result.value;
    else
      for (const error of result.errors)
        errors.push({ path: `${path}/${pointerSegment(target)}${error.path}`, message: error.message });
  }
  return tree;
}
