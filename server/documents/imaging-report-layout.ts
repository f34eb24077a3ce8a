import { entryFieldBlocks, fieldText, valuesOf } from './entry-fields.js';
import type { PdfBlock, PdfImage } from './pdf-blocks.js';
import type { SlotEntry } from './prescription-layout.js';

/** An attachment value as a composition holds it. */
export interface AttachmentReference {
  id: string;
  mediaType: string;
  name?: string;
}

/** Reads an attached image's bytes for a thumbnail; undefined when it cannot be shown. */
export type ImageSource = (attachment: AttachmentReference) => Promise<Buffer | undefined>;

const thumbnailTypes = new Set(['image/png', 'image/jpeg']);
const shownApart = new Set(['imaging_findings', 'overall_impression', 'images']);

/**
 * An imaging report: findings and impression first (the impression in bold), the rest of the
 * examination's fields, then thumbnails of the attached PNG and JPEG images (DICOM files are
 * listed by name: download them to view).
 *
 * @example
 * await imagingReportBlocks({ slot, data: entry.data }, (attachment) => attachments.bytes(attachment.id));
 */
export async function imagingReportBlocks({ slot, data }: SlotEntry, images: ImageSource): Promise<PdfBlock[]> {
  const findings = fieldText(slot.children, data, 'imaging_findings');
  const impression = fieldText(slot.children, data, 'overall_impression');
  const attached = valuesOf(((data ?? {}) as Record<string, unknown>).images) as AttachmentReference[];
  const blocks: PdfBlock[] = [{ kind: 'heading', text: slot.label, level: 2 }];
  if (findings.text) blocks.push({ kind: 'paragraph', label: findings.label, text: findings.text });
  if (impression.text)
    blocks.push({ kind: 'paragraph', label: impression.label, text: impression.text, emphasis: true });
  blocks.push(...entryFieldBlocks(slot.children, data, { exclude: shownApart }));
  if (attached.length > 0) {
    const label = slot.children.find((node) => node.key === 'images')?.label ?? 'Images';
    blocks.push({ kind: 'images', label, images: await Promise.all(attached.map((a) => thumbnail(a, images))) });
  }
  return blocks;
}

async function thumbnail(attachment: AttachmentReference, images: ImageSource): Promise<PdfImage> {
  const name = attachment.name ?? attachment.id;
  if (!thumbnailTypes.has(attachment.mediaType))
    return { caption: `${name} (${attachment.mediaType}: download to view)` };
  const bytes = await images(attachment);
  return bytes ? { caption: name, bytes } : { caption: `${name} (not available)` };
}
