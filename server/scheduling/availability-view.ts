import type { Availability, AvailabilityInput } from './availability.js';
import { zonedIso } from './zoned-time.js';

/**
 * An availability as the API answers it: exceptions' instants in ISO 8601, extra hours with the
 * offset of their zone, leave in UTC.
 *
 * @example
 * return availabilityView(await loadAvailability(db, practitionerId));
 */
export function availabilityView(availability: Availability): AvailabilityInput {
  return {
    rules: availability.rules,
    exceptions: availability.exceptions.map((exception) => {
      const zone = exception.kind === 'extra' ? exception.timeZone : 'UTC';
      return { ...exception, start: zonedIso(exception.start, zone), end: zonedIso(exception.end, zone) };
    }),
  };
}
