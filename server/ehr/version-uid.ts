import { ApiError } from '../http/api-error.js';

/** A composition version's identity: `{uuid}::{system id}::{version number}`. */
export interface VersionUid {
  uid: string;
  systemId: string;
  version: number;
}

const uuidPattern = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A composition uuid, or a version id of one; the route parameter `{uid}` of SPEC §3. */
export const compositionUidPattern = `^${uuidPattern}(::[A-Za-z0-9.-]{1,253}::[1-9][0-9]{0,8})?$`;

const versionUidExpression = new RegExp(`^(${uuidPattern})::([A-Za-z0-9.-]{1,253})::([1-9][0-9]{0,8})$`);
const entityTagExpression = /^"([^"]*)"$/;

/**
 * The version id of version `version` of a composition.
 *
 * @example
 * formatVersionUid({ uid: '8f1c…', systemId: 'docsy.local', version: 2 }); // '8f1c…::docsy.local::2'
 */
export function formatVersionUid({ uid, systemId, version }: VersionUid): string {
  return `${uid.toLowerCase()}::${systemId}::${version}`;
}

/**
 * Reads a version id; undefined when the text is not one.
 *
 * @example
 * parseVersionUid('8f1c…::docsy.local::2'); // { uid: '8f1c…', systemId: 'docsy.local', version: 2 }
 */
export function parseVersionUid(text: string): VersionUid | undefined {
  const match = versionUidExpression.exec(text);
  if (!match) return undefined;
  return { uid: match[1]!.toLowerCase(), systemId: match[2]!, version: Number(match[3]) };
}

/** The `ETag` header value of a version: its version id as a strong entity tag. */
export function entityTag(versionUid: string): string {
  return `"${versionUid}"`;
}

/**
 * The version id an `If-Match` header names: one strong entity tag (what `ETag` carried).
 * Anything else (`*`, a list, a weak tag, other text) gives `''`, which never matches a current
 * version, so the answer is 412 with the current `ETag`. A missing header is a 428 problem.
 *
 * @example
 * precedingVersion('"8f1c…::docsy.local::2"'); // '8f1c…::docsy.local::2'
 */
export function precedingVersion(ifMatch: string | undefined): string {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new ApiError(
      'PRECONDITION_REQUIRED',
      "Send If-Match with the version you are changing (the ETag of your last read), so that no one else's change is lost",
    );
  }
  return entityTagExpression.exec(ifMatch.trim())?.[1] ?? '';
}
