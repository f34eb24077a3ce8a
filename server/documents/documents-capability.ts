import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { attachmentRoutes } from './attachment-routes.js';
import { AttachmentService } from './attachment-service.js';

export interface DocumentsCapabilityOptions {
  db: Kysely<Database>;
  /** Largest attachment accepted, in bytes (`ATTACHMENT_LIMIT`). */
  attachmentLimit: number;
}

/**
 * The documents routes: attachments (upload and download) and compositions as PDF documents.
 *
 * @example
 * await app.register(documentsCapability, { db: database.db, attachmentLimit: config.attachmentLimit });
 */
export const documentsCapability: FastifyPluginAsync<DocumentsCapabilityOptions> = async (
  app,
  { db, attachmentLimit },
) => {
  const attachments = new AttachmentService(db);
  await app.register(attachmentRoutes, { attachments, limit: attachmentLimit });
};
