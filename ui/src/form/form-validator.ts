import type { FieldError, FormDefinition, Json } from './form-definition.js';
import type { ValidationReply, ValidationRequest } from './validation-messages.js';

/**
 * Validates compositions against a form definition's schema in the browser, with the server's
 * Ajv setup, in a worker (see composition-validation.worker.ts for why). One worker serves every
 * form of the page; each schema is compiled once.
 */
export class FormValidator {
  readonly #worker: Worker;
  readonly #sent = new Set<string>();
  readonly #pending = new Map<number, { resolve: (errors: FieldError[]) => void; reject: (error: Error) => void }>();
  #nextId = 1;

  constructor() {
    this.#worker = new Worker(new URL('./composition-validation.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.addEventListener('message', (event: MessageEvent<ValidationReply>) => this.#settle(event.data));
    this.#worker.addEventListener('error', (event) => this.#failAll(event.message || 'the validator did not start'));
  }

  /**
   * Compiles the definition's schema ahead of the first validation (the form calls it on load).
   *
   * @example
   * await validator.prepare(definition);
   */
  prepare(definition: FormDefinition): Promise<FieldError[]> {
    return this.#ask(definition, undefined);
  }

  /**
   * The composition's field errors (empty when it is valid), as the server's 422 would list them.
   *
   * @example
   * const errors = await validator.validate(definition, composition); // [{ path, message }]
   */
  validate(definition: FormDefinition, composition: Json): Promise<FieldError[]> {
    return this.#ask(definition, composition);
  }

  #ask(definition: FormDefinition, body: Json | undefined): Promise<FieldError[]> {
    const schemaKey = schemaKeyOf(definition);
    const request: ValidationRequest = { id: this.#nextId++, schemaKey };
    if (!this.#sent.has(schemaKey)) {
      request.schema = definition.schema;
      this.#sent.add(schemaKey);
    }
    if (body !== undefined) request.body = body;
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  #settle(reply: ValidationReply): void {
    const waiting = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    if (!waiting) return;
    if ('failure' in reply) waiting.reject(new Error(`the form could not be validated: ${reply.failure}`));
    else waiting.resolve(reply.errors);
  }

  #failAll(reason: string): void {
    for (const waiting of this.#pending.values()) waiting.reject(new Error(reason));
    this.#pending.clear();
  }
}

const draftKeys = new WeakMap<FormDefinition, string>();
let draftCount = 0;

/** A released revision never changes, so it names its schema; a draft's schema is new with each definition. */
function schemaKeyOf(definition: FormDefinition): string {
  const key = `${definition.template.id}@${definition.template.revision}`;
  if (definition.template.lifecycle !== 'draft') return key;
  let draftKey = draftKeys.get(definition);
  if (!draftKey) draftKeys.set(definition, (draftKey = `${key}#draft${++draftCount}`));
  return draftKey;
}

let shared: FormValidator | undefined;

/**
 * The page's validator, started on first use.
 *
 * @example
 * const errors = await sharedFormValidator().validate(definition, composition);
 */
export function sharedFormValidator(): FormValidator {
  shared ??= new FormValidator();
  return shared;
}
