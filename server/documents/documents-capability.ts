import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { CompositionReads } from '../ehr/composition-reads.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { attachmentRoutes } from './attachment-routes.js';
import { AttachmentService } from './attachment-service.js';
import { CompositionPdfService } from './composition-pdf.js';
import { pdfRoutes } from './pdf-routes.js';

export interface DocumentsCapabilityOptions {
  db: Kysely<Database>;
  registry: KnowledgeRegistry;
  systemId: string;
  /** Largest attachment accepted, in bytes (`ATTACHMENT_LIMIT`). */
  attachmentLimit: number;
}

/**
 * The documents routes: attachments (upload and download) and compositions as PDF documents.
 *
 * @example
 * await app.register(documentsCapability, { db, registry, systemId, attachmentLimit: config.attachmentLimit });
 */
export const documentsCapability: FastifyPluginAsync<DocumentsCapabilityOptions> = async (
  app,
  { db, registry, systemId, attachmentLimit },
) => {
  const attachments = new AttachmentService(db);
  const pdfs = new CompositionPdfService(db, registry, new CompositionReads(db, systemId), attachments);
  await app.register(attachmentRoutes, { attachments, limit: attachmentLimit });
  await app.register(pdfRoutes, { pdfs });
};
