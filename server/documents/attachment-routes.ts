import { Readable } from 'node:stream';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsync } from 'fastify';
import { viewerOf } from '../access/ehr-access.js';
import { problemResponses } from '../http/problem-schema.js';
import * as schemas from './attachment-schemas.js';
import type { AttachmentService } from './attachment-service.js';
import { receiveUpload } from './receive-upload.js';

export interface AttachmentRoutesOptions {
  attachments: AttachmentService;
  /** Largest file accepted, in bytes (`ATTACHMENT_LIMIT`). */
  limit: number;
}

/** Where an attachment is downloaded. */
export function attachmentUrl(ehrId: string, id: string): string {
  return `/api/ehr/${ehrId}/attachments/${id}`;
}

/**
 * Attachments of an EHR (SPEC §3): upload a file as the raw request body (any Content-Type; the
 * bytes decide the type) and download it byte for byte.
 *
 * @example
 * await app.register(attachmentRoutes, { attachments, limit: config.attachmentLimit });
 */
export const attachmentRoutes: FastifyPluginAsync<AttachmentRoutesOptions> = async (app, { attachments, limit }) => {
  // In this plugin only: every body is passed on as the raw stream, read (and limited) by the route.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post<{ Params: { ehrId: string }; Querystring: { filename?: string }; Body: Readable | undefined }>(
    '/api/ehr/:ehrId/attachments',
    {
      schema: {
        tags: ['documents'],
        summary: 'Upload a file (PDF, PNG, JPEG or DICOM) into an EHR; answers its attachment value',
        params: schemas.uploadParams,
        querystring: schemas.uploadQuery,
        consumes: schemas.uploadMediaTypes,
        body: schemas.uploadBody,
        response: {
          201: schemas.attachmentValue,
          ...problemResponses('NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INCOMPLETE_FILE'),
        },
      },
    },
    async (request, reply) => {
      const { ehrId } = request.params;
      const access = await app.ehrAccess.authorizeAnyCreation(viewerOf(request), ehrId, 'attachment.upload');
      const declared = request.headers['content-length'];
      const file = await receiveUpload(request.body ?? Readable.from([]), {
        limit,
        ...(declared !== undefined ? { declaredLength: Number(declared) } : {}),
      });
      const stored = await attachments.store(access, file, { name: request.query.filename });
      return reply.code(201).header('location', attachmentUrl(ehrId, stored.id)).send(stored);
    },
  );

  app.get<{ Params: { ehrId: string; id: string } }>(
    '/api/ehr/:ehrId/attachments/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'Download an attachment, byte for byte, with its type and file name',
        params: schemas.attachmentParams,
        response: { 200: schemas.attachmentFile, ...problemResponses('NOT_FOUND', 'INTEGRITY_CHECK_FAILED') },
      },
    },
    async (request, reply) => {
      const access = await app.ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const stored = await attachments.read(access, request.params.id);
      await app.ehrAccess.recordRead(access, { action: 'attachment.read', resource: stored.id });
      return reply
        .type(stored.mediaType)
        .header(
          'content-disposition',
          contentDisposition(stored.name ?? `${stored.id}${extensionOf(stored.mediaType)}`),
        )
        .header('etag', `"${stored.sha256}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(stored.content);
    },
  );
};

function extensionOf(mediaType: string): string {
  const extensions: Record<string, string> = {
    'application/pdf': '.pdf',
    'image/png': '.png',
    'image/jpeg': '.jpg',
    'application/dicom': '.dcm',
  };
  return extensions[mediaType] ?? '';
}
