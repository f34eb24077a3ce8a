import { local, snomed, type CodedText } from './coded-text.js';
import { compositionBody, entry } from './composition-body.js';
import type { PlannedComposition } from './demo-plan.js';
import { daysBefore, minutesAfter } from './demo-time.js';
import { compositionKey, type HistoryGenerator } from './patient-history.js';

const template = { id: 'docsy.procedure_record.v1', revision: '1.0.0' };

interface Procedure {
  name: CodedText;
  description: string;
  type: string;
  minutes: number;
  outcome: string;
}

const procedures: Procedure[] = [
  {
    name: snomed('29303009', 'Electrocardiographic procedure'),
    description: '12-lead resting ECG.',
    type: 'Diagnostic',
    minutes: 10,
    outcome: 'Sinus rhythm, rate 72; no ischaemic changes.',
  },
  {
    name: snomed('127783003', 'Spirometry'),
    description: 'Spirometry before and after salbutamol.',
    type: 'Diagnostic',
    minutes: 30,
    outcome: 'FEV1/FVC 0.68 with 14 % reversibility, in keeping with asthma.',
  },
  {
    name: snomed('80146002', 'Appendectomy'),
    description: 'Laparoscopic appendicectomy through three ports; inflamed appendix sent for histology.',
    type: 'Surgical',
    minutes: 50,
    outcome: 'Uncomplicated; discharged home the next day.',
  },
  {
    name: snomed('73761001', 'Colonoscopy'),
    description: 'Colonoscopy to the caecum under sedation.',
    type: 'Diagnostic',
    minutes: 35,
    outcome: 'One 4 mm polyp removed; otherwise normal.',
  },
  {
    name: snomed('44558001', 'Repair of inguinal hernia'),
    description: 'Open mesh repair of a right inguinal hernia under general anaesthesia.',
    type: 'Surgical',
    minutes: 60,
    outcome: 'Uncomplicated; day case.',
  },
];

/**
 * Procedures: none to two per patient, performed (a few only planned, in the recent past, to show
 * the care-flow step).
 */
export const procedureHistory: HistoryGenerator = (random, history) => {
  const count = history.patient === 'patient' ? 2 : random.pick([0, 1, 1, 2]);
  return random.sample(procedures, count).map((procedure, i): PlannedComposition => {
    const days = random.int(10, history.years * 365);
    const start = daysBefore(history.anchor, days, random.int(0, 7), random.int(0, 59));
    const planned = random.chance(0.15);
    const data: Record<string, unknown> = {
      careflow_step: local(planned ? 'planned' : 'performed'),
      procedure_name: procedure.name,
      description: procedure.description,
      ...(planned
        ? { scheduled_date_time: start }
        : {
            start_date_time: start,
            end_date_time: minutesAfter(start, procedure.minutes),
            total_duration: `PT${procedure.minutes}M`,
            outcome: [procedure.outcome],
          }),
      procedure_type: procedure.type,
    };
    return {
      key: compositionKey(history, 'procedure', i),
      patient: history.patient,
      author: random.pick([...history.doctors, ...history.nurses]),
      body: compositionBody(template, start, [entry('procedure', 'openEHR-EHR-ACTION.procedure.v1', '1.0.0', data)]),
      amendments: [],
    };
  });
};
