import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileSignature, signatureHeadLength, signatureTailLength } from '../../../server/documents/file-signature.js';
import { legacyAllergyBeforeDays } from '../../../server/demo/allergy-history.js';
import { demoLogins } from '../../../server/demo/demo-accounts.js';
import type { PlannedComposition } from '../../../server/demo/demo-plan.js';
import { generateDemoPlan } from '../../../server/demo/generate-demo-plan.js';
import { compositionValidators } from '../../../server/knowledge/composition-validators.js';
import { loadShippedKnowledge } from '../../../server/knowledge/shipped-knowledge.js';
import { archetypeCodeLabels } from '../../support/archetype-labels.js';

const catalog = await loadShippedKnowledge();
const loadDay = new Date('2026-11-26T20:44:00Z');
const plan = generateDemoPlan(loadDay);

/** Every version a planned composition commits: the creation, then each amendment. */
const versions = (c: PlannedComposition) => [c.body, ...c.amendments.map((a) => a.body)];
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

test('every demo composition and amendment validates against the template revision it names', () => {
  let checked = 0;
  for (const composition of plan.compositions) {
    for (const body of versions(composition)) {
      const form = catalog.form(body.template.id, body.template.revision);
      assert.ok(form, `${composition.key}: ${body.template.id} ${body.template.revision} is shipped`);
      assert.equal(compositionValidators.validate(form!, body), [], composition.key);
      checked++;
    }
  }
  assert.ok(checked > 2000, `${checked} versions checked`);
});

test('every shipped template has demo compositions', () => {
  const used = new Set(plan.compositions.map((c) => c.body.template.id));
  for (const template of catalog.allTemplates()) assert.ok(used.has(template.id), `${template.id} has demo data`);
});

test('every local code carries the label its archetype gives it', () => {
  const labels = archetypeCodeLabels();
  const wrong: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const value = node as Record<string, unknown>;
    if (value.terminology === 'local' && !labels.get(String(value.code))?.has(String(value.value)))
      wrong.push(`${String(value.code)}: ${String(value.value)}`);
    Object.values(value).forEach(walk);
  };
  plan.compositions.forEach((c) => walk(versions(c)));
  assert.equal([...new Set(wrong)], []);
});

test('the same day gives the same data set; another day the same people and histories, dated later', () => {
  assert.is(digest(generateDemoPlan(new Date('2026-11-26T08:00:00Z'))), digest(plan));
  const nextDay = generateDemoPlan(new Date('2026-11-27T08:00:00Z'));
  assert.is.not(digest(nextDay), digest(plan));
  assert.equal(nextDay.accounts, plan.accounts);
  assert.is(nextDay.compositions.length, plan.compositions.length);
  const shift =
    Date.parse(nextDay.compositions[0]!.body.context.startTime) -
    Date.parse(plan.compositions[0]!.body.context.startTime);
  assert.is(shift, 86_400_000);
});

test('the demo logins, 50 patients with birth dates, and more practitioners', () => {
  const emails = plan.accounts.map((a) => a.email);
  for (const login of demoLogins) assert.ok(emails.includes(login.email), login.email);
  assert.is(new Set(emails).size, emails.length, 'emails are unique');
  const patients = plan.accounts.filter((a) => a.roles.includes('patient'));
  assert.is(patients.length, 50);
  assert.ok(patients.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate ?? '')));
  assert.ok(plan.accounts.filter((a) => a.roles.includes('doctor')).length >= 4);
});

test('every entry is dated before the day the data is loaded', () => {
  const late = plan.compositions
    .flatMap(versions)
    .filter((body) => body.context.startTime >= '2026-11-26T00:00:00.000Z');
  assert.equal(late, []);
});

test('allergies: the legacy v1 template for old records, v2 for later ones; patient@ has both', () => {
  const allergies = plan.compositions.filter((c) => c.body.template.id.startsWith('docsy.allergy_record'));
  const cutoff = new Date(Date.parse('2026-11-26') - legacyAllergyBeforeDays * 86_400_000).toISOString();
  for (const allergy of allergies) {
    const legacy = allergy.body.template.id === 'docsy.allergy_record_legacy.v1';
    assert.is(allergy.body.context.startTime < cutoff, legacy, allergy.key);
  }
  const mine = allergies
    .filter((c) => c.patient === 'patient')
    .map((c) => c.body.template.id)
    .sort();
  assert.equal(mine, ['docsy.allergy_record.v1', 'docsy.allergy_record_legacy.v1']);
});

