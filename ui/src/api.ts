/**
 * A typed client for the Docsy REST API (SPEC §3). Every call sends the bearer token when one is
 * given; every error answer (application/problem+json, docs/api-errors.md) is thrown as an
 * `ApiProblem`, and a server that cannot be reached as an `ApiProblem` with status 0.
 *
 * @example
 * const api = new DocsyApi({ token: () => session.accessToken });
 * const form = await api.formDefinition('docsy.vital_signs.v1');
 */
import type { CompositionBody, FieldError, FormDefinition, StoredComposition } from './form/form-definition.js';
import type {
  AccessLogEntry,
  BreakGlassAccess,
  CompositionSummary,
  EhrSummary,
  ListPage,
  Order,
  PatientSummary,
  Appointment,
  Practitioner,
  QueryResult,
  Slot,
  Restriction,
  TemplateSummary,
} from './record-types.js';

/** A problem document (RFC 9457) the API answered, as an error. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The problem type URI (`https://docsy.dev/problems/validation-failed`). */
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** Every failing field, for validation problems. */
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** The response headers (`ETag` of a 412, `Retry-After` of a 429). */
  readonly headers: Headers;

  constructor(status: number, body: Partial<ProblemDocument>, headers = new Headers()) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.status = status;
    this.type = body.type ?? 'about:blank';
    this.title = body.title ?? '';
    this.detail = body.detail ?? '';
    this.errors = body.errors ?? [];
    this.requestId = body.requestId;
    this.headers = headers;
  }

  /** The type's last segment (`validation-failed`), the stable thing to branch on. */
  get slug(): string {
    return this.type.slice(this.type.lastIndexOf('/') + 1);
  }
}

interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors: FieldError[];
}

/** One concept of a terminology value set (`GET /api/terminology/{valueSet}?q=`). */
export interface TerminologyConcept {
  code: string;
  display: string;
  codeSystem: string;
}

/** A stored file, as an attachment value references it (docs/modelling.md, "Data types"). */
export interface AttachmentValue {
  id: string;
  mediaType: string;
  size: number;
  sha256: string;
  name?: string;
}

/** What a commit answers: the version id (`ETag`) and where the composition lives. */
export interface CommitResult {
  versionUid: string;
  location: string | undefined;
  composition: StoredComposition | undefined;
}

/** One version in a composition's history, with its audit details. */
export interface VersionSummary {
  /** The version number n of `{uuid}::{system}::{n}`. */
  version: number;
  versionUid: string;
  changeType: string;
  /** `deleted` for the tombstone a deletion writes. */
  lifecycle: 'complete' | 'deleted';
  committer: { id: string; name: string };
  committedAt: string;
  template: { id: string; revision: string };
  contributionId: string;
  reason?: string;
}

/** One version with its composition as committed (null for a deletion). */
export interface VersionEntry extends VersionSummary {
  composition: StoredComposition | null;
}

/** Why a change is made, recorded with its version. */
export interface ChangeOptions {
  reason?: string;
  /** For an amendment: `amendment` (new or changed content, the default) or `modification` (a correction). */
  changeType?: 'amendment' | 'modification';
}

export interface DocsyApiOptions {
  /** Prefix of every path; '' (same origin) by default. */
  baseUrl?: string;
  /** The current access token, asked for on every call. */
  token?: () => string | undefined;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | undefined>;

export class DocsyApi {
  readonly #baseUrl: string;
  readonly #token: () => string | undefined;
  readonly #fetch: typeof fetch;

  constructor(options: DocsyApiOptions = {}) {
    this.#baseUrl = options.baseUrl ?? '';
    this.#token = options.token ?? (() => undefined);
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Signs in (`POST /api/auth/login`): the access token to send, and the refresh token. */
  login(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; refreshToken: string; user: { id: string; name: string; roles: string[] } }> {
    return this.json('POST', '/api/auth/login', { body: { email, password } });
  }

  /** The resolved form definition of a template (the latest released revision, or the one named). */
  formDefinition(templateId: string, revision?: string): Promise<FormDefinition> {
    return this.json('GET', `/api/templates/${encodeURIComponent(templateId)}/form`, { query: { revision } });
  }

  /** A valid example composition of a template. */
  exampleComposition(templateId: string, revision?: string): Promise<CompositionBody> {
    return this.json('GET', `/api/templates/${encodeURIComponent(templateId)}/example`, { query: { revision } });
  }

  /** Concepts of a value set matching what was typed. */
  async searchTerminology(valueSet: string, q: string, signal?: AbortSignal): Promise<TerminologyConcept[]> {
    const page = await this.json<{ items: TerminologyConcept[] }>(
      'GET',
      `/api/terminology/${encodeURIComponent(valueSet)}`,
      { query: { q, limit: 20 }, signal },
    );
    return page.items;
  }

  /** Commits a new composition to an EHR. */
  async createComposition(ehrId: string, body: CompositionBody, options: ChangeOptions = {}): Promise<CommitResult> {
    const response = await this.send('POST', `/api/ehr/${encodeURIComponent(ehrId)}/compositions`, {
      body,
      query: { reason: options.reason },
    });
    return commitResult(response);
  }

  /** Amends a composition; `versionUid` is the version being amended (`If-Match`; 412 when it is not the latest). */
  async amendComposition(
    ehrId: string,
    uuid: string,
    versionUid: string,
    body: CompositionBody,
    options: ChangeOptions = {},
  ): Promise<CommitResult> {
    const response = await this.send('PUT', compositionPath(ehrId, uuid), {
      body,
      query: { reason: options.reason, changeType: options.changeType },
      headers: { 'if-match': `"${versionUid}"` },
    });
    return commitResult(response);
  }

  /** Deletes a composition (a tombstone version; the history stays readable). */
  async deleteComposition(ehrId: string, uuid: string, versionUid: string, options: ChangeOptions = {}): Promise<void> {
    await this.send('DELETE', compositionPath(ehrId, uuid), {
      query: { reason: options.reason },
      headers: { 'if-match': `"${versionUid}"` },
    });
  }

  /** The latest version of a composition (a bare uuid) or an exact version (a version id). */
  composition(ehrId: string, uid: string): Promise<StoredComposition> {
    return this.json('GET', compositionPath(ehrId, uid));
  }

  /** Every version of a composition, oldest first, with its audit details. */
  compositionVersions(ehrId: string, uuid: string): Promise<VersionSummary[]> {
    return this.#everyPage((cursor) =>
      this.json('GET', `${compositionPath(ehrId, uuid)}/versions`, { query: { limit: 500, cursor } }),
    );
  }

