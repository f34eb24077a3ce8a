import type { FastifyInstance } from 'fastify';
import { weekdays, type AvailabilityInput } from '../../server/scheduling/availability.js';
import { signedIn, type SignedIn } from './accounts.js';

/** Every day 08:00–18:00 UTC in 30-minute slots, at "Room 1". */
export const everyDay: AvailabilityInput = {
  rules: weekdays.map((weekday) => ({
    weekday,
    start: '08:00',
    end: '18:00',
    slotMinutes: 30,
    location: 'Room 1',
    timeZone: 'UTC',
  })),
  exceptions: [],
};

/**
 * A signed-in doctor whose availability is `availability` (every day 08:00–18:00 UTC by default).
 *
 * @example
 * const doctor = await bookableDoctor(app);
 * await app.inject({ url: `/api/practitioners/${doctor.user.id}/slots`, headers: patient.headers });
 */
export async function bookableDoctor(
  app: FastifyInstance,
  availability: AvailabilityInput = everyDay,
  options: { name?: string } = {},
): Promise<SignedIn> {
  const doctor = await signedIn(app, 'doctor', options);
  const response = await app.inject({
    method: 'PUT',
    url: '/api/practitioners/me/availability',
    headers: doctor.headers,
    payload: availability,
  });
  if (response.statusCode !== 200) throw new Error(`availability not set: ${response.body}`);
  return doctor;
}

/**
 * `days` days from today at `time` UTC, as ISO 8601 the way slots are shown (`…T10:00:00+00:00`):
 * a slot start of {@link everyDay}.
 *
 * @example
 * const start = daysAhead(1, '10:00'); // tomorrow 10:00 UTC
 */
export function daysAhead(days: number, time: string): string {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return `${date}T${time}:00+00:00`;
}

/**
 * Books `start` with `practitionerId` as `patient` (a patient booking for themselves).
 *
 * @example
 * const response = await book(app, patient, doctor.user.id, daysAhead(1, '10:00'));
 */
export function book(app: FastifyInstance, patient: SignedIn, practitionerId: string, start: string, reason?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/appointments',
    headers: patient.headers,
    payload: { practitionerId, start, ...(reason ? { reason } : {}) },
  });
}

/**
 * The free slot starts of a practitioner in a window, as `GET /api/practitioners/{id}/slots` lists them.
 *
 * @example
 * const starts = await freeStarts(app, patient, doctor.user.id, daysAhead(1, '00:00'), daysAhead(2, '00:00'));
 */
export async function freeStarts(
  app: FastifyInstance,
  who: SignedIn,
  practitionerId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const response = await app.inject({
    url: `/api/practitioners/${practitionerId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    headers: who.headers,
  });
  if (response.statusCode !== 200) throw new Error(`slots: ${response.body}`);
  return response.json<{ items: { start: string }[] }>().items.map((slot) => slot.start);
}
