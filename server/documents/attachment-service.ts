import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EhrAccess } from '../access/ehr-access.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import {
  attachmentReferences,
  findAttachment,
  insertAttachment,
  type AttachmentRecord,
  type StoredAttachment,
} from './attachment-repository.js';
import { attachmentMediaTypes, fileSignature, signatureHeadLength, signatureTailLength } from './file-signature.js';
import type { ReceivedFile } from './receive-upload.js';
import { inTransaction } from '../db/in-transaction.js';

/** Who uploads a file into which EHR. */
export interface Uploader {
  ehrId: string;
  id: string;
  roles: string[];
  address?: string;
}

/**
 * Attachments of EHRs: stores an upload once its bytes prove its type, and reads one back for a
 * viewer, checking its SHA-256 and the compositions that reference it. Callers authorize first
 * (`EhrAccessControl`); uploads and reads are audited here.
 *
 * @example
 * const attachments = new AttachmentService(db);
 * const value = await attachments.store(access, file, { name: 'scan.png' });
 * const { content } = await attachments.read(access, value.id);
 */
export class AttachmentService {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * Stores a received file as an attachment of the access's EHR and returns its attachment
   * value. Throws 415 when the bytes are not a PDF, PNG, JPEG or DICOM file and 422 when they
   * start like one but are cut short; nothing is stored then.
   */
  async store(access: EhrAccess, file: ReceivedFile, options: { name?: string }): Promise<AttachmentRecord> {
    const { viewer, ehrId, roles } = access;
    return this.storeAs({ ehrId, id: viewer.user.id, roles, address: viewer.address }, file, options);
  }

  /**
   * {@link store} for a caller that has decided who uploads into which EHR itself (a data load
   * acting as a practitioner); inside the caller's transaction when this service was given one.
   *
   * @example
   * const value = await new AttachmentService(trx).storeAs({ ehrId, id: labId, roles: ['lab_technician'] }, file, { name: 'report.pdf' });
   */
  async storeAs(uploader: Uploader, file: ReceivedFile, options: { name?: string }): Promise<AttachmentRecord> {
    const signature = fileSignature(
      file.bytes.subarray(0, signatureHeadLength),
      file.bytes.subarray(Math.max(0, file.size - signatureTailLength)),
    );
    if (signature.kind === 'unknown') {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        `The file is not one of ${attachmentMediaTypes.join(', ')} (decided from its content, not its name or Content-Type)`,
      );
    }
    if (signature.kind === 'incomplete') {
      throw new ApiError('INCOMPLETE_FILE', `The file is incomplete or damaged: ${signature.detail}`);
    }
    const record: AttachmentRecord = {
      id: randomUUID(),
      mediaType: signature.mediaType,
      size: file.size,
      sha256: file.sha256,
      ...(options.name ? { name: options.name } : {}),
    };
    await inTransaction(this.#db, async (trx) => {
      await insertAttachment(trx, {
        ehr_id: uploader.ehrId,
        id: record.id,
        media_type: record.mediaType,
        size: record.size,
        sha256: record.sha256,
        name: record.name ?? null,
        content: file.bytes,
        uploaded_by: uploader.id,
      });
      await appendAuditEvent(trx, {
        action: 'attachment.upload',
        outcome: 'success',
        actorId: uploader.id,
        actorRole: uploader.roles.join(','),
        ehrId: uploader.ehrId,
        resource: record.id,
        details: { mediaType: record.mediaType, size: record.size },
        address: uploader.address,
      });
    });
    return record;
  }

  /**
   * One attachment with its bytes, for a viewer: 404 when there is none, or when every
   * composition referencing it is hidden from the viewer (restricted, or a template the policy
   * keeps from them); an attachment no composition references yet is readable by anyone who
   * may read the EHR. Throws an `INTEGRITY_CHECK_FAILED` problem when the stored bytes no longer
   * match their SHA-256: they are never served. Does not audit (see {@link recordRead}).
   */
  async read(access: EhrAccess, id: string): Promise<StoredAttachment> {
    const stored = await findAttachment(this.#db, access.ehrId, id);
    const notFound = new ApiError('NOT_FOUND', `No attachment ${id} in EHR ${access.ehrId}`);
    if (!stored) throw notFound;
    const references = await attachmentReferences(this.#db, access.ehrId, id, access.visibility);
    if (references.referencing > 0 && references.visible === 0) throw notFound;
    const actual = createHash('sha256').update(stored.content).digest('hex');
    if (actual !== stored.sha256 || stored.content.length !== stored.size) {
      throw new ApiError(
        'INTEGRITY_CHECK_FAILED',
        `Attachment ${id} does not match its SHA-256 and is not served; quote the request id when reporting it`,
      );
    }
    return stored;
  }
}
