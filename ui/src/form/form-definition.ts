/**
 * The shapes the form engine reads and writes, as docs/modelling.md describes them: the form
 * definition served by `GET /api/templates/{id}/form` and the composition a form produces. The
 * UI keeps its own declarations (it never imports server code); they follow the document, not
 * the server's source.
 */

/** A JSON value, as parsed from a response or built by a form. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One option of a local value set. */
export interface CodeOption {
  code: string;
  value: string;
  description?: string;
  bindings?: Record<string, string>;
}

export interface OrdinalOption extends CodeOption {
  ordinal: number;
}

/** A unit a quantity may take, with its own range and decimals. */
export interface UnitOption {
  unit: string;
  label?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  decimals?: number;
}

/** The data type of a value and its narrowed constraints (the form definition's "value spec"). */
export type ValueSpec =
  | {
      type: 'text' | 'text_or_coded_text';
      minLength?: number;
      maxLength: number;
      pattern?: string;
      terminology?: string;
      widget: 'input' | 'textarea' | 'search';
    }
  | { type: 'coded_text'; codes?: CodeOption[]; terminology?: string; widget: 'buttons' | 'select' | 'search' }
  | { type: 'quantity'; units?: UnitOption[] }
  | { type: 'count'; minimum?: number; maximum?: number }
  | { type: 'proportion'; kind?: 'percent' | 'unitary' | 'ratio' | 'fraction' }
  | { type: 'ordinal'; ordinals: OrdinalOption[]; widget: 'buttons' | 'select' }
  | { type: 'boolean'; widget: 'checkbox' | 'buttons' }
  | { type: 'date' | 'time' | 'date_time' | 'duration' | 'identifier' | 'uri' }
  | { type: 'attachment'; mediaTypes?: string[]; maxBytes?: number };

export type DataType = ValueSpec['type'];

/** Show a node only while a sibling single value has a value (coded siblings compare by code). */
export interface ShowIf {
  field: string;
  equals?: string | boolean | number;
  in?: (string | number)[];
  exists?: true;
}

interface NodeCommon {
  key: string;
  label: string;
  help?: string;
  required: boolean;
  /** Present when the node's value is a list; `max` null is unbounded. */
  repeat?: { min: number; max: number | null };
  showIf?: ShowIf;
  /** What happens to a value entered and then hidden by `showIf`: removed on submit, or kept. */
  hiddenValues: 'clear' | 'keep';
}

export interface ElementNode extends NodeCommon {
  kind: 'element';
  value: ValueSpec;
  default?: Json;
}

export interface ChoiceNode extends NodeCommon {
  kind: 'choice';
  choices: ValueSpec[];
}

export interface GroupNode extends NodeCommon {
  kind: 'group';
  children: FormNode[];
}

export interface ClusterNode extends NodeCommon {
  kind: 'cluster';
  archetypeId: string;
  revision: string;
  children: FormNode[];
}

export type FormNode = ElementNode | ChoiceNode | GroupNode | ClusterNode;

export interface FormSlot {
  id: string;
  label: string;
  help?: string;
  min: number;
  max: number | null;
  archetype: { id: string; revision: string; entryClass: string };
  children: FormNode[];
}

/** `GET /api/templates/{id}/form`: the tree to render and the schema to validate with. */
export interface FormDefinition {
  formatVersion: 1;
  template: {
    id: string;
    revision: string;
    title: string;
    description?: string;
    category: 'event' | 'persistent';
    authorRoles: string[];
    lifecycle: string;
  };
  archetypes: Record<string, string>;
  minEntries: number;
  context: { settings: CodeOption[] };
  slots: FormSlot[];
  schema: JsonObject;
}

/** One entry of a composition: a filled slot occurrence. */
export interface CompositionEntry {
  slot: string;
  archetype: string;
  revision: string;
  data: JsonObject;
}

export interface CompositionContext {
  startTime: string;
  endTime?: string;
  setting?: { code: string; terminology: string; value: string };
  facility?: string;
}

/** What a client sends to `POST /api/ehr/{ehr_id}/compositions` (docs/modelling.md, "Compositions"). */
export interface CompositionBody {
  template: { id: string; revision: string };
  context: CompositionContext;
  content: CompositionEntry[];
}

/** A stored composition: the body plus what the server sets. */
export interface StoredComposition extends CompositionBody {
  uid?: string;
  versionUid?: string;
  ehrId?: string;
  category?: string;
  composer?: { id: string; name: string };
  committedAt?: string;
}

/** One failing field: a JSON Pointer into the composition and a message a clinician understands. */
export interface FieldError {
  path: string;
  message: string;
}
