import { loinc, local, quantity } from './coded-text.js';
import { compositionBody, entry } from './composition-body.js';
import type { PlannedComposition } from './demo-plan.js';
import { daysBefore, minutesAfter } from './demo-time.js';
import { plannedAttachment, reportPdf } from './demo-files.js';
import { compositionKey, type HistoryGenerator } from './patient-history.js';
import type { SeededRandom } from './seeded-random.js';

const template = { id: 'docsy.lab_report.v1', revision: '1.0.0' };

interface Analyte {
  name: ReturnType<typeof loinc>;
  unit: string;
  low: number;
  high: number;
  decimals: number;
  /** Values outside low..high by this factor are critical. */
  critical?: { low?: number; high?: number };
}

/** The full blood count panel: adult reference ranges with UCUM units. */
export const bloodCountAnalytes: Analyte[] = [
  {
    name: loinc('718-7', 'Hemoglobin [Mass/volume] in Blood'),
    unit: 'g/dL',
    low: 12,
    high: 16.5,
    decimals: 1,
    critical: { low: 7 },
  },
  {
    name: loinc('6690-2', 'Leukocytes [#/volume] in Blood by Automated count'),
    unit: '10*9/L',
    low: 4,
    high: 11,
    decimals: 1,
    critical: { low: 1, high: 30 },
  },
  {
    name: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count'),
    unit: '10*9/L',
    low: 150,
    high: 400,
    decimals: 0,
    critical: { low: 50 },
  },
  {
    name: loinc('789-8', 'Erythrocytes [#/volume] in Blood by Automated count'),
    unit: '10*12/L',
    low: 4,
    high: 5.5,
    decimals: 2,
  },
  {
    name: loinc('4544-3', 'Hematocrit [Volume Fraction] of Blood by Automated count'),
    unit: '%',
    low: 36,
    high: 50,
    decimals: 1,
  },
  { name: loinc('787-2', 'MCV [Entitic volume] by Automated count'), unit: 'fL', low: 80, high: 100, decimals: 0 },
  { name: loinc('785-6', 'MCH [Entitic mass] by Automated count'), unit: 'pg', low: 27, high: 33, decimals: 1 },
  {
    name: loinc('751-8', 'Neutrophils [#/volume] in Blood by Automated count'),
    unit: '10*9/L',
    low: 2,
    high: 7.5,
    decimals: 1,
  },
  {
    name: loinc('731-0', 'Lymphocytes [#/volume] in Blood by Automated count'),
    unit: '10*9/L',
    low: 1,
    high: 4,
    decimals: 1,
  },
];

/**
 * Full blood count reports, every year or so: each analyte with its unit, normal range and
 * interpretation flag. Roughly one result in six is out of range (low or high), and a few are
 * critical, so the demo shows flags.
 */
export const labHistory: HistoryGenerator = (random, history) => {
  const count = Math.max(1, Math.round(history.years * random.decimal(0.6, 1.2, 2)));
  return Array.from({ length: count }, (_, i): PlannedComposition => {
    const days = Math.round(((i + random.next()) / count) * history.years * 365) + 2;
    const sampled = daysBefore(history.anchor, days, random.int(0, 3), random.int(0, 59));
    const reported = minutesAfter(sampled, random.int(90, 300));
    const results = bloodCountAnalytes.map((analyte) => analyteResult(random, analyte));
    const abnormal = results.filter((r) => r.code !== 'normal').map((r) => r.label);
    const conclusion =
      abnormal.length === 0 ? 'Full blood count within normal limits.' : `Abnormal: ${abnormal.join(', ')}.`;
    const labId = `H-${history.patient}-${i + 1}`;
    // The most recent report (i = 0) carries the laboratory's signed original as a PDF.
    const original = i === 0 ? originalReport(labId, sampled, results, conclusion) : undefined;
    const body = compositionBody(template, reported, [
      entry('laboratory_test_result', 'openEHR-EHR-OBSERVATION.laboratory_test_result.v1', '1.0.0', {
        test_name: loinc('58410-2', 'CBC panel - Blood by Automated count'),
        specimen_type: 'Venous blood (EDTA)',
        overall_test_status: local('final'),
        overall_test_status_timestamp: reported,
        diagnostic_service_category: 'Haematology',
        test_result: results.map((r) => ({
          archetype: 'openEHR-EHR-CLUSTER.laboratory_test_analyte.v1',
          revision: '1.0.0',
          data: r.data,
        })),
        conclusion,
        laboratory_internal_identifier: { id: labId, issuer: 'Docsy Demo Laboratory' },
        ...(original ? { original_report: [original.value] } : {}),
      }),
    ]);
    return {
      key: compositionKey(history, 'lab', i),
      patient: history.patient,
      author: random.pick(history.labTechnicians),
      body,
      amendments: [],
      ...(original ? { files: [original.file] } : {}),
    };
  });
};

function originalReport(
  labId: string,
  sampled: string,
  results: ReturnType<typeof analyteResult>[],
  conclusion: string,
) {
  const lines = results.map(({ label, data }) => {
    const { magnitude, unit } = data.analyte_result.value;
    const { low, high } = data.normal_range;
    return `${label}: ${magnitude} ${unit}  (${low.magnitude}-${high.magnitude})  ${data.interpretation.value}`;
  });
  const pdf = reportPdf([
    'Docsy Demo Laboratory: full blood count',
    `Specimen ${labId}, venous blood (EDTA), taken ${sampled.slice(0, 16).replace('T', ' ')} UTC`,
    ...lines,
    conclusion,
    'Authorised electronically. Synthetic demo data.',
  ]);
  return plannedAttachment(pdf, 'application/pdf', `${labId}.pdf`, ['content', 0, 'data', 'original_report', 0]);
}

const interpretationLabels: Record<string, string> = {
  normal: 'Normal',
  low: 'Low',
  high: 'High',
  critically_low: 'Critically low',
  critically_high: 'Critically high',
};

function analyteResult(random: SeededRandom, analyte: Analyte) {
  const span = analyte.high - analyte.low;
  const roll = random.next();
  let value: number;
  if (roll < 0.08) value = random.decimal(analyte.low - span * 0.3, analyte.low, analyte.decimals);
  else if (roll < 0.16) value = random.decimal(analyte.high, analyte.high + span * 0.3, analyte.decimals);
  else if (roll < 0.18 && analyte.critical?.low !== undefined)
    value = analyte.critical.low * random.decimal(0.7, 0.95, 2);
  else value = random.decimal(analyte.low + span * 0.05, analyte.high - span * 0.05, analyte.decimals);
  value = Number(Math.max(value, 0.1).toFixed(analyte.decimals));
  const code = flag(value, analyte);
  const label = analyte.name.value.split(' [')[0]!;
  return {
    code,
    label,
    data: {
      analyte_name: analyte.name,
      analyte_result: { type: 'quantity', value: quantity(value, analyte.unit) },
      normal_range: { low: quantity(analyte.low, analyte.unit), high: quantity(analyte.high, analyte.unit) },
      interpretation: local(code, interpretationLabels[code]),
      result_status: local('final'),
    },
  };
}

function flag(value: number, analyte: Analyte): string {
  if (analyte.critical?.low !== undefined && value < analyte.critical.low) return 'critically_low';
  if (analyte.critical?.high !== undefined && value > analyte.critical.high) return 'critically_high';
  if (value < analyte.low) return 'low';
  if (value > analyte.high) return 'high';
  return 'normal';
}
