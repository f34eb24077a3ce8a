import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../../server/access/roles.js';
import { signedIn, signedInPatient, type SignedIn, type SignedInPatient } from './accounts.js';
import { careFor } from './care.js';
import { exampleOf } from './compositions.js';
import { samplePng } from './sample-files.js';

/** Who calls a route in the authorization matrix. */
export type Caller = 'anonymous' | Role;

export const callers: Caller[] = [
  'anonymous',
  'patient',
  'doctor',
  'nurse',
  'lab_technician',
  'pharmacist',
  'modeller',
  'admin',
];

/** Whose record a call concerns: the caller's own (a patient's own, a practitioner's patient in care) or another's. */
export type Whose = 'own' | 'other';

/** A template each role may read, and one it may author (or would, were it allowed to). */
const readable: Record<Caller, string> = {
  anonymous: 'docsy.vital_signs.v1',
  patient: 'docsy.vital_signs.v1',
  doctor: 'docsy.vital_signs.v1',
  nurse: 'docsy.vital_signs.v1',
  lab_technician: 'docsy.lab_report.v1',
  pharmacist: 'docsy.prescription.v1',
  modeller: 'docsy.vital_signs.v1',
  admin: 'docsy.vital_signs.v1',
};
const authorable: Record<Caller, string> = { ...readable, pharmacist: 'docsy.dispensation.v1' };

/** What a matrix request is built from: the caller, the record it concerns, and ways to add data to it. */
export interface MatrixContext {
  caller: Caller;
  headers: Record<string, string>;
  readable: string;
  authorable: string;
  /** The record concerned (created on first use). */
  record(): Promise<{ ehrId: string; patient: SignedInPatient }>;
  /** A new composition of `templateId` in the record, committed by someone allowed to. */
  composition(templateId: string): Promise<{ uid: string; versionUid: string; contributionId: string }>;
  /** A new open lab order on the record. */
  order(): Promise<string>;
  /** A new attachment (a PNG) in the record, uploaded by someone allowed to and not yet referenced. */
  attachment(): Promise<string>;
  /** A composition body of `templateId`. */
  body(templateId: string): Promise<Record<string, unknown>>;
}

/**
 * Builds matrix contexts: one signed-in user per role (reused), and for each call a fresh
 * patient record, in the caller's care when `whose` is `own`.
 *
 * @example
 * const contexts = await matrixContexts(app);
 * const context = await contexts.for('nurse', 'own');
 */
export async function matrixContexts(app: FastifyInstance) {
  const users = new Map<Caller, SignedIn>();
  for (const caller of callers) if (caller !== 'anonymous') users.set(caller, await signedIn(app, caller));
  const writer = await signedIn(app, 'doctor');
  const dispenser = await signedIn(app, 'pharmacist');

  return {
    async for(caller: Caller, whose: Whose): Promise<MatrixContext> {
      let made: Promise<{ ehrId: string; patient: SignedInPatient }> | undefined;
      let actor = users.get(caller);
      const record = () => {
        made ??= (async () => {
          const patient = await signedInPatient(app);
          await careFor(writer, patient);
          if (whose === 'own' && caller !== 'anonymous' && caller !== 'patient')
            await careFor(users.get(caller)!, patient);
          return { ehrId: patient.ehrId, patient };
        })();
        return made;
      };
      if (caller === 'patient' && whose === 'own') actor = (await record()).patient;
      const body = (templateId: string) => exampleOf(app, writer, templateId);
      const send = async (who: SignedIn, request: InjectOptions) => {
        const response = await app.inject({ ...request, headers: who.headers });
        if (response.statusCode >= 300) throw new Error(`setup ${request.url} failed: ${response.body}`);
        return response.json<Record<string, string>>();
      };
      return {
        caller,
        headers: actor?.headers ?? {},
        readable: readable[caller],
        authorable: authorable[caller],
        record,
        body,
        async composition(templateId) {
          const { ehrId } = await record();
          const author = templateId === 'docsy.dispensation.v1' ? dispenser : writer;
          const payload = await body(templateId);
          const url = `/api/ehr/${ehrId}/contributions`;
          const made = await send(author, {
            method: 'POST',
            url,
            payload: { versions: [{ changeType: 'creation', composition: payload }] },
          });
          const version = (made.versions as unknown as { uid: string; versionUid: string }[])[0]!;
          return { uid: version.uid, versionUid: version.versionUid, contributionId: made.contributionId! };
        },
        async attachment() {
          const { ehrId } = await record();
          const response = await app.inject({
            method: 'POST',
            url: `/api/ehr/${ehrId}/attachments?filename=scan.png`,
            headers: { ...writer.headers, 'content-type': 'image/png' },
            payload: samplePng(),
          });
          if (response.statusCode !== 201) throw new Error(`setup upload failed: ${response.body}`);
          return response.json<{ id: string }>().id;
        },
        async order() {
          const { ehrId } = await record();
          const payload = { kind: 'lab', description: 'Full blood count' };
          return (await send(writer, { method: 'POST', url: `/api/ehr/${ehrId}/orders`, payload })).id!;
        },
      };
    },
  };
}
