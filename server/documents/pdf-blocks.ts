/**
 * What a composition's PDF is laid out as, before it is drawn: headings, labelled fields,
 * paragraphs, tables and images, in reading order. Layouts build blocks; `render-pdf.ts` draws them.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3; depth?: number }
  | { kind: 'field'; label: string; text: string; depth: number }
  | { kind: 'paragraph'; label: string; text: string; emphasis?: boolean }
  | { kind: 'table'; columns: PdfColumn[]; rows: PdfRow[]; note?: string }
  | { kind: 'images'; label: string; images: PdfImage[] };

export interface PdfColumn {
  title: string;
  /** Share of the text width, all columns adding up to 1. */
  width: number;
}

export interface PdfRow {
  cells: string[];
  /** Drawn in bold with a marker: an abnormal result. */
  emphasis?: boolean;
}

export interface PdfImage {
  caption: string;
  /** PNG or JPEG bytes; absent when the file could not be shown (its caption says why). */
  bytes?: Buffer;
}

/** What every page repeats: whose record, who wrote it, when, which version. */
export interface PdfPageFrame {
  title: string;
  patient: { name: string; birthDate?: string; identifier: string };
  composer: string;
  date: string;
  versionUid: string;
  /** Set when the version is not the latest: "superseded: version n of m". */
  superseded?: { version: number; latest: number };
}
