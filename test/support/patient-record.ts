import type { FastifyInstance } from 'fastify';
import { signedIn, signedInPatient, type SignedIn, type SignedInPatient } from './accounts.js';
import { careFor } from './care.js';
import { commit, committedIds, exampleOf, type Chart } from './compositions.js';

/** A patient with a few entries in their record, and the doctor who recorded them. */
export interface PatientRecord {
  patient: SignedInPatient;
  doctor: SignedIn;
  chart: Chart;
  /** The allergy record (amended once, so its history has two versions). */
  allergyUid: string;
}

/**
 * A fresh patient in a fresh doctor's care with an allergy record (amended once), a vital signs
 * encounter and a prescription with no stop date, each the template's example composition.
 *
 * @example
 * const { patient, doctor, allergyUid } = await patientRecord(app);
 */
export async function patientRecord(
  app: FastifyInstance,
  names: { patient?: string; doctor?: string } = {},
): Promise<PatientRecord> {
  const patient = await signedInPatient(app, { name: names.patient ?? 'Pat Record' });
  const doctor = await signedIn(app, 'doctor', { name: names.doctor ?? 'Dr Ada Example' });
  await careFor(doctor, patient);
  const chart: Chart = { ehrId: patient.ehrId, clinician: doctor, base: `/api/ehr/${patient.ehrId}` };
  const allergy = committedIds(await commit(app, chart, await exampleOf(app, doctor, 'docsy.allergy_record.v1')));
  const amendment = await exampleOf(app, doctor, 'docsy.allergy_record.v1');
  const amended = await app.inject({
    method: 'PUT',
    url: `${chart.base}/compositions/${allergy.uid}?reason=Reaction%20confirmed`,
    headers: { ...doctor.headers, 'if-match': `"${allergy.versionUid}"` },
    payload: amendment,
  });
  if (amended.statusCode !== 200) throw new Error(`amend failed: ${amended.statusCode} ${amended.body}`);
  await commit(app, chart, await exampleOf(app, doctor, 'docsy.vital_signs.v1'));
  const prescription = (await exampleOf(app, doctor, 'docsy.prescription.v1')) as { content: { data: object }[] };
  for (const line of prescription.content) delete (line.data as { order_stop?: string }).order_stop; // still taken
  await commit(app, chart, prescription);
  return { patient, doctor, chart, allergyUid: allergy.uid };
}
