import type { Generated } from 'kysely';

/** A file uploaded into an EHR (append-only; see migration 0500). */
export interface AttachmentTable {
  ehr_id: string;
  id: string;
  /** Decided from the file's bytes, never from what the client declared. */
  media_type: string;
  size: number;
  /** SHA-256 of `content`, lowercase hex, computed while the upload streamed in. */
  sha256: string;
  /** The file name the uploader gave, if any. */
  name: string | null;
  /** `Buffer` from `pg`, `Uint8Array` from PGlite. */
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Generated<Date>;
}

export interface DocumentTables {
  attachment: AttachmentTable;
}
