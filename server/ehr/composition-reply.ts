import type { FastifyReply } from 'fastify';
import { entityTag } from './version-uid.js';

/**
 * Sends a stored composition exactly as stored (its JSON text, not re-serialised), with its
 * version as `ETag` and its commit time as `Last-Modified`.
 *
 * @example
 * return sendComposition(reply, await reads.read(ehrId, uid));
 */
export function sendComposition(
  reply: FastifyReply,
  version: { versionUid: string; committedAt: Date; document: string },
): FastifyReply {
  return versionHeaders(reply, version).type('application/json; charset=utf-8').send(version.document);
}

/** `ETag` (the version id) and `Last-Modified` (its commit time) of a version. */
export function versionHeaders(reply: FastifyReply, version: { versionUid: string; committedAt: Date }): FastifyReply {
  return reply
    .header('etag', entityTag(version.versionUid))
    .header('last-modified', version.committedAt.toUTCString())
    .header('cache-control', 'private, no-cache');
}
