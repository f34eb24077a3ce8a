import { allergyHistory } from './allergy-history.js';
import { demoAppointments, demoAvailability } from './appointment-plan.js';
import { acuteConditions, chronicConditions } from './conditions.js';
import { demoAccounts, demoPatientCount, patientKey } from './demo-accounts.js';
import type { DemoPlan, PlannedComposition, PlannedOrder } from './demo-plan.js';
import { anchorDay } from './demo-time.js';
import { imagingHistory } from './imaging-history.js';
import { labHistory } from './lab-history.js';
import type { HistoryGenerator, PatientHistory } from './patient-history.js';
import { prescriptionHistory } from './prescription-history.js';
import { problemHistory } from './problem-history.js';
import { procedureHistory } from './procedure-history.js';
import { SeededRandom } from './seeded-random.js';
import { vitalSignsHistory } from './vital-signs-history.js';

/** The seed of the demo data set: change it and every name and value changes. */
export const demoSeed = 20260301;

const generators: Record<string, HistoryGenerator> = {
  allergies: allergyHistory,
  problems: problemHistory,
  prescriptions: prescriptionHistory,
  procedures: procedureHistory,
  labs: labHistory,
  imaging: imagingHistory,
  vitals: vitalSignsHistory,
};

const doctors = ['doctor', 'doctor2', 'doctor3', 'doctor4', 'doctor5'];
const nurses = ['nurse', 'nurse2', 'nurse3'];

/**
 * Generates the demo data set for the day of `now`: accounts, every patient's multi-year history
 * (every shipped template), availability and appointments, and open orders. Pure and deterministic: the same
 * seed and day give the same plan.
 *
 * @example
 * const plan = generateDemoPlan(new Date());
 * plan.compositions.length; // about two thousand
 */
export function generateDemoPlan(now: Date, seed = demoSeed): DemoPlan {
  const anchor = anchorDay(now);
  const random = new SeededRandom(seed);
  const accounts = demoAccounts(random.fork('accounts'));
  const compositions: PlannedComposition[] = [];
  for (let i = 1; i <= demoPatientCount; i++) {
    const patient = patientKey(i);
    const history = patientHistory(random.fork(patient), patient, anchor);
    for (const [kind, generate] of Object.entries(generators)) {
      compositions.push(...generate(random.fork(`${patient}/${kind}`), history));
    }
  }
  return {
    seed,
    anchorDate: anchor.toISOString().slice(0, 10),
    accounts,
    compositions,
    availability: demoAvailability(),
    appointments: demoAppointments(random.fork('appointments'), anchor),
    orders: openOrders(),
  };
}

function patientHistory(random: SeededRandom, patient: string, anchor: Date): PatientHistory {
  const years = patient === 'patient' ? 6 : random.int(2, 8);
  const span = years * 365;
  const chronic =
    patient === 'patient'
      ? chronicConditions.slice(0, 2)
      : random.sample(chronicConditions, random.pick([0, 1, 1, 2, 3]));
  const acute = random.sample(acuteConditions, patient === 'patient' ? 2 : random.int(0, 3));
  return {
    patient,
    anchor,
    years,
    // doctor2@ has never seen patient2@, so the care-relationship rule shows.
    doctors: patient === 'patient2' ? doctors.filter((d) => d !== 'doctor2') : doctors,
    nurses,
    labTechnicians: ['lab', 'lab2'],
    pharmacists: ['pharmacist'],
    conditions: [
      ...chronic.map((condition) => ({ condition, onsetDays: random.int(Math.round(span * 0.5), span) })),
      ...acute.map((condition) => ({ condition, onsetDays: random.int(45, span) })),
    ],
  };
}

/** An open lab order for patient@ (so lab@ may open the record) and an imaging order for patient 3. */
function openOrders(): PlannedOrder[] {
  return [
    { patient: 'patient', orderedBy: 'doctor', kind: 'lab', description: 'Full blood count' },
    { patient: patientKey(3), orderedBy: 'doctor', kind: 'imaging', description: 'Chest X-ray, two views' },
  ];
}
