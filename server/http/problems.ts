/**
 * Every error the API returns, declared once: code, HTTP status and title. Routes throw
 * `new ApiError(code, detail)`; the error handler turns it into `application/problem+json`.
 * A capability adds its own codes here (e.g. `STALE_VERSION`) rather than inventing ad-hoc
 * statuses. The problem `type` is derived from the code, see {@link problemType}.
 */
export const problems = {
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  INVALID_JSON: { status: 400, title: 'Malformed JSON body' },
  INVALID_REQUEST: { status: 400, title: 'Invalid request parameters' },
  UNAUTHORIZED: { status: 401, title: 'Authentication required' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  CONFLICT: { status: 409, title: 'Conflict' },
  SLOT_TAKEN: { status: 409, title: 'The slot is taken' },
  PATIENT_DOUBLE_BOOKED: { status: 409, title: 'The patient has another appointment at that time' },
  APPOINTMENT_CLOSED: { status: 409, title: 'The appointment is cancelled or has begun' },
  GONE: { status: 410, title: 'Gone' },
  PRECONDITION_FAILED: { status: 412, title: 'Precondition failed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  URI_TOO_LONG: { status: 414, title: 'URI too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  VALIDATION_FAILED: { status: 422, title: 'Validation failed' },
  INCOMPLETE_FILE: { status: 422, title: 'Incomplete file' },
  NOT_A_SLOT: { status: 422, title: "Not one of the practitioner's slots" },
  SLOT_IN_PAST: { status: 422, title: 'The slot is in the past' },
  SLOT_BEYOND_HORIZON: { status: 422, title: 'The slot is beyond the booking horizon' },
  PRECONDITION_REQUIRED: { status: 428, title: 'Precondition required' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request headers too large' },
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
  INTEGRITY_CHECK_FAILED: { status: 500, title: 'Stored data failed its integrity check' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problems;

const problemTypeBase = 'https://docsy.dev/problems/';

/**
 * The stable `type` URI of a problem code.
 *
 * @example
 * problemType('NOT_FOUND'); // 'https://docsy.dev/problems/not-found'
 */
export function problemType(code: ProblemCode): string {
  return problemTypeBase + code.toLowerCase().replaceAll('_', '-');
}

/** The generic code for a status that a third-party plugin reports (e.g. 401 from @fastify/jwt). */
export function problemCodeForStatus(status: number): ProblemCode {
  const known = (Object.keys(problems) as ProblemCode[]).find((code) => problems[code].status === status);
  if (known) return known;
  return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
}
