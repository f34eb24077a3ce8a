import PDFDocument from 'pdfkit';
import type { PdfBlock, PdfImage, PdfPageFrame } from './pdf-blocks.js';
import { drawPageFrames, footerHeight, headerHeight, sideMargin } from './pdf-page-frame.js';
import { printableText } from './pdf-text.js';

const labelWidth = 170;
const indent = 12;
const gap = 4;
const emphasisColour = '#a00000';
const thumbnailSize = 140;

/**
 * Draws a composition's PDF: the body's blocks in order on A4 pages (wrapping long text,
 * breaking tables across pages with their header repeated), then the frame on every page.
 * Uses the embedded standard fonts (Helvetica), so nothing is loaded from disk.
 *
 * @example
 * const pdf = await renderPdf(frame, blocks, { committedAt });
 * reply.type('application/pdf').send(pdf);
 */
export async function renderPdf(
  frame: PdfPageFrame,
  blocks: readonly PdfBlock[],
  options: { createdAt: Date },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: headerHeight, bottom: footerHeight, left: sideMargin, right: sideMargin },
    info: {
      Title: printableText(`${frame.title} - ${frame.patient.name}`),
      Author: printableText(frame.composer),
      Subject: frame.versionUid,
      Creator: 'Docsy',
      CreationDate: options.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const page = new PageCursor(doc);
  for (const block of blocks) drawBlock(page, block);
  drawPageFrames(doc, frame);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Where the next block goes, with page breaks. */
class PageCursor {
  y: number;
  constructor(readonly doc: PDFKit.PDFDocument) {
    this.y = doc.page.margins.top;
  }
  get width(): number {
    return this.doc.page.width - 2 * sideMargin;
  }
  /** Starts a new page unless `height` more points fit on this one. */
  room(height: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.y + height <= bottom || this.y === this.doc.page.margins.top) return;
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }
  /** Writes text at (x, y) within `width`, returning its height. */
  write(text: string, x: number, width: number, style: { bold?: boolean; size?: number; colour?: string } = {}) {
    const printable = printableText(text);
    this.doc
      .font(style.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(style.size ?? 10)
      .fillColor(style.colour ?? 'black');
    const height = this.doc.heightOfString(printable, { width });
    this.doc.text(printable, x, this.y, { width });
    return height;
  }
  measure(text: string, width: number, style: { bold?: boolean; size?: number } = {}): number {
    this.doc.font(style.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(style.size ?? 10);
    return this.doc.heightOfString(printableText(text), { width });
  }
}

function drawBlock(page: PageCursor, block: PdfBlock): void {
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 1 ? 14 : block.level === 2 ? 12 : 10;
      page.room(size * 3);
      page.y += block.level === 3 ? gap : gap * 2;
      const x = sideMargin + (block.depth ?? 0) * indent;
      page.y += page.write(block.text, x, page.width - (x - sideMargin), { bold: true, size }) + gap;
      return;
    }
    case 'field':
      return drawField(page, block.label, block.text, block.depth);
    case 'paragraph': {
      const style = { bold: block.emphasis ?? false };
      page.room(page.measure(block.text, page.width, style) + 14);
      page.y += page.write(block.label, sideMargin, page.width, { bold: true, size: 9 }) + 2;
      page.y += page.write(block.text, sideMargin, page.width, style) + gap * 2;
      return;
    }
    case 'table':
      return drawTable(page, block);
    case 'images':
      return drawImages(page, block.label, block.images);
  }
}

function drawField(page: PageCursor, label: string, text: string, depth: number): void {
  const x = sideMargin + depth * indent;
  const width = labelWidth - depth * indent;
  const valueX = sideMargin + labelWidth + gap;
  const valueWidth = page.width - labelWidth - gap;
  const height = Math.max(page.measure(label, width, { bold: true, size: 9 }), page.measure(text, valueWidth));
  page.room(height);
  page.write(label, x, width, { bold: true, size: 9 });
  page.write(text, valueX, valueWidth);
  page.y += height + gap;
}

function drawTable(page: PageCursor, table: Extract<PdfBlock, { kind: 'table' }>): void {
  const widths = table.columns.map((column) => column.width * page.width);
  const drawRow = (cells: string[], style: { bold?: boolean; colour?: string; size?: number }) => {
    const heights = cells.map((cell, i) => page.measure(cell, widths[i]! - gap, style));
    const height = Math.max(...heights);
    let x = sideMargin;
    cells.forEach((cell, i) => {
      page.write(cell, x, widths[i]! - gap, style);
      x += widths[i]!;
    });
    page.y += height + gap;
  };
  const header = () => {
    drawRow(
      table.columns.map((column) => column.title),
      { bold: true, size: 9 },
    );
    page.doc
      .moveTo(sideMargin, page.y - 2)
      .lineTo(sideMargin + page.width, page.y - 2)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
  };
  page.room(40);
  header();
  for (const row of table.rows) {
    const style = row.emphasis ? { bold: true, colour: emphasisColour } : {};
    const height = Math.max(...row.cells.map((cell, i) => page.measure(cell, widths[i]! - gap, style)));
    const before = page.doc.bufferedPageRange().count;
    page.room(height);
    if (page.doc.bufferedPageRange().count !== before) header();
    drawRow(row.cells, style);
  }
  if (table.note) page.y += page.write(table.note, sideMargin, page.width, { size: 8 }) + gap;
}

function drawImages(page: PageCursor, label: string, images: readonly PdfImage[]): void {
  page.room(thumbnailSize + 40);
  page.y += page.write(label, sideMargin, page.width, { bold: true, size: 9 }) + gap;
  const perRow = Math.max(1, Math.floor(page.width / (thumbnailSize + 10)));
  for (let start = 0; start < images.length; start += perRow) {
    const row = images.slice(start, start + perRow);
    const shown = row.some((image) => image.bytes);
    page.room((shown ? thumbnailSize : 0) + 30);
    const top = page.y;
    let captionHeight = 0;
    row.forEach((image, i) => {
      const x = sideMargin + i * (thumbnailSize + 10);
      const drawn = image.bytes ? drawImage(page.doc, image.bytes, x, top) : false;
      page.y = top + (shown ? thumbnailSize + 2 : 0);
      const caption = image.bytes && !drawn ? `${image.caption} (could not be drawn)` : image.caption;
      captionHeight = Math.max(captionHeight, page.write(caption, x, thumbnailSize, { size: 8 }));
    });
    page.y = top + (shown ? thumbnailSize + 2 : 0) + captionHeight + gap * 2;
  }
}

/** Draws an image scaled into the thumbnail box; false when its bytes cannot be decoded. */
function drawImage(doc: PDFKit.PDFDocument, bytes: Buffer, x: number, y: number): boolean {
  try {
    doc.image(bytes, x, y, { fit: [thumbnailSize, thumbnailSize] });
    return true;
  } catch {
    return false;
  }
}
