import type { ArchetypeModel, ResolvedTemplate } from '../../server/knowledge/element-tree.js';
import { KnowledgeCatalog } from '../../server/knowledge/knowledge-catalog.js';
import { parseArchetype } from '../../server/knowledge/parse-archetype.js';
import { parseTemplate } from '../../server/knowledge/parse-template.js';

type Json = Record<string, unknown>;

/**
 * An archetype file with the given elements, for tests; metadata is filled in.
 *
 * @example
 * archetypeDocument({ properties: { pulse: { $ref: 'docsy:dt/count', title: 'Pulse' } } });
 */
export function archetypeDocument(options: {
  id?: string;
  revision?: string;
  lifecycle?: string;
  properties: Json;
  required?: string[];
}): Json {
  const id = options.id ?? 'test-EHR-OBSERVATION.example.v1';
  const entryClass = /-EHR-([A-Z_]+)\./.exec(id)![1];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Example',
    description: 'An archetype made by a test.',
    'x-archetype': {
      id,
      revision: options.revision ?? `${/\.v(\d+)$/.exec(id)![1]}.0.0`,
      entryClass,
      lifecycle: options.lifecycle ?? 'published',
      purpose: 'Testing.',
      keywords: [],
      authors: [{ name: 'Test' }],
    },
    type: 'object',
    properties: options.properties,
    ...(options.required ? { required: options.required } : {}),
  };
}

/** Parses an archetype document, failing the test with its errors when it does not parse. */
export function archetypeModel(document: Json): ArchetypeModel {
  const parsed = parseArchetype(document);
  if (!parsed.ok) throw new Error(`archetype does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

/** A template file over the given slots, pinning the given archetype revisions. */
export function templateDocument(options: {
  id?: string;
  revision?: string;
  archetypes: Record<string, string>;
  slots: Json[];
  minEntries?: number;
}): Json {
  return {
    id: options.id ?? 'test.example.v1',
    revision: options.revision ?? '1.0.0',
    lifecycle: 'published',
    title: 'Example document',
    category: 'event',
    authorRoles: ['doctor'],
    archetypes: options.archetypes,
    ...(options.minEntries !== undefined ? { minEntries: options.minEntries } : {}),
    slots: options.slots,
  };
}

/** Resolves a template against archetype documents, failing the test when it does not resolve. */
export function resolvedTemplate(template: Json, archetypes: Json[]): ResolvedTemplate {
  const catalog = new KnowledgeCatalog();
  for (const archetype of archetypes) catalog.addArchetype(archetypeModel(archetype));
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw new Error(`template does not parse: ${JSON.stringify(parsed.errors)}`);
  const resolved = catalog.resolve(parsed.value);
  if (!resolved.ok) throw new Error(`template does not resolve: ${JSON.stringify(resolved.errors)}`);
  return resolved.value;
}
