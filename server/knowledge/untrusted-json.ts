import type { ModellingError } from './modelling-error.js';

/** The largest archetype or template file the registry accepts. */
export const maxKnowledgeBytes = 1024 * 1024;
/** The deepest nesting of objects and arrays an archetype or template may have. */
export const maxKnowledgeDepth = 32;

/**
 * Checks the size and nesting depth of an untrusted knowledge document before any schema work.
 *
 * @example
 * checkSizeAndDepth(text, JSON.parse(text)); // [] when within limits
 */
export function checkSizeAndDepth(byteLength: number, document: unknown): ModellingError[] {
  if (byteLength > maxKnowledgeBytes) {
    return [{ path: '', message: `is ${byteLength} bytes; at most ${maxKnowledgeBytes} are accepted` }];
  }
  if (depthExceeds(document, maxKnowledgeDepth)) {
    return [{ path: '', message: `is nested more than ${maxKnowledgeDepth} levels deep` }];
  }
  return [];
}

function depthExceeds(value: unknown, budget: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (budget === 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => depthExceeds(child, budget - 1));
}
