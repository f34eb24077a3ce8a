import type { Kysely } from 'kysely';
import type { EhrAccess } from '../access/ehr-access.js';
import type { Database } from '../db/database.js';
import type { CompositionReads } from '../ehr/composition-reads.js';
import { parseVersionUid } from '../ehr/version-uid.js';
import { ApiError } from '../http/api-error.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import type { AttachmentService } from './attachment-service.js';
import { compositionBlocks } from './composition-blocks.js';
import type { ImageSource } from './imaging-report-layout.js';
import { latestVersion, recordSubject } from './pdf-facts-repository.js';
import type { PdfPageFrame } from './pdf-blocks.js';
import { renderPdf } from './render-pdf.js';
import { dateText } from './value-text.js';

/** A stored composition document, as far as its PDF needs it. */
interface StoredComposition {
  composer?: { name?: string };
  committedAt?: string;
  template: { id: string; revision: string };
  context?: { startTime?: string };
  content?: { slot?: string; archetype?: string; data?: unknown }[];
}

/** A composition's PDF and what its download is called. */
export interface CompositionPdf {
  pdf: Buffer;
  versionUid: string;
  fileName: string;
}

/**
 * Compositions as PDF documents: reads the version the viewer asked for (as the composition
 * read does: hidden is 404, deleted is 410), lays it out from its own template revision's form
 * definition, and frames every page with the patient, composer, date, version and page number.
 * The caller authorizes and audits.
 *
 * @example
 * const { pdf, fileName } = await pdfs.render(access, uid);
 */
export class CompositionPdfService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: KnowledgeRegistry,
    private readonly reads: CompositionReads,
    private readonly attachments: AttachmentService,
  ) {}

  async render(access: EhrAccess, uid: string): Promise<CompositionPdf> {
    const version = await this.reads.read(access.ehrId, uid, { visibility: access.visibility });
    const document = JSON.parse(version.document) as StoredComposition;
    const form = await this.registry.form(document.template.id, document.template.revision);
    const { uid: uuid, version: number } = parseVersionUid(version.versionUid)!;
    const latest = (await latestVersion(this.db, access.ehrId, uuid)) ?? number;
    const subject = await recordSubject(this.db, access.ehrId);
    const startTime = document.context?.startTime ?? version.committedAt.toISOString();
    const frame: PdfPageFrame = {
      title: form.template.title,
      patient: {
        name: subject?.name ?? 'Unknown patient',
        ...(subject?.birthDate ? { birthDate: dateText(subject.birthDate) } : {}),
        identifier: `EHR ${access.ehrId}`,
      },
      composer: document.composer?.name ?? 'Unknown',
      date: dateText(startTime),
      versionUid: version.versionUid,
      ...(number < latest ? { superseded: { version: number, latest } } : {}),
    };
    const blocks = await compositionBlocks(form, document.content ?? [], {
      images: this.#images(access),
      composer: { name: frame.composer, date: frame.date },
    });
    const pdf = await renderPdf(frame, blocks, { createdAt: version.committedAt });
    return { pdf, versionUid: version.versionUid, fileName: fileNameOf(form.template.title, startTime, number) };
  }

  /** Attached images as the viewer may read them; one they may not, or a damaged one, is not shown. */
  #images(access: EhrAccess): ImageSource {
    return async (attachment) => {
      try {
        return (await this.attachments.read(access, attachment.id)).content;
      } catch (error) {
        if (error instanceof ApiError) return undefined;
        throw error;
      }
    };
  }
}

/** `laboratory-report-2026-03-02-v2.pdf` */
function fileNameOf(title: string, startTime: string, version: number): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'composition';
  return `${slug}-${startTime.slice(0, 10)}-v${version}.pdf`;
}
