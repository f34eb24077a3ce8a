/**
 * The shapes of the record, patient and access answers the pages read (SPEC §3), as `DocsyApi`
 * returns them.
 */

/** A page of a list: `{items, next?}`; pass `next` as `cursor` for the next page. */
export interface ListPage<T> {
  items: T[];
  next?: string;
}

/** A composition in a list (`GET /api/ehr/{ehr_id}/compositions`): its current version. */
export interface CompositionSummary {
  uid: string;
  versionUid: string;
  template: { id: string; revision: string };
  category: string;
  startTime: string;
  composer: { id: string; name: string };
  committedAt: string;
  restricted: boolean;
}

/** `GET /api/ehr/{ehr_id}`: the EHR's status and its current compositions counted per template. */
export interface EhrSummary {
  ehrId: string;
  isQueryable: boolean;
  isModifiable: boolean;
  compositionCount: number;
  templates: { id: string; count: number }[];
  lastCommittedAt?: string;
}

/** A template in `GET /api/templates`. */
export interface TemplateSummary {
  id: string;
  revision: string;
  title: string;
  category: 'event' | 'persistent';
  authorRoles: string[];
  lifecycle: string;
}

/** A patient as practitioners find them (`GET /api/patients?q=`, `GET /api/patients/{id}`). */
export interface PatientSummary {
  /** The patient's account id. */
  id: string;
  name: string;
  birthDate: string | null;
  ehrId: string;
}

/** One entry of a record's access log (`GET /api/ehr/{ehr_id}/access-log`). */
export interface AccessLogEntry {
  at: string;
  actor: { id: string; name: string; role: string | null } | null;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  resource?: string;
  /** Set when the event happened under break-glass, or is the break-glass itself. */
  breakGlassReason?: string;
}

/** A person in access-control answers. */
export interface Person {
  id: string;
  name: string;
  roles: string[];
}

/** `GET`/`PUT …/compositions/{uuid}/restriction`. */
export interface Restriction {
  uid: string;
  restricted: boolean;
  allowed: Person[];
}

/** `POST /api/ehr/{ehr_id}/break-glass`: the emergency access opened. */
export interface BreakGlassAccess {
  id: string;
  ehrId: string;
  reason: string;
  startedAt: string;
  expiresAt: string;
}

/** An order (`GET /api/orders`: the lab's worklist). */
export interface Order {
  id: string;
  ehrId: string;
  kind: 'lab' | 'imaging';
  description: string;
  status: 'open' | 'fulfilled' | 'cancelled';
  orderedBy: { id: string; name: string };
  orderedAt: string;
  patient: { id: string; name: string };
}

/** `POST /api/query`: an AQL answer. */
export interface QueryResult {
  columns: { name: string; path: string }[];
  rows: unknown[][];
  more: boolean;
}

/** A practitioner who can be booked (`GET /api/practitioners`). */
export type Practitioner = Person;

/** A free slot (`GET /api/practitioners/{id}/slots`), in the offset of the practitioner's zone. */
export interface Slot {
  start: string;
  end: string;
  location: string;
}

/** An appointment (`GET /api/appointments`, docs/scheduling.md). */
export interface Appointment {
  id: string;
  practitionerId: string;
  practitionerName: string;
  patientId: string;
  patientName: string;
  ehrId: string;
  start: string;
  end: string;
  location: string;
  status: 'booked' | 'cancelled';
  reason: string | null;
  bookedAt: string;
  rescheduleReason?: string;
  cancelReason?: string;
}
