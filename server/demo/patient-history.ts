import type { Condition } from './conditions.js';
import type { PlannedComposition } from './demo-plan.js';
import type { SeededRandom } from './seeded-random.js';

/** What a history generator knows about the patient whose record it writes. */
export interface PatientHistory {
  /** The patient's account key. */
  patient: string;
  /** The day histories end (UTC midnight). */
  anchor: Date;
  /** How many years back the record starts. */
  years: number;
  /** Account keys of the practitioners who may author this patient's entries, by role. */
  doctors: string[];
  nurses: string[];
  labTechnicians: string[];
  pharmacists: string[];
  /** The patient's problems, each with the number of days before the anchor it began. */
  conditions: { condition: Condition; onsetDays: number }[];
}

/** A generator of one kind of entry in a patient's history. */
export type HistoryGenerator = (random: SeededRandom, history: PatientHistory) => PlannedComposition[];

/**
 * A composition key, unique in the plan.
 *
 * @example
 * compositionKey(history, 'prescription', 2); // 'patient-07/prescription/2'
 */
export function compositionKey(history: PatientHistory, kind: string, index: number): string {
  return `${history.patient}/${kind}/${index}`;
}
