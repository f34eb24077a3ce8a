/** A coded text value as compositions hold it. */
export interface CodedText {
  code: string;
  terminology: string;
  value: string;
}

/**
 * A SNOMED CT coded text.
 *
 * @example
 * snomed('372687004', 'Amoxicillin'); // { code: '372687004', terminology: 'SNOMED-CT', value: 'Amoxicillin' }
 */
export function snomed(code: string, value: string): CodedText {
  return { code, terminology: 'SNOMED-CT', value };
}

/**
 * A LOINC coded text.
 *
 * @example
 * loinc('718-7', 'Hemoglobin [Mass/volume] in Blood');
 */
export function loinc(code: string, value: string): CodedText {
  return { code, terminology: 'LOINC', value };
}

/**
 * A code of an archetype's local value set; the text is the code with its first letter upper case
 * and underscores as spaces, which is how the shipped archetypes label their local codes.
 *
 * @example
 * local('immune_mediated'); // { code: 'immune_mediated', terminology: 'local', value: 'Immune mediated' }
 */
export function local(code: string, value = labelOf(code)): CodedText {
  return { code, terminology: 'local', value };
}

function labelOf(code: string): string {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A quantity. */
export function quantity(magnitude: number, unit: string): { magnitude: number; unit: string } {
  return { magnitude, unit };
}
