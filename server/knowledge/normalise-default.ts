import type { ValueSpec } from './element-tree.js';

/**
 * Lets a modeller write the default of a coded element as its bare code (`"sitting"`): it becomes
 * the coded value the composition stores. Any other default is kept as written.
 *
 * @example
 * normaliseDefault(positionSpec, 'sitting'); // { code: 'sitting', terminology: 'local', value: 'Sitting' }
 */
export function normaliseDefault(spec: ValueSpec, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (spec.type === 'coded_text' && spec.codes) {
    const option = spec.codes.find((candidate) => candidate.code === value);
    return option ? { code: option.code, terminology: 'local', value: option.value } : value;
  }
  if (spec.type === 'ordinal') {
    const option = spec.ordinals.find((candidate) => candidate.code === value);
    return option ? { ordinal: option.ordinal, code: option.code, terminology: 'local', value: option.value } : value;
  }
  return value;
}
