import type { BreakingChange } from './compatibility.js';
import type { UnitSpec, ValueSpec } from './element-tree.js';

/**
 * The breaking changes between two constraints on one value: a narrowed type, range, length,
 * pattern, value set, unit list or media type list.
 *
 * @example
 * compareValueSpecs({ type: 'count', maximum: 10 }, { type: 'count', maximum: 5 }, '/doses');
 * // [{ path: '/doses', kind: 'range-narrowed', message: 'maximum lowered from 10 to 5' }]
 */
export function compareValueSpecs(old: ValueSpec, next: ValueSpec, path: string): BreakingChange[] {
  const change = (kind: string, message: string): BreakingChange => ({ path, kind, message });
  if (old.type !== next.type) {
    if (old.type === 'text' && next.type === 'text_or_coded_text') return compareText(old, next, change);
    return [change('type-changed', `data type changed from ${old.type} to ${next.type}`)];
  }
  switch (next.type) {
    case 'text':
    case 'text_or_coded_text':
      return compareText(old as typeof next, next, change);
    case 'coded_text': {
      const previous = old as typeof next;
      if (!next.codes) return [];
      if (!previous.codes)
        return [change('value-set-narrowed', 'any code was accepted; now only the listed local codes')];
      return removed(
        previous.codes.map((c) => c.code),
        next.codes.map((c) => c.code),
      ).map((code) =>
        change('codes-removed', `code "${code}" (${previous.codes!.find((c) => c.code === code)!.value}) was removed`),
      );
    }
    case 'ordinal': {
      const previous = old as typeof next;
      return previous.ordinals.flatMap((option) => {
        const match = next.ordinals.find((candidate) => candidate.code === option.code);
        if (!match) return [change('codes-removed', `ordinal "${option.code}" (${option.value}) was removed`)];
        if (match.ordinal !== option.ordinal)
          return [change('ordinal-changed', `"${option.code}" is now ${match.ordinal}, was ${option.ordinal}`)];
        return [];
      });
    }
    case 'quantity':
      return compareUnits((old as typeof next).units, next.units, change);
    case 'count': {
      const previous = old as typeof next;
      return [
        ...lowerBound(previous.minimum, next.minimum, 'minimum', change),
        ...upperBound(previous.maximum, next.maximum, 'maximum', change),
      ];
    }
    case 'proportion': {
      const previous = old as typeof next;
      return next.kind && next.kind !== previous.kind
        ? [change('range-narrowed', `proportion kind is now ${next.kind}, was ${previous.kind ?? 'any'}`)]
        : [];
    }
    case 'attachment': {
      const previous = old as typeof next;
      const changes: BreakingChange[] = [];
      if (next.mediaTypes) {
        if (!previous.mediaTypes)
          changes.push(change('media-types-narrowed', 'any file type was accepted; now only the listed ones'));
        else
          for (const type of removed(previous.mediaTypes, next.mediaTypes))
            changes.push(change('media-types-narrowed', `${type} is no longer accepted`));
      }
      changes.push(...upperBound(previous.maxBytes, next.maxBytes, 'x-maxBytes', change));
      return changes;
    }
    default:
      return [];
  }
}

type Change = (kind: string, message: string) => BreakingChange;

function compareText(
  old: { minLength?: number; maxLength: number; pattern?: string },
  next: typeof old,
  change: Change,
): BreakingChange[] {
  const changes = [
    ...upperBound(old.maxLength, next.maxLength, 'maxLength', change),
    ...lowerBound(old.minLength ?? 1, next.minLength ?? 1, 'minLength', change),
  ];
  if (next.pattern && next.pattern !== old.pattern) {
    changes.push(
      change(
        'pattern-changed',
        old.pattern ? `pattern changed from ${old.pattern} to ${next.pattern}` : `pattern ${next.pattern} was added`,
      ),
    );
  }
  return changes;
}

function compareUnits(old: UnitSpec[] | undefined, next: UnitSpec[] | undefined, change: Change): BreakingChange[] {
  if (!next) return [];
  if (!old) return [change('units-narrowed', 'any unit was accepted; now only the listed units')];
  return old.flatMap((unit) => {
    const match = next.find((candidate) => candidate.unit === unit.unit);
    if (!match) return [change('units-narrowed', `unit ${unit.unit} was removed`)];
    const changes = [...lowerLimit(unit, match, change), ...upperLimit(unit, match, change)];
    if (match.decimals !== undefined && (unit.decimals === undefined || match.decimals < unit.decimals)) {
      changes.push(
        change('range-narrowed', `${unit.unit}: at most ${match.decimals} decimals now, was ${unit.decimals ?? 'any'}`),
      );
    }
    return changes;
  });
}

/** Compares lower limits, where an exclusive limit at the same number is the narrower one. */
function lowerLimit(old: UnitSpec, next: UnitSpec, change: Change): BreakingChange[] {
  const before = old.minimum ?? old.exclusiveMinimum;
  const after = next.minimum ?? next.exclusiveMinimum;
  if (after === undefined) return [];
  const narrowed =
    before === undefined ||
    after > before ||
    (after === before && next.exclusiveMinimum !== undefined && old.minimum !== undefined);
  return narrowed
    ? [change('range-narrowed', `${next.unit}: lower limit is now ${after}, was ${before ?? 'none'}`)]
    : [];
}

function upperLimit(old: UnitSpec, next: UnitSpec, change: Change): BreakingChange[] {
  const before = old.maximum ?? old.exclusiveMaximum;
  const after = next.maximum ?? next.exclusiveMaximum;
  if (after === undefined) return [];
  const narrowed =
    before === undefined ||
    after < before ||
    (after === before && next.exclusiveMaximum !== undefined && old.maximum !== undefined);
  return narrowed
    ? [change('range-narrowed', `${next.unit}: upper limit is now ${after}, was ${before ?? 'none'}`)]
    : [];
}

function lowerBound(old: number | undefined, next: number | undefined, name: string, change: Change): BreakingChange[] {
  if (next === undefined || (old !== undefined && next <= old)) return [];
  return [change('range-narrowed', `${name} raised from ${old ?? 'none'} to ${next}`)];
}

function upperBound(old: number | undefined, next: number | undefined, name: string, change: Change): BreakingChange[] {
  if (next === undefined || (old !== undefined && next >= old)) return [];
  return [change('range-narrowed', `${name} lowered from ${old ?? 'none'} to ${next}`)];
}

function removed(old: string[], next: string[]): string[] {
  return old.filter((value) => !next.includes(value));
}
