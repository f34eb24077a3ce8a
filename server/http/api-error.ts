import { problems, type ProblemCode } from './problems.js';

/** One failing field: `path` is a JSON Pointer into the request part (body, query or params). */
export interface FieldError {
  path: string;
  message: string;
}

export interface ApiErrorOptions {
  errors?: FieldError[];
  /** Response headers the problem needs, e.g. `Allow` for 405, `ETag` for 412. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error the API answers with a problem+json document. The only error class routes and
 * services throw for client-visible failures.
 *
 * @example
 * throw new ApiError('NOT_FOUND', `No EHR ${ehrId}`);
 * throw new ApiError('PRECONDITION_FAILED', 'The composition changed', { headers: { etag: `"${latest}"` } });
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ProblemCode, detail?: string, options: ApiErrorOptions = {}) {
    const { status, title } = problems[code];
    super(detail ?? title, { cause: options.cause });
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = detail ?? title;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}
