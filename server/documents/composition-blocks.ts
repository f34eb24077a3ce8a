import type { FormDefinition } from '../knowledge/form-definition.js';
import { entryFieldBlocks } from './entry-fields.js';
import { imagingReportBlocks, type ImageSource } from './imaging-report-layout.js';
import { labReportBlocks } from './lab-report-layout.js';
import type { PdfBlock } from './pdf-blocks.js';
import { prescriptionBlocks, type SlotEntry } from './prescription-layout.js';

/** A stored composition's content entries, as far as layout needs them. */
interface ContentEntry {
  slot?: string;
  archetype?: string;
  data?: unknown;
}

/** Which dedicated layout an entry gets, by its archetype's class and concept (any version). */
function layoutOf(archetypeId: string): 'prescription' | 'lab' | 'imaging' | 'generic' {
  if (/-EHR-INSTRUCTION\.medication_order\.v\d+$/.test(archetypeId)) return 'prescription';
  if (/-EHR-OBSERVATION\.laboratory_test_result\.v\d+$/.test(archetypeId)) return 'lab';
  if (/-EHR-OBSERVATION\.imaging_exam_result\.v\d+$/.test(archetypeId)) return 'imaging';
  return 'generic';
}

/**
 * The body of a composition's PDF, laid out from its own template revision's form definition:
 * medication orders as one prescription table, laboratory results as an analyte table, imaging
 * results with findings, impression and thumbnails, and any other entry as its labelled fields
 * in the form's order. The layout follows the archetypes, so a new template built from them
 * gets it too.
 *
 * @example
 * const blocks = await compositionBlocks(form, document.content, { images, composer: { name, date } });
 */
export async function compositionBlocks(
  form: FormDefinition,
  content: readonly ContentEntry[],
  sources: { images: ImageSource; composer: { name: string; date: string } },
): Promise<PdfBlock[]> {
  const entries = content.flatMap((entry): SlotEntry[] => {
    const slot =
      form.slots.find((candidate) => candidate.id === entry.slot) ??
      form.slots.find((candidate) => candidate.archetype.id === entry.archetype);
    return slot ? [{ slot, data: entry.data }] : [];
  });
  const blocks: PdfBlock[] = [];
  const medication = entries.filter((entry) => layoutOf(entry.slot.archetype.id) === 'prescription');
  if (medication.length > 0) blocks.push(...prescriptionBlocks(medication, sources.composer));
  for (const entry of entries) {
    const layout = layoutOf(entry.slot.archetype.id);
    if (layout === 'lab') blocks.push(...labReportBlocks(entry));
    else if (layout === 'imaging') blocks.push(...(await imagingReportBlocks(entry, sources.images)));
    else if (layout === 'generic') {
      blocks.push(
        { kind: 'heading', text: entry.slot.label, level: 2 },
        ...entryFieldBlocks(entry.slot.children, entry.data),
      );
    }
  }
  return blocks;
}
