import type { Role } from '../access/roles.js';
import type { CompositionBody } from '../knowledge/example-composition.js';
import type { AvailabilityInput } from '../scheduling/availability.js';
import type { PlannedFile } from './demo-files.js';

/** An account of the demo data set. `key` names it inside the plan. */
export interface PlannedAccount {
  key: string;
  email: string;
  name: string;
  roles: Role[];
  /** Patients only. */
  birthDate?: string;
}

/** A later version of a planned composition. */
export interface PlannedAmendment {
  author: string;
  body: CompositionBody;
  reason: string;
}

/** A composition of a patient's history, as committed by its author, with its later versions. */
export interface PlannedComposition {
  /** Unique within the plan, e.g. `patient-07/prescription/2`. */
  key: string;
  /** The patient's account key. */
  patient: string;
  /** The committing practitioner's account key. */
  author: string;
  body: CompositionBody;
  amendments: PlannedAmendment[];
  /**
   * Where the body names another composition of the plan by its uid (a dispensation names its
   * prescription): the loader writes the uid the server gave that composition at this path.
   */
  link?: { to: string; path: (string | number)[] };
  /** Files to store in the patient's record before the composition that references them is committed. */
  files?: PlannedFile[];
}

/** An appointment, booked through scheduling (which also records the care relationship). */
export interface PlannedAppointment {
  practitioner: string;
  patient: string;
  /** The slot's start, ISO 8601. */
  start: string;
  reason: string;
}

/** A practitioner's weekly availability. */
export interface PlannedAvailability {
  practitioner: string;
  availability: AvailabilityInput;
}

/** An open lab or imaging order, which lets lab technicians open the patient's record. */
export interface PlannedOrder {
  patient: string;
  orderedBy: string;
  kind: 'lab' | 'imaging';
  description: string;
}

/** Everything the demo data set holds, generated without a database (and the same on every run for one day). */
export interface DemoPlan {
  seed: number;
  /** The day histories are dated from, `YYYY-MM-DD`. */
  anchorDate: string;
  accounts: PlannedAccount[];
  compositions: PlannedComposition[];
  availability: PlannedAvailability[];
  appointments: PlannedAppointment[];
  orders: PlannedOrder[];
}
