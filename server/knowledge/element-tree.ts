/**
 * The normalised model of archetypes and templates. Archetype and template files are parsed into
 * these trees once; resolution, the compatibility checker, the form definition and the example
 * generator all work on trees, never on raw JSON.
 */

export const dataTypeNames = [
  'text',
  'coded_text',
  'text_or_coded_text',
  'quantity',
  'count',
  'proportion',
  'ordinal',
  'boolean',
  'date',
  'time',
  'date_time',
  'duration',
  'identifier',
  'uri',
  'attachment',
] as const;

export type DataTypeName = (typeof dataTypeNames)[number];

export const entryClasses = ['OBSERVATION', 'EVALUATION', 'INSTRUCTION', 'ACTION', 'ADMIN_ENTRY', 'CLUSTER'] as const;
export type EntryClass = (typeof entryClasses)[number];

export type Lifecycle = 'draft' | 'published' | 'deprecated';

/** One option of a coded value set. `bindings` maps a terminology name to its code. */
export interface CodeOption {
  code: string;
  value: string;
  description?: string;
  bindings?: Record<string, string>;
}

export interface OrdinalOption extends CodeOption {
  ordinal: number;
}

/** A unit a quantity may take, with the range and number of decimals allowed in that unit. */
export interface UnitSpec {
  unit: string;
  label?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  decimals?: number;
}

export type ProportionKind = 'percent' | 'unitary' | 'ratio' | 'fraction';

export type TextWidget = 'input' | 'textarea' | 'search';
export type CodedWidget = 'buttons' | 'select' | 'search';
export type BooleanWidget = 'checkbox' | 'buttons';

/** The constraints on one value of one data type. */
export type ValueSpec =
  | {
      type: 'text' | 'text_or_coded_text';
      minLength?: number;
      maxLength: number;
      pattern?: string;
      widget?: TextWidget;
      terminology?: string;
    }
  | { type: 'coded_text'; codes?: CodeOption[]; terminology?: string; widget?: CodedWidget }
  | { type: 'quantity'; units?: UnitSpec[] }
  | { type: 'count'; minimum?: number; maximum?: number }
  | { type: 'proportion'; kind?: ProportionKind }
  | { type: 'ordinal'; ordinals: OrdinalOption[]; widget?: 'buttons' | 'select' }
  | { type: 'boolean'; widget?: BooleanWidget }
  | { type: 'date' | 'time' | 'date_time' | 'duration' | 'identifier' | 'uri' }
  | { type: 'attachment'; mediaTypes?: string[]; maxBytes?: number };

/** Show an element only when a sibling element has a value (codes compare by code). */
export interface Condition {
  field: string;
  equals?: string | boolean | number;
  in?: (string | number)[];
  exists?: true;
}

/** How often an element repeats; `max` null means unbounded. */
export interface Repeat {
  min: number;
  max: number | null;
}

interface NodeBase {
  key: string;
  label: string;
  help?: string;
  required: boolean;
  /** Present when the element's value is a list. */
  repeat?: Repeat;
  showIf?: Condition;
  hiddenValues: 'clear' | 'keep';
}

export interface ElementNode extends NodeBase {
  kind: 'element';
  value: ValueSpec;
  default?: unknown;
  /** Realistic values, used by the example composition and the documentation. */
  examples?: unknown[];
}

/** An element whose value may be one of several data types: `{type, value}` in a composition. */
export interface ChoiceNode extends NodeBase {
  kind: 'choice';
  choices: ValueSpec[];
  /** Realistic values, each naming its data type, from the alternatives' examples. */
  examples?: { type: DataTypeName; value: unknown }[];
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  children: TreeNode[];
}

/** A place filled by a CLUSTER archetype; `children` are empty until resolution. */
export interface ClusterNode extends NodeBase {
  kind: 'cluster';
  archetypeId: string;
  revision?: string;
  children: TreeNode[];
}

export type TreeNode = ElementNode | ChoiceNode | GroupNode | ClusterNode;

export interface Author {
  name: string;
  organisation?: string;
  email?: string;
  date?: string;
}

export interface ArchetypeMetadata {
  id: string;
  revision: string;
  entryClass: EntryClass;
  lifecycle: Lifecycle;
  language?: string;
  purpose: string;
  use?: string;
  misuse?: string;
  keywords: string[];
  authors: Author[];
  copyright?: string;
  references?: string[];
  translations?: Record<string, { translator?: string; title?: string; labels?: Record<string, string> }>;
  changes?: string[];
}

export interface ArchetypeModel {
  metadata: ArchetypeMetadata;
  title: string;
  description?: string;
  children: TreeNode[];
}

export interface TemplateConstraint {
  required?: true;
  hidden?: true;
  label?: string;
  help?: string;
  min?: number;
  max?: number;
  codes?: string[];
  units?: string[];
  types?: DataTypeName[];
  default?: unknown;
  widget?: TextWidget | CodedWidget | BooleanWidget;
  showIf?: Condition;
}

export interface TemplateSlot {
  id: string;
  archetype: string;
  label?: string;
  help?: string;
  min?: number;
  max?: number;
  constraints?: Record<string, TemplateConstraint>;
}

export type AuthorRole = 'doctor' | 'nurse' | 'lab_technician' | 'pharmacist' | 'patient';

/** A template file as written (validated against its meta-schema). */
export interface TemplateDocument {
  id: string;
  revision: string;
  lifecycle: Lifecycle;
  title: string;
  description?: string;
  category: 'event' | 'persistent';
  authorRoles: AuthorRole[];
  archetypes: Record<string, string>;
  minEntries?: number;
  slots: TemplateSlot[];
  changes?: string[];
}

/** A template slot after resolution: the archetype's tree with the template's constraints applied. */
export interface ResolvedSlot {
  id: string;
  label: string;
  help?: string;
  min: number;
  max: number | null;
  archetype: { id: string; revision: string; entryClass: EntryClass };
  children: TreeNode[];
}

export interface ResolvedTemplate {
  template: TemplateDocument;
  minEntries: number;
  slots: ResolvedSlot[];
}
