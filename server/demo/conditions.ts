import { snomed, type CodedText } from './coded-text.js';

/** A medicine as the demo prescribes it: one line of a prescription. */
export interface Medication {
  item: CodedText;
  route: 'oral' | 'inhaled';
  dose: { magnitude: number; unit: string };
  perDay: number;
  /** Course length for an acute illness; none for a long-term medicine. */
  days?: number;
  directions: string;
  dispense: { magnitude: number; unit: string };
  /** Long-term medicines: the dose after a review, amending the prescription. */
  review?: { dose: { magnitude: number; unit: string }; directions: string; reason: string };
}

/** A problem a demo patient has, and what is done about it. */
export interface Condition {
  problem: CodedText;
  chronic: boolean;
  description: string;
  severity: 'mild' | 'moderate' | 'severe';
  medication?: Medication;
}

const oral = (days: number | undefined, dose: number, unit: string, perDay: number, form: string) => ({
  dose: { magnitude: dose, unit },
  perDay,
  ...(days ? { days } : {}),
  dispense: { magnitude: days ? days * perDay : 28 * perDay, unit: form },
});

/** Long-term conditions: active for years, with a repeat medicine reviewed now and then. */
export const chronicConditions: Condition[] = [
  {
    problem: snomed('59621000', 'Essential hypertension'),
    chronic: true,
    severity: 'moderate',
    description: 'Raised clinic readings on three visits, confirmed by home monitoring. No end-organ damage.',
    medication: {
      item: snomed('386864001', 'Amlodipine'),
      route: 'oral',
      ...oral(undefined, 5, 'mg', 1, '{tablet}'),
      directions: 'Take ONE tablet each morning.',
      review: {
        dose: { magnitude: 10, unit: 'mg' },
        directions: 'Take ONE 10 mg tablet each morning.',
        reason: 'Dose increased: home readings still above target',
      },
    },
  },
  {
    problem: snomed('44054006', 'Diabetes mellitus type 2'),
    chronic: true,
    severity: 'moderate',
    description: 'HbA1c 58 mmol/mol at diagnosis; overweight; no retinopathy at first screening.',
    medication: {
      item: snomed('372567009', 'Metformin'),
      route: 'oral',
      ...oral(undefined, 500, 'mg', 2, '{tablet}'),
      directions: 'Take ONE tablet twice a day with breakfast and the evening meal.',
      review: {
        dose: { magnitude: 1000, unit: 'mg' },
        directions: 'Take ONE 1 g tablet twice a day with meals.',
        reason: 'Dose increased: HbA1c above target, tolerating metformin well',
      },
    },
  },
  {
    problem: snomed('13644009', 'Hypercholesterolemia'),
    chronic: true,
    severity: 'mild',
    description: 'Total cholesterol 7.1 mmol/L; ten-year cardiovascular risk above 10 %.',
    medication: {
      item: snomed('373444002', 'Atorvastatin'),
      route: 'oral',
      ...oral(undefined, 20, 'mg', 1, '{tablet}'),
      directions: 'Take ONE tablet at night.',
    },
  },
  {
    problem: snomed('40930008', 'Hypothyroidism'),
    chronic: true,
    severity: 'mild',
    description: 'Tiredness and weight gain; TSH raised with a low free T4.',
    medication: {
      item: snomed('710809001', 'Levothyroxine'),
      route: 'oral',
      ...oral(undefined, 50, 'ug', 1, '{tablet}'),
      directions: 'Take ONE tablet each morning, 30 minutes before breakfast.',
      review: {
        dose: { magnitude: 75, unit: 'ug' },
        directions: 'Take ONE 75 microgram tablet each morning before breakfast.',
        reason: 'Dose increased: TSH still raised at six weeks',
      },
    },
  },
  {
    problem: snomed('195967001', 'Asthma'),
    chronic: true,
    severity: 'mild',
    description: 'Wheeze and night cough since childhood, worse with colds and pollen.',
    medication: {
      item: snomed('372897005', 'Salbutamol'),
      route: 'inhaled',
      dose: { magnitude: 2, unit: '{puff}' },
      perDay: 4,
      directions: 'Inhale TWO puffs when needed for wheeze, up to four times a day.',
      dispense: { magnitude: 1, unit: '{inhaler}' },
    },
  },
  {
    problem: snomed('396275006', 'Osteoarthritis'),
    chronic: true,
    severity: 'moderate',
    description: 'Knee pain on walking, worse on stairs; X-ray shows joint space narrowing.',
    medication: {
      item: snomed('387517004', 'Paracetamol'),
      route: 'oral',
      ...oral(undefined, 1, 'g', 4, '{tablet}'),
      directions: 'Take TWO 500 mg tablets up to four times a day when needed for pain.',
      dispense: { magnitude: 100, unit: '{tablet}' },
    },
  },
  {
    problem: snomed('235595009', 'Gastroesophageal reflux disease'),
    chronic: true,
    severity: 'mild',
    description: 'Heartburn after meals and at night, relieved by antacids.',
    medication: {
      item: snomed('387137007', 'Omeprazole'),
      route: 'oral',
      ...oral(undefined, 20, 'mg', 1, '{capsule}'),
      directions: 'Take ONE capsule each morning before breakfast.',
    },
  },
];

/** Short illnesses: treated, then resolved. */
export const acuteConditions: Condition[] = [
  {
    problem: snomed('385093006', 'Community acquired pneumonia'),
    chronic: false,
    severity: 'moderate',
    description: 'Fever, productive cough and crackles at the right base; consolidation on chest X-ray.',
    medication: {
      item: snomed('372687004', 'Amoxicillin'),
      route: 'oral',
      ...oral(7, 500, 'mg', 3, '{capsule}'),
      directions: 'Take ONE capsule THREE times a day for 7 days. Finish the course.',
    },
  },
  {
    problem: snomed('36971009', 'Sinusitis'),
    chronic: false,
    severity: 'mild',
    description: 'Facial pain and purulent nasal discharge for ten days.',
    medication: {
      item: snomed('372478003', 'Doxycycline'),
      route: 'oral',
      ...oral(7, 100, 'mg', 1, '{capsule}'),
      directions: 'Take ONE capsule daily for 7 days with a full glass of water, sitting upright.',
    },
  },
  {
    problem: snomed('68566005', 'Urinary tract infectious disease'),
    chronic: false,
    severity: 'mild',
    description: 'Dysuria and frequency for two days; urine dipstick positive for nitrites.',
    medication: {
      item: snomed('372602008', 'Metronidazole'),
      route: 'oral',
      ...oral(5, 400, 'mg', 2, '{tablet}'),
      directions: 'Take ONE tablet twice a day for 5 days. Avoid alcohol.',
    },
  },
  {
    problem: snomed('10509002', 'Acute bronchitis'),
    chronic: false,
    severity: 'mild',
    description: 'Cough for two weeks after a cold; chest clear apart from scattered wheeze.',
  },
  {
    problem: snomed('6142004', 'Influenza'),
    chronic: false,
    severity: 'moderate',
    description: 'Sudden fever, muscle aches and dry cough during the winter outbreak.',
    medication: {
      item: snomed('387207008', 'Ibuprofen'),
      route: 'oral',
      ...oral(5, 400, 'mg', 3, '{tablet}'),
      directions: 'Take ONE tablet three times a day with food for up to 5 days.',
    },
  },
  {
    problem: snomed('85189001', 'Acute appendicitis'),
    chronic: false,
    severity: 'severe',
    description: 'Right iliac fossa pain, fever and raised white cell count; appendix removed the same day.',
  },
];
