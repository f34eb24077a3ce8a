import type { Generated } from 'kysely';

/** One weekly rule of a practitioner's availability, in local time of its zone. */
export interface AvailabilityRuleTable {
  id: string;
  practitioner_id: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM`, local time in `time_zone`. */
  start_time: string;
  end_time: string;
  slot_minutes: number;
  location: string;
  /** IANA time zone, e.g. `Europe/London`. */
  time_zone: string;
}

/** Leave (removes time) or extra hours (adds slots) of a practitioner, as absolute instants. */
export interface AvailabilityExceptionTable {
  id: string;
  practitioner_id: string;
  kind: 'leave' | 'extra';
  starts_at: Date;
  ends_at: Date;
  /** Extra hours only. */
  slot_minutes: number | null;
  location: string | null;
  time_zone: string | null;
  reason: string | null;
}

/** A booked (or cancelled) appointment; never two booked ones overlapping per practitioner or patient. */
export interface AppointmentTable {
  id: string;
  practitioner_id: string;
  patient_id: string;
  ehr_id: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  /** The zone of the slot it was booked in: start and end are shown with its offset. */
  time_zone: string;
  status: Generated<'booked' | 'cancelled'>;
  reason: string | null;
  booked_by: string;
  booked_at: Generated<Date>;
  rescheduled_at: Date | null;
  reschedule_reason: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

export interface SchedulingTables {
  availability_rule: AvailabilityRuleTable;
  availability_exception: AvailabilityExceptionTable;
  appointment: AppointmentTable;
}
