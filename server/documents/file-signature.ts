/** The media types an attachment may have: decided from the file's bytes (docs/documents.md). */
export const attachmentMediaTypes = ['application/pdf', 'image/png', 'image/jpeg', 'application/dicom'] as const;

export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/** How many leading bytes {@link fileSignature} looks at: a DICOM preamble and its `DICM` marker. */
export const signatureHeadLength = 132;
/** How many trailing bytes it looks at: where a PDF's `%%EOF` marker may sit (trailing whitespace aside). */
export const signatureTailLength = 1024;

/** The type of a file, or why it has none that Docsy accepts. */
export type Signature =
  | { kind: 'accepted'; mediaType: AttachmentMediaType }
  | { kind: 'incomplete'; mediaType: AttachmentMediaType; detail: string }
  | { kind: 'unknown' };

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** An IEND chunk: zero length, the type, and its fixed CRC. */
const pngEnd = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Decides a file's type from its first and last bytes, never from a name or a declared type:
 * PDF (`%PDF-` … `%%EOF`), PNG (signature and IHDR … IEND), JPEG (SOI … EOI) and DICOM (a
 * 128-byte preamble, then `DICM`). A file that starts like one of them but does not end like it
 * is `incomplete` (a truncated upload); anything else is `unknown`.
 *
 * @example
 * fileSignature(head, tail); // { kind: 'accepted', mediaType: 'image/png' }
 * fileSignature(Buffer.from('MZ\x90\x00'), Buffer.from('MZ\x90\x00')); // { kind: 'unknown' }
 */
export function fileSignature(head: Buffer, tail: Buffer): Signature {
  if (startsWith(head, pngSignature) && head.subarray(12, 16).toString('latin1') === 'IHDR') {
    return endsWith(tail, pngEnd)
      ? accepted('image/png')
      : incomplete('image/png', 'the PNG has no IEND chunk at its end');
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    const ends = tail.length >= 2 && tail[tail.length - 2] === 0xff && tail[tail.length - 1] === 0xd9;
    return ends
      ? accepted('image/jpeg')
      : incomplete('image/jpeg', 'the JPEG does not end with its end-of-image marker');
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    return tail.includes('%%EOF', 0, 'latin1')
      ? accepted('application/pdf')
      : incomplete('application/pdf', 'the PDF has no %%EOF marker at its end');
  }
  if (head.length >= signatureHeadLength && head.subarray(128, 132).toString('latin1') === 'DICM') {
    return accepted('application/dicom');
  }
  return { kind: 'unknown' };
}

function accepted(mediaType: AttachmentMediaType): Signature {
  return { kind: 'accepted', mediaType };
}

function incomplete(mediaType: AttachmentMediaType, detail: string): Signature {
  return { kind: 'incomplete', mediaType, detail };
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

function endsWith(bytes: Buffer, suffix: Buffer): boolean {
  return bytes.length >= suffix.length && bytes.subarray(bytes.length - suffix.length).equals(suffix);
}
