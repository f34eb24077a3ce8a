import { local, quantity } from './coded-text.js';
import { compositionBody, entry, type ContentEntry } from './composition-body.js';
import type { PlannedComposition } from './demo-plan.js';
import { daysBefore } from './demo-time.js';
import { compositionKey, type HistoryGenerator } from './patient-history.js';
import type { SeededRandom } from './seeded-random.js';

const template = { id: 'docsy.vital_signs.v1', revision: '1.0.0' };

/**
 * Vital signs series: a reading every few months over the whole history, blood pressure at each
 * (higher for a patient with hypertension) and temperature at about half (°C, now and then °F).
 */
export const vitalSignsHistory: HistoryGenerator = (random, history) => {
  const hypertensive = history.conditions.some((c) => c.condition.problem.code === '59621000');
  const count = history.years * random.int(2, 4);
  return Array.from({ length: count }, (_, i): PlannedComposition => {
    const days = Math.round(((count - i - random.next() * 0.8) / count) * history.years * 365) + 1;
    const startTime = daysBefore(history.anchor, days, random.int(0, 7), random.int(0, 59));
    const content: ContentEntry[] = [bloodPressure(random, hypertensive)];
    if (random.chance(0.5)) content.push(temperature(random));
    return {
      key: compositionKey(history, 'vitals', i),
      patient: history.patient,
      author: random.pick([...history.nurses, ...history.doctors]),
      body: compositionBody(template, startTime, content),
      amendments: [],
    };
  });
};

function bloodPressure(random: SeededRandom, hypertensive: boolean): ContentEntry {
  const systolic = random.int(hypertensive ? 132 : 105, hypertensive ? 168 : 138);
  const diastolic = random.int(hypertensive ? 82 : 64, hypertensive ? 102 : 88);
  return entry('blood_pressure', 'openEHR-EHR-OBSERVATION.blood_pressure.v2', '2.0.0', {
    systolic: quantity(systolic, 'mm[Hg]'),
    diastolic: quantity(diastolic, 'mm[Hg]'),
    position: local(random.pick(['sitting', 'sitting', 'lying', 'standing'])),
    location_of_measurement: local(random.pick(['left_arm', 'right_arm'])),
    method: local(random.pick(['machine', 'machine', 'auscultation'])),
  });
}

function temperature(random: SeededRandom): ContentEntry {
  const celsius = random.decimal(36.1, random.chance(0.15) ? 39.4 : 37.4, 1);
  const fahrenheit = random.chance(0.1);
  return entry('body_temperature', 'openEHR-EHR-OBSERVATION.body_temperature.v2', '2.0.0', {
    temperature: fahrenheit
      ? quantity(Math.round(((celsius * 9) / 5) * 10 + 320) / 10, '[degF]')
      : quantity(celsius, 'Cel'),
    location_of_measurement: local(random.pick(['ear_canal', 'mouth', 'axilla', 'forehead'])),
  });
}
