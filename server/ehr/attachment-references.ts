import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { FieldError } from '../http/api-error.js';

/** An attachment value (`docsy:dt/attachment`) in a composition, with its JSON Pointer. */
export interface AttachmentValueAt {
  path: string;
  value: { id: string; mediaType: string; size: number; sha256: string };
}

/**
 * Every attachment value in a composition body: the objects carrying the data type's required
 * members (`id`, `mediaType`, `size`, `sha256`), which nothing else in a composition has.
 *
 * @example
 * attachmentValuesIn(body, '/versions/0/composition');
 * // [{ path: '/versions/0/composition/content/0/data/original_report/0', value: { id, mediaType, size, sha256 } }]
 */
export function attachmentValuesIn(body: unknown, path = ''): AttachmentValueAt[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => attachmentValuesIn(item, `${path}/${i}`));
  if (typeof body !== 'object' || body === null) return [];
  const fields = body as Record<string, unknown>;
  if (
    typeof fields.id === 'string' &&
    typeof fields.mediaType === 'string' &&
    typeof fields.size === 'number' &&
    typeof fields.sha256 === 'string'
  ) {
    return [{ path, value: fields as AttachmentValueAt['value'] }];
  }
  return Object.entries(fields).flatMap(([key, item]) => attachmentValuesIn(item, `${path}/${pointerToken(key)}`));
}

/**
 * The errors of attachment values that name no file uploaded to this EHR, or describe it
 * wrongly (type, size or SHA-256): a composition may reference only its own record's files, as
 * they were stored. One query, only when there are values to check.
 *
 * @example
 * errors.push(...(await attachmentReferenceErrors(db, ehrId, attachmentValuesIn(body))));
 */
export async function attachmentReferenceErrors(
  db: Kysely<Database>,
  ehrId: string,
  found: readonly AttachmentValueAt[],
): Promise<FieldError[]> {
  if (found.length === 0) return [];
  const ids = [...new Set(found.map(({ value }) => value.id.toLowerCase()))].filter(isUuid);
  const stored =
    ids.length === 0
      ? []
      : await db
          .selectFrom('attachment')
          .select(['id', 'media_type', 'size', 'sha256'])
          .where('ehr_id', '=', ehrId)
          .where('id', 'in', ids)
          .execute();
  return found.flatMap(({ path, value }): FieldError[] => {
    const file = stored.find((row) => row.id === value.id.toLowerCase());
    if (!file) {
      return [{ path, message: 'Attachment: no such file was uploaded to this record; upload it first' }];
    }
    if (file.media_type !== value.mediaType || file.size !== value.size || file.sha256 !== value.sha256) {
      return [{ path, message: 'Attachment: its type, size or SHA-256 differ from the uploaded file' }];
    }
    return [];
  });
}

function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text);
}
