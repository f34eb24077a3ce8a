import ical, { type ICalCalendar } from 'ical-generator';
import type { AppointmentRow } from './appointment-repository.js';
import type { MedicationTiming } from './medication-orders.js';
import { reminderOccurrences } from './reminder-schedule.js';

/** How long a medication reminder lasts in the calendar. */
const reminderMinutes = 15;

/** What one account's feed holds. */
export interface FeedContent {
  accountId: string;
  /** Booked appointments the account takes part in. */
  appointments: AppointmentRow[];
  /** The patient's active scheduled doses, with the prescription each came from. */
  medications: { prescriptionUid: string; timing: MedicationTiming }[];
}

/**
 * The iCalendar document of an account's feed, built with `ical-generator`: each booked
 * appointment as an event in UTC (for a patient titled with the practitioner's name, for the
 * practitioner with the patient's; location the slot's), and each scheduled dose as a recurring
 * floating-time event (08:00 wherever the patient is) with an RRULE until the order ends. Event
 * UIDs are stable, so calendar apps update events rather than duplicate them.
 *
 * @example
 * const text = calendarFeed({ accountId, appointments, medications }).toString();
 */
export function calendarFeed(content: FeedContent): ICalCalendar {
  const calendar = ical({ name: 'Docsy', prodId: { company: 'Docsy', product: 'calendar feed', language: 'EN' } });
  for (const appointment of content.appointments) {
    const asPatient = appointment.patient_id === content.accountId;
    calendar.createEvent({
      id: `appointment-${appointment.id}@docsy`,
      start: appointment.starts_at,
      end: appointment.ends_at,
      summary: asPatient
        ? `Appointment with ${appointment.practitioner_name}`
        : `Appointment: ${appointment.patient_name}`,
      location: appointment.location,
    });
  }
  for (const { prescriptionUid, timing } of content.medications) {
    reminderOccurrences(timing).forEach((occurrence, index) => {
      calendar.createEvent({
        id: `medication-${prescriptionUid}-${timing.key}-${index}@docsy`,
        start: occurrence.first,
        end: occurrence.first.plus({ minutes: reminderMinutes }),
        floating: true,
        summary: `Take ${timing.medication}${timing.dose ? `: ${timing.dose}` : ''}`,
        ...(timing.directions ? { description: timing.directions } : {}),
        repeating: {
          freq: occurrence.freq,
          interval: occurrence.interval,
          ...(occurrence.byDay ? { byDay: occurrence.byDay } : {}),
          ...(timing.until ? { until: timing.until } : {}),
        },
      });
    });
  }
  return calendar;
}
