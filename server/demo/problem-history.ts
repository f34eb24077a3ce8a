import { local } from './coded-text.js';
import { compositionBody, entry } from './composition-body.js';
import type { PlannedComposition } from './demo-plan.js';
import { dateOf, daysBefore } from './demo-time.js';
import { compositionKey, type HistoryGenerator } from './patient-history.js';

const template = { id: 'docsy.problem_list_entry.v1', revision: '1.0.0' };

/**
 * The problem list: one entry per condition, recorded at diagnosis. A long-term condition stays
 * active; a short illness is recorded active and then amended to resolved a few weeks later, so
 * its history shows both versions.
 */
export const problemHistory: HistoryGenerator = (random, history) =>
  history.conditions.map(({ condition, onsetDays }, i): PlannedComposition => {
    const recorded = daysBefore(history.anchor, onsetDays - 3, random.int(0, 7));
    const author = random.pick(history.doctors);
    const data = (active: boolean): Record<string, unknown> => ({
      problem_diagnosis_name: condition.problem,
      clinical_description: condition.description,
      date_time_of_onset: dateOf(daysBefore(history.anchor, onsetDays)),
      date_time_clinically_recognised: dateOf(recorded),
      severity: local(condition.severity),
      diagnostic_certainty: local('confirmed'),
      active_inactive: local(active ? 'active' : 'inactive'),
      ...(active ? {} : resolution(history.anchor, onsetDays)),
      last_updated: dateOf(active ? recorded : daysBefore(history.anchor, onsetDays - 21)),
    });
    const body = (active: boolean, startTime: string) =>
      compositionBody(template, startTime, [
        entry('problem_diagnosis', 'openEHR-EHR-EVALUATION.problem_diagnosis.v1', '1.0.0', data(active)),
      ]);
    const resolvedAt = daysBefore(history.anchor, Math.max(onsetDays - 21, 1), random.int(0, 7));
    return {
      key: compositionKey(history, 'problem', i),
      patient: history.patient,
      author,
      body: body(true, recorded),
      amendments: condition.chronic ? [] : [{ author, body: body(false, resolvedAt), reason: 'Resolved' }],
    };
  });

function resolution(anchor: Date, onsetDays: number): Record<string, unknown> {
  return {
    date_time_of_resolution: dateOf(daysBefore(anchor, Math.max(onsetDays - 18, 1))),
    resolution_phase: local('resolved'),
  };
}
