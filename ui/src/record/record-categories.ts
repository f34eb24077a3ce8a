/**
 * The categories a record is read in (SPEC §1: prescriptions, allergies, problems, procedures,
 * lab, imaging, vitals), as data: each names the archetype concepts whose entries belong to it.
 * A template falls in the category of the first of its slots' archetypes listed here, so a new
 * template built on these archetypes is placed without a code change; a template on other
 * archetypes is listed under "Other".
 */
export interface RecordCategory {
  /** The category's id in URLs: `/record?category=allergies`. */
  id: string;
  label: string;
  /** Archetype concepts (`adverse_reaction_risk` of `openEHR-EHR-EVALUATION.adverse_reaction_risk.v2`), any major version. */
  concepts: readonly string[];
}

export const recordCategories: readonly RecordCategory[] = [
  { id: 'prescriptions', label: 'Prescriptions', concepts: ['medication_order', 'medication'] },
  { id: 'allergies', label: 'Allergies', concepts: ['adverse_reaction_risk'] },
  { id: 'problems', label: 'Problems', concepts: ['problem_diagnosis'] },
  { id: 'procedures', label: 'Procedures', concepts: ['procedure'] },
  { id: 'lab', label: 'Lab', concepts: ['laboratory_test_result'] },
  { id: 'imaging', label: 'Imaging', concepts: ['imaging_exam_result'] },
  {
    id: 'vitals',
    label: 'Vitals',
    concepts: ['blood_pressure', 'body_temperature', 'pulse', 'respiration', 'pulse_oximetry', 'body_weight', 'height'],
  },
];

/** Where templates on archetypes of no listed category go. */
export const otherCategory: RecordCategory = { id: 'other', label: 'Other', concepts: [] };

/**
 * The concept of an archetype id: the part between the entry class and the major version.
 *
 * @example
 * archetypeConcept('openEHR-EHR-EVALUATION.adverse_reaction_risk.v2'); // 'adverse_reaction_risk'
 */
export function archetypeConcept(archetypeId: string): string {
  return /\.([^.]+)\.v\d+$/.exec(archetypeId)?.[1] ?? archetypeId;
}

/**
 * The category of a template, from the archetypes of its slots in order.
 *
 * @example
 * categoryOfArchetypes(['openEHR-EHR-INSTRUCTION.medication_order.v3']).id; // 'prescriptions'
 */
export function categoryOfArchetypes(archetypeIds: readonly string[]): RecordCategory {
  for (const id of archetypeIds) {
    const found = recordCategories.find((category) => category.concepts.includes(archetypeConcept(id)));
    if (found) return found;
  }
  return otherCategory;
}
