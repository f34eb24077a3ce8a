/**
 * The files a new template or archetype starts from in the editor: every required key present,
 * lifecycle draft, ids to be renamed (docs/modelling.md, "Archetypes" and "Templates").
 */
import type { KnowledgeKind } from './knowledge-client.js';

const archetype = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'New observation',
  description: 'What this archetype records, in one sentence.',
  'x-archetype': {
    id: 'docsy-EHR-OBSERVATION.new_observation.v1',
    revision: '1.0.0',
    entryClass: 'OBSERVATION',
    lifecycle: 'draft',
    purpose: 'Why a clinician records this.',
    keywords: [],
    authors: [{ name: 'Your name' }],
  },
  type: 'object',
  properties: {
    finding: { $ref: 'docsy:dt/text', title: 'Finding', description: 'What was observed.', maxLength: 500 },
  },
  required: ['finding'],
};

const template = {
  id: 'docsy.new_document.v1',
  revision: '1.0.0',
  lifecycle: 'draft',
  title: 'New document',
  description: 'What this document records.',
  category: 'event',
  authorRoles: ['doctor', 'nurse'],
  archetypes: { 'openEHR-EHR-OBSERVATION.archetype_to_use.v1': '1.0.0' },
  slots: [{ id: 'entry', archetype: 'openEHR-EHR-OBSERVATION.archetype_to_use.v1', min: 1, max: 1 }],
};

/**
 * The starting text of a new file of a kind.
 *
 * @example
 * textarea.value = skeleton('archetype');
 */
export function skeleton(kind: KnowledgeKind): string {
  return `${JSON.stringify(kind === 'template' ? template : archetype, null, 2)}\n`;
}
