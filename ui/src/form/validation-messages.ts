import type { FieldError, Json, JsonObject } from './form-definition.js';

/** What the page asks the validation worker: compile (no body) or validate a composition. */
export interface ValidationRequest {
  id: number;
  /** Names the schema in the worker's cache: template id and revision (a draft adds its content). */
  schemaKey: string;
  /** Sent with the first request for a schema key only. */
  schema?: JsonObject;
  body?: Json;
}

/** The worker's answer: the composition's field errors (empty when valid), or why it could not validate. */
export type ValidationReply = { id: number; errors: FieldError[] } | { id: number; failure: string };