  /** Version n of a composition: its audit details and its composition as committed. */
  compositionVersion(ehrId: string, uuid: string, version: number): Promise<VersionEntry> {
    return this.json('GET', `${compositionPath(ehrId, uuid)}/versions/${version}`);
  }

  /** Uploads a file to an EHR (the raw file as the body); the answer is the attachment value a composition references. */
  uploadAttachment(ehrId: string, file: File, signal?: AbortSignal): Promise<AttachmentValue> {
    return this.json('POST', `/api/ehr/${encodeURIComponent(ehrId)}/attachments`, {
      query: { filename: file.name },
      rawBody: file,
      headers: { 'content-type': file.type || 'application/octet-stream' },
      signal,
    });
  }

  /** The EHR's status and its current compositions counted per template (`GET /api/ehr/{ehr_id}`). */
  ehrSummary(ehrId: string): Promise<EhrSummary> {
    return this.json('GET', `/api/ehr/${encodeURIComponent(ehrId)}`);
  }

  /** Every current composition of an EHR matching the filters, newest first across pages. */
  async compositions(
    ehrId: string,
    filter: { template?: string; category?: 'event' | 'persistent' } = {},
  ): Promise<CompositionSummary[]> {
    return this.#everyPage((cursor) =>
      this.json('GET', `/api/ehr/${encodeURIComponent(ehrId)}/compositions`, {
        query: { ...filter, limit: 500, cursor },
      }),
    );
  }

  /** A template file as published: which archetypes fill its slots. */
  templateFile(id: string): Promise<{ id: string; revision: string; slots: { archetype: string }[] }> {
    return this.json('GET', `/api/templates/${encodeURIComponent(id)}`);
  }

  /** The latest revision of every template. */
  templates(): Promise<TemplateSummary[]> {
    return this.#everyPage((cursor) => this.json('GET', '/api/templates', { query: { limit: 500, cursor } }));
  }

  /** Whether a composition is restricted, and who still sees it (the patient only). */
  restriction(ehrId: string, uuid: string): Promise<Restriction> {
    return this.json('GET', `${compositionPath(ehrId, uuid)}/restriction`);
  }

  /** Restricts a composition from practitioners, or frees it (the patient only). */
  restrict(ehrId: string, uuid: string, restricted: boolean): Promise<Restriction> {
    return this.json('PUT', `${compositionPath(ehrId, uuid)}/restriction`, { body: { restricted } });
  }

  /** One page of who read or changed a record, newest first (the patient only). */
  accessLog(ehrId: string, cursor?: string): Promise<ListPage<AccessLogEntry>> {
    return this.json('GET', `/api/ehr/${encodeURIComponent(ehrId)}/access-log`, { query: { limit: 100, cursor } });
  }

  /** Emergency access to a record, with the reason the patient will read. */
  breakGlass(ehrId: string, reason: string): Promise<BreakGlassAccess> {
    return this.json('POST', `/api/ehr/${encodeURIComponent(ehrId)}/break-glass`, { body: { reason } });
  }

  /** Patients whose name, birth date or email matches (practitioners). */
  searchPatients(q: string): Promise<ListPage<PatientSummary>> {
    return this.json('GET', '/api/patients', { query: { q, limit: 20 } });
  }

  /** One patient by account id (practitioners). */
  patient(id: string): Promise<PatientSummary> {
    return this.json('GET', `/api/patients/${encodeURIComponent(id)}`);
  }

  /** An archetype-path query over the compositions the caller may read (docs/query.md). */
  query(q: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    return this.json('POST', '/api/query', { body: { q, params, fetch: 1000 } });
  }

