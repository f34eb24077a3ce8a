import type {
  CodeOption,
  ResolvedSlot,
  ResolvedTemplate,
  TemplateDocument,
  TreeNode,
  ValueSpec,
} from './element-tree.js';
import { careSettings } from './context-schema.js';
import { compositionSchema } from './form-schema.js';
import type { JsonSchema } from './value-schema.js';

/**
 * What the server resolves a template into, and what the browser's form engine renders: one
 * self-contained JSON Schema for validation and the tree of slots and elements for display
 * (docs/modelling.md, "The form definition").
 */
export interface FormDefinition {
  formatVersion: 1;
  template: Pick<
    TemplateDocument,
    'id' | 'revision' | 'title' | 'description' | 'category' | 'authorRoles' | 'lifecycle'
  >;
  /** Every archetype revision the form is built from. */
  archetypes: Record<string, string>;
  minEntries: number;
  /** The fixed context every composition carries; `settings` is the openEHR setting value set. */
  context: { settings: CodeOption[] };
  slots: ResolvedSlot[];
  schema: JsonSchema;
}

/**
 * Builds the form definition of a resolved template; every element gets its widget.
 *
 * @example
 * const form = buildFormDefinition(resolved); // served at GET /api/templates/{id}/form
 */
export function buildFormDefinition(resolved: ResolvedTemplate): FormDefinition {
  const { template } = resolved;
  return {
    formatVersion: 1,
    template: {
      id: template.id,
      revision: template.revision,
      title: template.title,
      ...(template.description ? { description: template.description } : {}),
      category: template.category,
      authorRoles: template.authorRoles,
      lifecycle: template.lifecycle,
    },
    archetypes: template.archetypes,
    minEntries: resolved.minEntries,
    context: { settings: careSettings },
    slots: resolved.slots.map((slot) => ({ ...slot, children: withWidgets(slot.children) })),
    schema: compositionSchema(resolved),
  };
}

/** Fills in the widget of every element that does not name one. */
export function withWidgets(nodes: TreeNode[]): TreeNode[] {
  return nodes.map((node): TreeNode => {
    switch (node.kind) {
      case 'element':
        return { ...node, value: withWidget(node.value) };
      case 'choice':
        return { ...node, choices: node.choices.map(withWidget) };
      default:
        return { ...node, children: withWidgets(node.children) };
    }
  });
}

/** Longer texts get a multi-line box. */
const multiLineAbove = 200;
/** Up to this many options show as buttons; more as a list to pick from. */
const buttonsUpTo = 5;

function withWidget(spec: ValueSpec): ValueSpec {
  switch (spec.type) {
    case 'text':
    case 'text_or_coded_text':
      return {
        ...spec,
        widget: spec.widget ?? (spec.terminology ? 'search' : spec.maxLength > multiLineAbove ? 'textarea' : 'input'),
      };
    case 'coded_text':
      return {
        ...spec,
        widget: spec.widget ?? (!spec.codes ? 'search' : spec.codes.length <= buttonsUpTo ? 'buttons' : 'select'),
      };
    case 'ordinal':
      return { ...spec, widget: spec.widget ?? (spec.ordinals.length <= buttonsUpTo ? 'buttons' : 'select') };
    case 'boolean':
      return { ...spec, widget: spec.widget ?? 'checkbox' };
    default:
      return spec;
  }
}
