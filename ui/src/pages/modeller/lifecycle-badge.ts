import { html } from 'lit';
import type { Lifecycle } from './knowledge-client.js';

/**
 * A revision's lifecycle as a badge: published plain, draft and deprecated marked.
 *
 * @example
 * html`<td>${lifecycleBadge('draft')}</td>`
 */
export function lifecycleBadge(lifecycle: Lifecycle) {
  return html`<span class=${lifecycle === 'published' ? 'badge' : 'badge muted'}>${lifecycle}</span>`;
}
