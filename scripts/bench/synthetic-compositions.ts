/**
 * Synthetic compositions for the benchmark and `npm run explain:ehr`: copies of the shipped
 * templates' examples, each with its own start time, some measurements varied, and allergies to
 * many substances (penicillin for one allergy in 20, half of those active), so that an
 * archetype-path query finds a realistic share of them. Synthetic data only.
 */

/** A client's composition: `{template, context, content}` as `POST …/compositions` takes it. */
export type CompositionBody = Record<string, unknown>;

/** The templates the data set uses, and how many of every 20 compositions each gets. */
export const benchTemplates = [
  { id: 'docsy.vital_signs.v1', share: 8 },
  { id: 'docsy.lab_report.v1', share: 4 },
  { id: 'docsy.problem_list_entry.v1', share: 3 },
  { id: 'docsy.prescription.v1', share: 3 },
  { id: 'docsy.allergy_record.v1', share: 2 },
] as const;

export type BenchTemplateId = (typeof benchTemplates)[number]['id'];

/** SNOMED CT's penicillin: the substance the benchmark's archetype-path query looks for. */
export const penicillin = '764146007';

const slots: BenchTemplateId[] = benchTemplates.flatMap(({ id, share }) => Array<BenchTemplateId>(share).fill(id));

/**
 * The template of the `n`th composition of the data set (a fixed mix: 40 % vital signs, 20 %
 * lab reports, 15 % problems, 15 % prescriptions, 10 % allergies).
 *
 * @example
 * templateOfComposition(0); // 'docsy.vital_signs.v1'
 */
export function templateOfComposition(n: number): BenchTemplateId {
  return slots[n % slots.length]!;
}

/**
 * A copy of a template's example as the `n`th composition: its own start time (spread over five
 * years from 2021), and for allergies its own substance and status.
 *
 * @example
 * const body = syntheticComposition(examples['docsy.allergy_record.v1'], 19);
 */
export function syntheticComposition(example: CompositionBody, n: number): CompositionBody {
  const copy = structuredClone(example);
  const start = new Date(Date.UTC(2021, 0, 1) + (n % 1800) * 86_400_000 + (n % 997) * 60_000);
  (copy.context as Record<string, unknown>).startTime = start.toISOString();
  const entry = (copy.content as { data: Record<string, unknown> }[])[0]!;
  if (entry.data.substance) varyAllergy(entry.data, ordinalOfItsTemplate(n));
  if (isQuantity(entry.data.systolic)) entry.data.systolic.magnitude = 100 + (n % 60);
  return copy;
}

/** How many compositions of the same template come before the `n`th. */
function ordinalOfItsTemplate(n: number): number {
  const template = templateOfComposition(n);
  const inCycle = slots.slice(0, n % slots.length).filter((id) => id === template).length;
  return Math.floor(n / slots.length) * slots.filter((id) => id === template).length + inCycle;
}

function varyAllergy(data: Record<string, unknown>, allergy: number): void {
  if (allergy % 20 !== 0) {
    const substance = allergy % 500;
    data.substance = { code: `${100000 + substance}`, terminology: 'SNOMED-CT', value: `Substance ${substance}` };
  }
  if (allergy % 40 === 20) data.active_inactive = { code: 'inactive', terminology: 'local', value: 'Inactive' };
}

function isQuantity(value: unknown): value is { magnitude: number } {
  return typeof value === 'object' && value !== null && 'magnitude' in value;
}
