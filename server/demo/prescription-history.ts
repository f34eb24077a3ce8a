import { local, quantity, snomed } from './coded-text.js';
import { compositionBody, entry } from './composition-body.js';
import type { Medication } from './conditions.js';
import type { PlannedComposition } from './demo-plan.js';
import { dateOf, daysBefore } from './demo-time.js';
import { compositionKey, type HistoryGenerator, type PatientHistory } from './patient-history.js';
import type { SeededRandom } from './seeded-random.js';

const prescriptionTemplate = { id: 'docsy.prescription.v1', revision: '1.0.0' };
const dispensationTemplate = { id: 'docsy.dispensation.v1', revision: '1.0.0' };

const routes = {
  oral: snomed('26643006', 'Oral route'),
  inhaled: snomed('447694001', 'Respiratory tract route'),
};

/** Days between repeat prescriptions of a long-term medicine. */
const repeatEveryDays = 180;

/**
 * Prescriptions and what the pharmacy dispensed: a course for a short illness at diagnosis; for a
 * long-term condition a prescription at diagnosis and a repeat every six months. The latest repeat
 * of a medicine with a review is amended (a new version with the new dose). Each prescription is
 * dispensed a day or two later by a pharmacist (a dispensation naming the prescription's uid).
 */
export const prescriptionHistory: HistoryGenerator = (random, history) => {
  const planned: PlannedComposition[] = [];
  for (const { condition, onsetDays } of history.conditions) {
    const medication = condition.medication;
    if (!medication) continue;
    const issueDays = condition.chronic ? repeatDays(onsetDays - 7) : [onsetDays - 1];
    issueDays.forEach((days, i) => {
      const latest = i === issueDays.length - 1;
      const prescription = plannedPrescription(
        random,
        history,
        medication,
        days,
        condition.problem.value,
        planned.length,
      );
      if (latest && medication.review && days > 30) {
        const reviewed = { ...medication, dose: medication.review.dose, directions: medication.review.directions };
        const reviewedAt = daysBefore(history.anchor, days - 28, random.int(0, 7));
        prescription.amendments.push({
          author: prescription.author,
          body: prescriptionBody(reviewed, reviewedAt, condition.problem.value, prescription.key),
          reason: medication.review.reason,
        });
      }
      planned.push(prescription);
      if (days > 2 || random.chance(0.5))
        planned.push(plannedDispensation(random, history, medication, days, prescription));
    });
  }
  return planned;
};

/** Issue days of a long-term medicine: from `firstDays` ago, every six months, the last within six months. */
function repeatDays(firstDays: number): number[] {
  const days: number[] = [];
  for (let d = firstDays; d > 0; d -= repeatEveryDays) days.push(d);
  return days;
}

function plannedPrescription(
  random: SeededRandom,
  history: PatientHistory,
  medication: Medication,
  days: number,
  indication: string,
  index: number,
): PlannedComposition {
  const key = compositionKey(history, 'prescription', index);
  const startTime = daysBefore(history.anchor, days, random.int(0, 7), random.int(0, 59));
  return {
    key,
    patient: history.patient,
    author: random.pick(history.doctors),
    body: prescriptionBody(medication, startTime, indication, key),
    amendments: [],
  };
}

function prescriptionBody(medication: Medication, startTime: string, indication: string, key: string) {
  const start = dateOf(startTime);
  const course = medication.days ?? repeatEveryDays;
  return compositionBody(prescriptionTemplate, startTime, [
    entry('medication_order', 'openEHR-EHR-INSTRUCTION.medication_order.v3', '3.0.0', {
      medication_item: medication.item,
      route: [routes[medication.route]],
      overall_directions_description: medication.directions,
      dose_and_timing: [
        {
          dose: medication.dose,
          frequency: quantity(medication.perDay, '/d'),
          ...(medication.days ? { direction_duration: `P${medication.days}D` } : {}),
        },
      ],
      clinical_indication: [indication],
      order_start: start,
      ...(medication.days
        ? { order_stop: dateOf(new Date(Date.parse(startTime) + course * 86_400_000).toISOString()) }
        : {}),
      dispense: {
        substitution: local('permitted'),
        dispense_amount: medication.dispense,
        number_of_repeats: medication.days ? 0 : 5,
      },
      order_identifier: [{ id: `RX-${key.replaceAll('/', '-')}`, issuer: 'Docsy Demo Clinic' }],
    }),
  ]);
}

function plannedDispensation(
  random: SeededRandom,
  history: PatientHistory,
  medication: Medication,
  prescribedDays: number,
  prescription: PlannedComposition,
): PlannedComposition {
  const days = Math.max(prescribedDays - random.int(0, 2), 1);
  const startTime = daysBefore(history.anchor, days, random.int(2, 7), random.int(0, 59));
  const body = compositionBody(dispensationTemplate, startTime, [
    entry('dispensing', 'openEHR-EHR-ACTION.medication.v1', '1.0.0', {
      careflow_step: local('dispensed'),
      medication_item: medication.item,
      order_identifier: { id: '00000000-0000-4000-8000-000000000000', issuer: 'Docsy', type: 'composition' },
      amount_dispensed: medication.dispense.unit === '{inhaler}' ? quantity(1, '{pack}') : medication.dispense,
      substituted: false,
    }),
  ]);
  return {
    key: `${prescription.key}/dispensation`,
    patient: history.patient,
    author: random.pick(history.pharmacists),
    body,
    amendments: [],
    link: { to: prescription.key, path: ['content', 0, 'data', 'order_identifier', 'id'] },
  };
}
