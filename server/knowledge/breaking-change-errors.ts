import type { BreakingChange } from './compatibility.js';
import type { TreeNode } from './element-tree.js';
import type { ModellingError } from './modelling-error.js';

/**
 * Breaking changes as field errors of the submitted file: the path points at the element in
 * the archetype (`/properties/reaction/items/properties/severity`) or the slot in the template.
 *
 * @example
 * breakingChangeErrors(review.breaking, model.children, 'archetype');
 */
export function breakingChangeErrors(
  changes: BreakingChange[],
  locate: { kind: 'archetype'; children: TreeNode[] } | { kind: 'template'; slotIds: string[] },
): ModellingError[] {
  return changes.map((change) => {
    const message = `breaking change (${change.kind}): ${change.message}; a breaking change needs a new major version (a new id)`;
    if (locate.kind === 'archetype') return { path: archetypePointer(locate.children, change.path), message };
    const [slot, ...rest] = change.path.replace(/^slot:/, '').split('/');
    const index = locate.slotIds.indexOf(slot ?? '');
    const where = rest.length > 0 ? ` at /${rest.join('/')}` : '';
    return {
      path: index >= 0 ? `/slots/${index}` : change.path.startsWith('/') ? change.path : '/slots',
      message: message + where,
    };
  });
}

function archetypePointer(children: TreeNode[], elementPath: string): string {
  let nodes: TreeNode[] | undefined = children;
  let pointer = '';
  for (const key of elementPath.split('/').slice(1)) {
    const node: TreeNode | undefined = nodes?.find((candidate) => candidate.key === key);
    pointer += `/properties/${key}${node?.repeat ? '/items' : ''}`;
    nodes = node && (node.kind === 'group' || node.kind === 'cluster') ? node.children : undefined;
  }
  return pointer.replace(/\/items$/, '');
}
