import type { TreeNode } from '../knowledge/element-tree.js';
import type { KnowledgeCatalog } from '../knowledge/knowledge-catalog.js';
import { compareRevisions } from '../knowledge/revision-order.js';

/**
 * For a JSON path inside an entry of an archetype (`data/reaction_event/manifestation`), which of
 * its keys hold lists; undefined when the path is not one the archetype defines.
 */
export type ListShape = (archetypeId: string, keys: string[]) => boolean[] | undefined;

/**
 * The list shape of the archetypes a catalog holds. A single value never becomes a list within a
 * major version (that is a breaking change), so the latest revision answers for all of them.
 *
 * @example
 * listShapeOf(catalog)('openEHR-EHR-EVALUATION.adverse_reaction_risk.v2', ['data', 'substance', 'code']); // [false, false, false]
 */
export function listShapeOf(catalog: KnowledgeCatalog): ListShape {
  return (archetypeId, keys) => {
    const model = catalog
      .archetypeRevisions(archetypeId)
      .sort((a, b) => compareRevisions(a.metadata.revision, b.metadata.revision))
      .at(-1);
    if (!model || keys[0] !== 'data') return undefined;
    return walk(model.children, keys.slice(1), catalog, [false]);
  };
}

function walk(nodes: TreeNode[], keys: string[], catalog: KnowledgeCatalog, shape: boolean[]): boolean[] | undefined {
  if (keys.length === 0) return shape;
  const [key, ...rest] = keys;
  const node = nodes.find((candidate) => candidate.key === key);
  if (!node) return undefined;
  const here = [...shape, Boolean(node.repeat)];
  switch (node.kind) {
    case 'group':
      return walk(node.children, rest, catalog, here);
    case 'cluster': {
      if (rest.length === 0) return here;
      if (rest[0] !== 'data') return rest.length === 1 ? [...here, false] : undefined;
      const cluster = catalog.archetypeRevisions(node.archetypeId).at(-1);
      return cluster ? walk(cluster.children, rest.slice(1), catalog, [...here, false]) : undefined;
    }
    default:
      // Inside a data value (code, magnitude, value…): plain objects, no lists.
      return [...here, ...rest.map(() => false)];
  }
}
