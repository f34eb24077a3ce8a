import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { pngChunk } from '../../server/demo/demo-files.js';

/**
 * Small synthetic files of every attachment type, made in code (no patient ever saw them): a
 * PNG and a JPEG with a grey gradient, a one-page PDF, a DICOM file's preamble and meta header,
 * and an executable.
 *
 * @example
 * const png = samplePng(); // a complete 8×8 PNG
 * const truncated = png.subarray(0, png.length - 20);
 */
export function samplePng(width = 8, height = 8): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) rows.push(...gradient(x, y, width, height));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A baseline JPEG of the same gradient. */
export function sampleJpeg(width = 8, height = 8): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([...gradient(x, y, width, height), 255], (y * width + x) * 4);
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

/** A one-page PDF saying `text`. */
export function samplePdf(text = 'Synthetic report'): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A DICOM Part 10 file's start: the 128-byte preamble, `DICM`, and one meta element. */
export function sampleDicom(): Buffer {
  const element = Buffer.from([0x02, 0x00, 0x10, 0x00, 0x55, 0x49, 0x14, 0x00]); // (0002,0010) UI, 20 bytes
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), element, Buffer.from('1.2.840.10008.1.2.1\0')]);
}

/** A Windows executable's first bytes: what a renamed `.exe` really is. */
export function sampleExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return bytes;
}

function gradient(x: number, y: number, width: number, height: number): [number, number, number] {
  const level = Math.round(255 * ((x / width + y / height) / 2));
  return [level, level, 255 - level];
}
