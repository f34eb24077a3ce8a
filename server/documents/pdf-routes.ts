import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsync } from 'fastify';
import { viewerOf } from '../access/ehr-access.js';
import { compositionParams } from '../ehr/composition-schemas.js';
import { problemResponses } from '../http/problem-schema.js';
import type { CompositionPdfService } from './composition-pdf.js';

export interface PdfRoutesOptions {
  pdfs: CompositionPdfService;
}

/**
 * `GET /api/ehr/{ehr_id}/compositions/{uid}/pdf` (SPEC §3): the latest version (bare uuid) or
 * an exact version (version id) of a composition as a PDF document, read as the composition is.
 *
 * @example
 * await app.register(pdfRoutes, { pdfs });
 */
export const pdfRoutes: FastifyPluginAsync<PdfRoutesOptions> = async (app, { pdfs }) => {
  app.get<{ Params: { ehrId: string; uid: string } }>(
    '/api/ehr/:ehrId/compositions/:uid/pdf',
    {
      schema: {
        tags: ['documents'],
        summary: 'A composition (latest or exact version) as a PDF document',
        params: compositionParams,
        response: {
          200: { description: 'The PDF document', type: 'string', format: 'binary' },
          ...problemResponses('NOT_FOUND', 'GONE'),
        },
      },
    },
    async (request, reply) => {
      const access = await app.ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const { pdf, versionUid, fileName } = await pdfs.render(access, request.params.uid);
      await app.ehrAccess.recordRead(access, { action: 'composition.pdf', resource: versionUid });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(fileName))
        .header('etag', `"${versionUid}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(pdf);
    },
  );
};
