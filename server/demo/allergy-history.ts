import { compositionBody, entry } from './composition-body.js';
import { local, snomed, type CodedText } from './coded-text.js';
import { dateOf, daysBefore } from './demo-time.js';
import type { PlannedComposition } from './demo-plan.js';
import { compositionKey, type PatientHistory } from './patient-history.js';
import type { SeededRandom } from './seeded-random.js';

interface Allergen {
  substance: CodedText;
  category: 'medication' | 'food' | 'other';
  manifestation: CodedText;
  mechanism: 'immune_mediated' | 'non_immune_mediated';
  criticality: 'low' | 'high';
  description: string;
}

const allergens: Allergen[] = [
  {
    substance: snomed('764146007', 'Penicillin'),
    category: 'medication',
    manifestation: snomed('126485001', 'Urticaria'),
    mechanism: 'immune_mediated',
    criticality: 'high',
    description: 'Itchy wheals over the trunk within hours of a dose; settled with an antihistamine.',
  },
  {
    substance: snomed('762952008', 'Peanut'),
    category: 'food',
    manifestation: snomed('41291007', 'Angioedema'),
    mechanism: 'immune_mediated',
    criticality: 'high',
    description: 'Swelling of the lips and tongue minutes after eating a peanut snack.',
  },
  {
    substance: snomed('387458008', 'Aspirin'),
    category: 'medication',
    manifestation: snomed('56018004', 'Wheezing'),
    mechanism: 'non_immune_mediated',
    criticality: 'low',
    description: 'Wheeze and a blocked nose an hour after aspirin for a headache.',
  },
  {
    substance: snomed('387494007', 'Codeine'),
    category: 'medication',
    manifestation: snomed('422587007', 'Nausea'),
    mechanism: 'non_immune_mediated',
    criticality: 'low',
    description: 'Marked nausea and dizziness after codeine for dental pain.',
  },
  {
    substance: snomed('111088007', 'Latex'),
    category: 'other',
    manifestation: snomed('271807003', 'Eruption of skin'),
    mechanism: 'immune_mediated',
    criticality: 'low',
    description: 'Red itchy rash on the hands after wearing latex gloves.',
  },
  {
    substance: snomed('735029006', 'Shellfish'),
    category: 'food',
    manifestation: snomed('422400008', 'Vomiting'),
    mechanism: 'immune_mediated',
    criticality: 'high',
    description: 'Vomiting and hives within half an hour of eating prawns.',
  },
];

/** Records made before this many days ago use the legacy v1 template (adverse reaction risk v1). */
export const legacyAllergyBeforeDays = 3 * 365;

const legacyTemplate = { id: 'docsy.allergy_record_legacy.v1', revision: '1.0.0' };
const currentTemplate = { id: 'docsy.allergy_record.v1', revision: '1.0.0' };

/**
 * Allergies: none to three per patient, recorded up to the patient's history length ago. Those
 * recorded more than three years ago use the legacy template (adverse reaction risk v1, status
 * codes), later ones the current one (v2, verification status and the reaction event cluster).
 * `patient@` always has one of each.
 */
export function allergyHistory(random: SeededRandom, history: PatientHistory): PlannedComposition[] {
  const demoLogin = history.patient === 'patient';
  const count = demoLogin ? 2 : random.pick([0, 0, 1, 1, 1, 2, 3]);
  return random.sample(allergens, count).map((allergen, i) => {
    const days =
      demoLogin && i === 0 ? legacyAllergyBeforeDays + 400 : demoLogin ? 200 : random.int(30, history.years * 365);
    const startTime = daysBefore(history.anchor, days, random.int(0, 7));
    const onset = dateOf(daysBefore(history.anchor, days + random.int(1, 30)));
    const author = random.pick([...history.doctors, ...history.nurses]);
    const legacy = days > legacyAllergyBeforeDays;
    const data = allergyData(random, allergen, { onset, recorded: dateOf(startTime) }, legacy);
    const body = compositionBody(legacy ? legacyTemplate : currentTemplate, startTime, [
      entry(
        'adverse_reaction_risk',
        `openEHR-EHR-EVALUATION.adverse_reaction_risk.${legacy ? 'v1' : 'v2'}`,
        legacy ? '1.0.0' : '2.0.0',
        data,
      ),
    ]);
    return { key: compositionKey(history, 'allergy', i), patient: history.patient, author, body, amendments: [] };
  });
}

function reactionEvent(random: SeededRandom, allergen: Allergen, onset: string): Record<string, unknown> {
  return {
    specific_substance: allergen.substance,
    certainty: local(random.pick(['likely', 'confirmed'])),
    manifestation: [allergen.manifestation],
    reaction_description: allergen.description,
    onset,
    severity: local(allergen.criticality === 'high' ? 'severe' : random.pick(['mild', 'moderate'])),
  };
}

/** What both revisions of the archetype record the same way. */
function sharedData(allergen: Allergen, recorded: string): Record<string, unknown> {
  return {
    substance: allergen.substance,
    criticality: local(allergen.criticality),
    category: local(allergen.category),
    reaction_mechanism: mechanism(allergen),
    last_updated: recorded,
    reaction_reported: false,
  };
}

/** The entry's data under v1 (status, events inside) or v2 (verification status, event cluster). */
function allergyData(
  random: SeededRandom,
  allergen: Allergen,
  dates: { onset: string; recorded: string },
  legacy: boolean,
): Record<string, unknown> {
  const event = reactionEvent(random, allergen, dates.onset);
  const revisionSpecific = legacy
    ? {
        status: local(random.pick(['suspected', 'likely', 'confirmed', 'confirmed'])),
        onset_of_last_reaction: dates.onset,
        reaction_event: [event],
      }
    : {
        verification_status: local(random.pick(['unconfirmed', 'confirmed', 'confirmed'])),
        active_inactive: local('active'),
        onset_of_first_reaction: { type: 'date_time', value: dates.onset },
        onset_of_last_reaction: { type: 'date_time', value: dates.onset },
        reaction_event: [
          { archetype: 'openEHR-EHR-CLUSTER.adverse_reaction_event.v1', revision: '1.0.0', data: event },
        ],
      };
  return { ...sharedData(allergen, dates.recorded), ...revisionSpecific };
}

function mechanism(allergen: Allergen) {
  return allergen.mechanism === 'immune_mediated'
    ? local('immune_mediated')
    : local('non_immune_mediated', 'Non-immune mediated');
}