  /** A record's orders with a status (the open ones by default), newest first. */
  async orders(ehrId: string, status: Order['status'] = 'open'): Promise<Order[]> {
    return this.#everyPage((cursor) =>
      this.json('GET', `/api/ehr/${encodeURIComponent(ehrId)}/orders`, { query: { status, limit: 500, cursor } }),
    );
  }

  /** A doctor orders a lab test or an imaging study for the patient. */
  placeOrder(ehrId: string, order: { kind: Order['kind']; description: string }): Promise<Order> {
    return this.json('POST', `/api/ehr/${encodeURIComponent(ehrId)}/orders`, { body: order });
  }

  /** Closes an open order as fulfilled or cancelled. */
  closeOrder(ehrId: string, orderId: string, status: 'fulfilled' | 'cancelled'): Promise<Order> {
    return this.json('POST', `/api/ehr/${encodeURIComponent(ehrId)}/orders/${encodeURIComponent(orderId)}/close`, {
      body: { status },
    });
  }

  /** Every practitioner who can be booked, by name. */
  practitioners(): Promise<Practitioner[]> {
    return this.#everyPage((cursor) => this.json('GET', '/api/practitioners', { query: { limit: 500, cursor } }));
  }

  /** A practitioner's free slots starting in `[from, to)` (at most 62 days). */
  async slots(practitionerId: string, from: Date, to: Date): Promise<Slot[]> {
    const page = await this.json<ListPage<Slot>>(
      'GET',
      `/api/practitioners/${encodeURIComponent(practitionerId)}/slots`,
      {
        query: { from: from.toISOString(), to: to.toISOString() },
      },
    );
    return page.items;
  }

  /** The caller's appointments (as patient or practitioner) in a window, by start. */
  appointments(filter: { from?: Date; to?: Date; status?: 'booked' | 'cancelled' }): Promise<Appointment[]> {
    const query = { from: filter.from?.toISOString(), to: filter.to?.toISOString(), status: filter.status };
    return this.#everyPage((cursor) =>
      this.json('GET', '/api/appointments', { query: { ...query, limit: 500, cursor } }),
    );
  }

  /** Books a free slot: a patient names the practitioner (409 when someone was quicker). */
  book(booking: { practitionerId: string; start: string; reason?: string }): Promise<Appointment> {
    return this.json('POST', '/api/appointments', { body: booking });
  }

  /** Cancels an appointment, with a reason; the slot is free again. */
  cancelAppointment(id: string, reason: string): Promise<Appointment> {
    return this.json('POST', `/api/appointments/${encodeURIComponent(id)}/cancel`, { body: { reason } });
  }

  /** Moves an appointment to another free slot of the same practitioner, with a reason. */
  rescheduleAppointment(id: string, start: string, reason: string): Promise<Appointment> {
    return this.json('POST', `/api/appointments/${encodeURIComponent(id)}/reschedule`, { body: { start, reason } });
  }

  /** A file the API serves (a PDF, an attachment), fetched with the token, for saving. */
  async download(path: string): Promise<Blob> {
    const response = await this.send('GET', path, { headers: { accept: '*/*' } });
    return response.blob();
  }

  async #everyPage<T>(load: (cursor: string | undefined) => Promise<ListPage<T>>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await load(cursor);
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return items;
  }

  /** Any call answering JSON. */
  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    return (await response.json()) as T;
  }

  /** Any call; throws `ApiProblem` unless the answer is a success. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers = new Headers({ accept: 'application/json, application/problem+json', ...options.headers });
    const token = this.#token();
    if (token) headers.set('authorization', `Bearer ${token}`);
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await this.#fetch(this.#baseUrl + path + queryString(options.query), {
        method,
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiProblem(0, {
        title: 'The server cannot be reached',
        detail: 'The server cannot be reached; check the connection and try again.',
      });
    }
    if (!response.ok) throw new ApiProblem(response.status, await problemOf(response), response.headers);
    return response;
  }
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A body sent as it is (a file), with its own `content-type` header. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

function compositionPath(ehrId: string, uid: string): string {
  return `/api/ehr/${encodeURIComponent(ehrId)}/compositions/${encodeURIComponent(uid)}`;
}

function queryString(query: Query | undefined): string {
  const pairs = Object.entries(query ?? {}).filter((pair): pair is [string, string | number] => pair[1] !== undefined);
  return pairs.length === 0 ? '' : `?${new URLSearchParams(pairs.map(([key, value]) => [key, String(value)]))}`;
}

async function problemOf(response: Response): Promise<Partial<ProblemDocument>> {
  try {
    return (await response.json()) as Partial<ProblemDocument>;
  } catch {
    return { title: response.statusText };
  }
}

async function commitResult(response: Response): Promise<CommitResult> {
  const text = await response.text();
  return {
    versionUid: (response.headers.get('etag') ?? '').replace(/^W\//, '').replaceAll('"', ''),
    location: response.headers.get('location') ?? undefined,
    composition: text ? (JSON.parse(text) as StoredComposition) : undefined,
  };
}