test('histories span years, prescriptions are amended, problems resolve, labs carry abnormal flags', () => {
  const times = plan.compositions
    .filter((c) => c.patient === 'patient')
    .map((c) => Date.parse(c.body.context.startTime));
  assert.ok((Math.max(...times) - Math.min(...times)) / (365 * 86_400_000) > 3, 'patient@ has years of history');
  const amended = plan.compositions.filter((c) => c.amendments.length > 0);
  assert.ok(amended.some((c) => c.body.template.id === 'docsy.prescription.v1'));
  const problems = plan.compositions.filter((c) => c.body.template.id === 'docsy.problem_list_entry.v1');
  const status = (body: PlannedComposition['body']) => (body.content[0]!.data.active_inactive as { code: string }).code;
  assert.ok(problems.some((c) => c.amendments.length === 0 && status(c.body) === 'active'));
  assert.ok(problems.some((c) => status(c.amendments.at(-1)?.body ?? c.body) === 'inactive'));
  const flags = new Set(
    plan.compositions
      .filter((c) => c.body.template.id === 'docsy.lab_report.v1')
      .flatMap((c) =>
        (c.body.content[0]!.data.test_result as { data: { interpretation: { code: string } } }[]).map(
          (r) => r.data.interpretation.code,
        ),
      ),
  );
  for (const code of ['normal', 'low', 'high']) assert.ok(flags.has(code), `some analytes are ${code}`);
});

test('dispensations name a prescription of the same patient for the same medicine', () => {
  const byKey = new Map(plan.compositions.map((c) => [c.key, c]));
  const dispensations = plan.compositions.filter((c) => c.body.template.id === 'docsy.dispensation.v1');
  assert.ok(dispensations.length > 0);
  for (const dispensation of dispensations) {
    const prescription = byKey.get(dispensation.link!.to)!;
    assert.is(prescription.patient, dispensation.patient);
    assert.equal(
      prescription.body.content[0]!.data.medication_item,
      dispensation.body.content[0]!.data.medication_item,
    );
  }
});

test('doctor@ has appointments with patient@ past and upcoming; doctor2@ has none with patient2@', () => {
  const anchor = '2026-11-26T00:00:00.000Z';
  const between = (practitioner: string, patient: string) =>
    plan.appointments.filter((a) => a.practitioner === practitioner && a.patient === patient).map((a) => a.start);
  const doctorAndPatient = between('doctor', 'patient');
  assert.ok(doctorAndPatient.filter((start) => start < anchor).length >= 2, 'past appointments');
  assert.ok(doctorAndPatient.filter((start) => start > anchor).length >= 1, 'upcoming appointments');
  assert.equal(between('doctor2', 'patient2'), []);
  assert.ok(plan.appointments.some((a) => a.practitioner === 'doctor2'));
  assert.not.ok(plan.compositions.some((c) => c.patient === 'patient2' && c.author === 'doctor2'));
  const practitioners = plan.availability.map((a) => a.practitioner);
  for (const key of ['doctor', 'doctor2', 'nurse']) assert.ok(practitioners.includes(key), `${key} has availability`);
});

test('appointments sit on weekday slots, and nobody is booked twice at once', () => {
  const seen = new Set<string>();
  for (const appointment of plan.appointments) {
    const start = new Date(appointment.start);
    assert.ok(start.getUTCDay() >= 1 && start.getUTCDay() <= 5, `${appointment.start} is a weekday`);
    assert.is(start.getUTCMinutes() % 20, 0);
    for (const who of [appointment.practitioner, appointment.patient]) {
      assert.not.ok(seen.has(`${who} ${appointment.start}`), `${who} at ${appointment.start}`);
      seen.add(`${who} ${appointment.start}`);
    }
  }
});

test('attachments: every file is a PDF or PNG by its bytes, and the composition names its size and SHA-256', () => {
  const withFiles = plan.compositions.filter((c) => c.files?.length);
  assert.ok(withFiles.some((c) => c.body.template.id === 'docsy.imaging_report.v1'));
  assert.ok(withFiles.some((c) => c.body.template.id === 'docsy.lab_report.v1'));
  for (const composition of withFiles) {
    for (const file of composition.files!) {
      const bytes = Buffer.from(file.content, 'base64');
      const signature = fileSignature(
        bytes.subarray(0, signatureHeadLength),
        bytes.subarray(Math.max(0, bytes.length - signatureTailLength)),
      );
      assert.is(signature.kind, 'accepted', file.name);
      let value: unknown = composition.body;
      for (const step of file.path) value = (value as Record<string | number, unknown>)[step];
      const expected = { mediaType: (signature as { mediaType: string }).mediaType, size: bytes.length };
      assert.equal(
        { mediaType: (value as typeof expected).mediaType, size: (value as typeof expected).size },
        expected,
      );
      assert.is((value as { sha256: string }).sha256, createHash('sha256').update(bytes).digest('hex'));
    }
  }
});

test.run();
