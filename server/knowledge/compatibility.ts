import type { ArchetypeModel, Repeat, ResolvedTemplate, TreeNode } from './element-tree.js';
import { compareValueSpecs } from './compare-value-specs.js';

/** One change that can make an earlier valid composition invalid. */
export interface BreakingChange {
  /** The element path (`/reaction_event/severity`), or the slot (`slot:blood_pressure`). */
  path: string;
  kind: string;
  message: string;
}

/**
 * Lists the breaking changes from one archetype revision to the next of the same major version;
 * an empty list means every composition valid under `previous` stays valid under `next`.
 *
 * @example
 * checkArchetypeCompatibility(v2_0_0, v2_1_0); // [] or [{ path: '/position', kind: 'codes-removed', … }]
 */
export function checkArchetypeCompatibility(previous: ArchetypeModel, next: ArchetypeModel): BreakingChange[] {
  return compareTrees(previous.children, next.children, '');
}

/** Lists the breaking changes from one resolved template revision to the next. */
export function checkTemplateCompatibility(previous: ResolvedTemplate, next: ResolvedTemplate): BreakingChange[] {
  const changes: BreakingChange[] = [];
  if (next.minEntries > previous.minEntries) {
    changes.push({
      path: '/minEntries',
      kind: 'occurrences-narrowed',
      message: `raised from ${previous.minEntries} to ${next.minEntries}`,
    });
  }
  for (const old of previous.slots) {
    const path = `slot:${old.id}`;
    const slot = next.slots.find((candidate) => candidate.id === old.id);
    if (!slot) {
      changes.push({ path, kind: 'slot-removed', message: 'the slot was removed' });
      continue;
    }
    if (slot.archetype.id !== old.archetype.id) {
      changes.push({
        path,
        kind: 'slot-archetype-changed',
        message: `now holds ${slot.archetype.id} instead of ${old.archetype.id}`,
      });
      continue;
    }
    changes.push(...compareRepeat({ min: old.min, max: old.max }, { min: slot.min, max: slot.max }, path));
    changes.push(...compareTrees(old.children, slot.children, path));
  }
  for (const slot of next.slots) {
    if (slot.min > 0 && !previous.slots.some((old) => old.id === slot.id)) {
      changes.push({
        path: `slot:${slot.id}`,
        kind: 'new-mandatory-element',
        message: 'a new slot that needs at least one entry',
      });
    }
  }
  return changes;
}

function compareTrees(previous: TreeNode[], next: TreeNode[], path: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  for (const old of previous) {
    const here = `${path}/${old.key}`;
    const node = next.find((candidate) => candidate.key === old.key);
    if (node) changes.push(...compareNodes(old, node, here));
    else changes.push({ path: here, kind: 'element-removed', message: `"${old.label}" was removed` });
  }
  for (const node of next) {
    if (node.required && !previous.some((old) => old.key === node.key)) {
      changes.push({
        path: `${path}/${node.key}`,
        kind: 'new-mandatory-element',
        message: `"${node.label}" is new and mandatory`,
      });
    }
  }
  return changes;
}

function compareNodes(old: TreeNode, node: TreeNode, path: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  if (!old.required && node.required)
    changes.push({ path, kind: 'element-now-mandatory', message: `"${node.label}" became mandatory` });
  if (Boolean(old.repeat) !== Boolean(node.repeat)) {
    changes.push({
      path,
      kind: 'cardinality-changed',
      message: node.repeat ? 'a single value became a list' : 'a list became a single value',
    });
    return changes;
  }
  if (old.repeat && node.repeat) changes.push(...compareRepeat(old.repeat, node.repeat, path));
  changes.push(...compareConditions(old, node, path));
  if (old.kind !== node.kind) {
    changes.push({ path, kind: 'type-changed', message: `a ${old.kind} became a ${node.kind}` });
    return changes;
  }
  switch (node.kind) {
    case 'element':
      return [...changes, ...compareValueSpecs((old as typeof node).value, node.value, path)];
    case 'choice': {
      const previous = (old as typeof node).choices;
      for (const choice of previous) {
        const match = node.choices.find((candidate) => candidate.type === choice.type);
        if (match) changes.push(...compareValueSpecs(choice, match, path));
        else changes.push({ path, kind: 'choice-narrowed', message: `no longer accepts ${choice.type}` });
      }
      return changes;
    }
    case 'group':
      return [...changes, ...compareTrees((old as typeof node).children, node.children, path)];
    case 'cluster': {
      const previous = old as typeof node;
      if (previous.archetypeId !== node.archetypeId) {
        return [
          ...changes,
          {
            path,
            kind: 'cluster-changed',
            message: `now holds ${node.archetypeId} instead of ${previous.archetypeId}`,
          },
        ];
      }
      return [...changes, ...compareTrees(previous.children, node.children, path)];
    }
  }
}

function compareRepeat(old: Repeat, next: Repeat, path: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  if (next.min > old.min)
    changes.push({ path, kind: 'occurrences-narrowed', message: `at least ${next.min} now, was ${old.min}` });
  if (next.max !== null && (old.max === null || next.max < old.max)) {
    changes.push({
      path,
      kind: 'occurrences-narrowed',
      message: `at most ${next.max} now, was ${old.max ?? 'unbounded'}`,
    });
  }
  return changes;
}

/** A value kept in old data may now be refused when a "clear" condition is added or changed. */
function compareConditions(old: TreeNode, node: TreeNode, path: string): BreakingChange[] {
  if (!node.showIf || node.hiddenValues !== 'clear') return [];
  const unchanged =
    old.showIf && old.hiddenValues === 'clear' && JSON.stringify(old.showIf) === JSON.stringify(node.showIf);
  if (unchanged) return [];
  return [
    {
      path,
      kind: 'condition-added',
      message: `"${node.label}" is now refused unless ${node.showIf.field} has the named value`,
    },
  ];
}
