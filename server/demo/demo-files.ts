import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * A one-page PDF with the lines given, in Helvetica (text outside ASCII is simplified), such as a
 * signed report would be. Deterministic: the same lines give the same bytes.
 *
 * @example
 * const pdf = reportPdf(['Docsy Demo Radiology', 'XR Chest 2 Views', 'Impression: normal.']);
 */
export function reportPdf(lines: string[]): Buffer {
  const text = lines.map((line, i) => `${i === 0 ? '/F1 14 Tf' : '/F1 10 Tf'} (${pdfText(line)}) '`).join('\n');
  const stream = `BT 56 800 Td 16 TL\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(body);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pdfText(line: string): string {
  const ascii = line.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
  return ascii.replace(/[\\()]/g, (char) => `\\${char}`);
}

/**
 * A small greyscale PNG that looks like a radiograph: a bright ellipse on a dark field with some
 * texture, varied by `seed`. Deterministic.
 *
 * @example
 * const png = keyImagePng(7);
 */
export function keyImagePng(seed: number, size = 96): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1); // filter byte 0, then one byte per pixel
    for (let x = 0; x < size; x++) {
      const dx = (x - size / 2) / (size * 0.36);
      const dy = (y - size / 2) / (size * 0.44);
      const inside = Math.max(0, 1 - (dx * dx + dy * dy));
      const texture = ((x * 31 + y * 17 + seed * 13) % 23) - 11;
      row[x + 1] = Math.max(0, Math.min(255, Math.round(30 + inside * 170 + texture)));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * One PNG chunk: length, type, data and CRC-32.
 *
 * @example
 * pngChunk('IEND', Buffer.alloc(0)); // the 12 bytes every PNG ends with
 */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A file a composition will reference, and where in the body its attachment value sits. */
export interface PlannedFile {
  /** Path to the attachment value in the composition body; the loader writes the stored id there. */
  path: (string | number)[];
  name: string;
  /** The file's bytes, base64. */
  content: string;
}

/**
 * The attachment value a composition holds for a file before it is stored (the id is a
 * placeholder the loader replaces), and the file to store.
 *
 * @example
 * const { value, file } = plannedAttachment(pdf, 'application/pdf', 'report.pdf', ['content', 0, 'data', 'original_report', 0]);
 */
export function plannedAttachment(bytes: Buffer, mediaType: string, name: string, path: (string | number)[]) {
  const value = {
    id: '00000000-0000-4000-8000-000000000000',
    mediaType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    name,
  };
  return { value, file: { path, name, content: bytes.toString('base64') } satisfies PlannedFile };
}
