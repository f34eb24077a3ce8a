/** JSON Schemas of the attachment routes (they also make the OpenAPI document). */
export { ehrParams as uploadParams } from '../ehr/composition-schemas.js';
import { attachmentMediaTypes } from './file-signature.js';

const uuid = { type: 'string', format: 'uuid' } as const;

export const uploadQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filename: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      // A file's own name: no folders, no control characters.
      pattern: '^[^/\\\\\\u0000-\\u001f\\u007f]+$',
      description: 'The file name to download it under (no folders).',
    },
  },
} as const;

export const attachmentParams = {
  type: 'object',
  required: ['ehrId', 'id'],
  properties: { ehrId: uuid, id: uuid },
} as const;

/** The attachment value a composition references (`docsy:dt/attachment`). */
export const attachmentValue = {
  type: 'object',
  required: ['id', 'mediaType', 'size', 'sha256'],
  additionalProperties: false,
  properties: {
    id: uuid,
    mediaType: { type: 'string', enum: [...attachmentMediaTypes] },
    size: { type: 'integer', minimum: 0 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    name: { type: 'string' },
  },
} as const;

/** What the upload's OpenAPI entry lists; any Content-Type is read, the bytes decide. */
export const uploadMediaTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/dicom',
  'application/octet-stream',
];

/** The raw file (read as a stream by the route, so the schema constrains nothing). */
export const uploadBody = {
  description: 'The file itself as the raw body: a PDF, PNG, JPEG or DICOM file (its type is decided by its bytes)',
} as const;

export const attachmentFile = {
  description: 'The file as uploaded, byte for byte',
  type: 'string',
  format: 'binary',
} as const;
