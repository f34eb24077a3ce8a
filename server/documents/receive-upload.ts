import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ApiError } from '../http/api-error.js';

/** A file as received: its bytes, their count and their SHA-256 (lowercase hex). */
export interface ReceivedFile {
  bytes: Buffer;
  size: number;
  sha256: string;
}

/**
 * Reads an upload stream, hashing as the bytes arrive and counting them: at `limit` + 1 bytes it
 * stops reading and throws a 413 problem, so at most `limit` bytes are ever held. A declared
 * `Content-Length` over the limit is refused before anything is read.
 *
 * @example
 * const file = await receiveUpload(request.body as Readable, { limit: 20 * 1024 * 1024, declaredLength });
 * file.sha256; // 'e3b0c442…'
 */
export async function receiveUpload(
  stream: Readable,
  options: { limit: number; declaredLength?: number },
): Promise<ReceivedFile> {
  const { limit } = options;
  if (options.declaredLength !== undefined && options.declaredLength > limit) throw tooLarge(limit);
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed on an early stop: the request must stay open for the 413 answer.
  for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > limit) throw tooLarge(limit);
    hash.update(bytes);
    chunks.push(bytes);
  }
  return { bytes: Buffer.concat(chunks, size), size, sha256: hash.digest('hex') };
}

function tooLarge(limit: number): ApiError {
  // The rest of the body is not read: the connection closes after the answer.
  return new ApiError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${limit} bytes (ATTACHMENT_LIMIT)`, {
    headers: { connection: 'close' },
  });
}
