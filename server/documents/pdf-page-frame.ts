import type { PdfPageFrame } from './pdf-blocks.js';
import { printableText } from './pdf-text.js';

/** Room above the body for the frame's header (points). */
export const headerHeight = 104;
/** Room below the body for the page number (points). */
export const footerHeight = 44;
export const sideMargin = 50;

const supersededColour = '#a00000';

/**
 * Draws the frame on every buffered page once the body is laid out (so "page n of m" knows
 * m): the document's title, the patient's name, birth date and identifier, the composer, the
 * date and the version id at the top, "superseded: version n of m" when it is not the latest,
 * and the page number at the bottom.
 *
 * @example
 * drawPageFrames(doc, frame); // before doc.end()
 */
export function drawPageFrames(doc: PDFKit.PDFDocument, frame: PdfPageFrame): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    drawHeader(doc, frame);
    drawFooter(doc, `Page ${i - start + 1} of ${count}`, frame.versionUid);
  }
}

function drawHeader(doc: PDFKit.PDFDocument, frame: PdfPageFrame): void {
  const width = doc.page.width - 2 * sideMargin;
  const { patient } = frame;
  const line = (y: number, text: string, style: { bold?: boolean; size?: number; colour?: string } = {}) =>
    doc
      .font(style.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(style.size ?? 9)
      .fillColor(style.colour ?? 'black')
      .text(printableText(text), sideMargin, y, { width, lineBreak: false });
  line(24, frame.title, { bold: true, size: 14 });
  const born = patient.birthDate ? `   Born: ${patient.birthDate}` : '';
  line(44, `Patient: ${patient.name}${born}   Identifier: ${patient.identifier}`);
  line(57, `Composer: ${frame.composer}   Date: ${frame.date}`);
  line(70, `Version: ${frame.versionUid}`);
  if (frame.superseded) {
    const { version, latest } = frame.superseded;
    const notice = `Superseded: version ${version} of ${latest} (not the latest version)`;
    line(83, notice, { bold: true, colour: supersededColour });
  }
  doc
    .moveTo(sideMargin, headerHeight - 6)
    .lineTo(doc.page.width - sideMargin, headerHeight - 6)
    .lineWidth(0.5)
    .strokeColor('#888888')
    .stroke();
  doc.fillColor('black');
}

function drawFooter(doc: PDFKit.PDFDocument, pageText: string, versionUid: string): void {
  const bottom = doc.page.margins.bottom;
  // Below the body's bottom margin pdfkit would start a new page; lift the margin while drawing.
  doc.page.margins.bottom = 0;
  const y = doc.page.height - footerHeight + 14;
  const width = doc.page.width - 2 * sideMargin;
  doc.font('Helvetica').fontSize(8).fillColor('#444444');
  doc.text(printableText(versionUid), sideMargin, y, { width, lineBreak: false });
  doc.text(pageText, sideMargin, y, { width, align: 'right', lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.fillColor('black');
}
