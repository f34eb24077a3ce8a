import type { CompositionBody } from '../knowledge/example-composition.js';

/** One entry of a composition's content. */
export type ContentEntry = CompositionBody['content'][number];

/** The facility every demo composition names. */
export const demoFacility = 'Docsy Demo Clinic';

/**
 * A composition body as a client would send it, at the clinic, in primary medical care.
 *
 * @example
 * compositionBody({ id: 'docsy.vital_signs.v1', revision: '1.0.0' }, '2024-05-02T09:30:00.000Z', [entry]);
 */
export function compositionBody(
  template: { id: string; revision: string },
  startTime: string,
  content: ContentEntry[],
): CompositionBody {
  return {
    template,
    context: {
      startTime,
      setting: { code: '228', terminology: 'openehr', value: 'primary medical care' },
      facility: demoFacility,
    },
    content,
  };
}

/**
 * One slot's entry, naming the archetype revision the template pins.
 *
 * @example
 * entry('blood_pressure', 'openEHR-EHR-OBSERVATION.blood_pressure.v2', '2.0.0', { systolic });
 */
export function entry(slot: string, archetype: string, revision: string, data: Record<string, unknown>): ContentEntry {
  return { slot, archetype, revision, data };
}
