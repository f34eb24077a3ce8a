import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets properties on the element it is written in, whatever element that is:
 * `<${tag} ${setProperties({ units })}>`. Lets one template configure widgets that take
 * different properties.
 */
class SetPropertiesDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('setProperties() belongs in an element tag');
  }

  override render(_properties: Record<string, unknown>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Record<string, unknown>]): typeof nothing {
    const element = part.element as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(properties)) if (element[name] !== value) element[name] = value;
    return nothing;
  }
}

export const setProperties = directive(SetPropertiesDirective);
