import type { ClientComposition, Committer } from './commit-repository.js';

/** A stored composition's JSON text around its commit time, which the database fills in. */
export interface DocumentParts {
  head: string;
  tail: string;
}

/**
 * The JSON text of a version as stored and read back forever: the fields the server sets
 * first (`uid`, `versionUid`, `ehrId`, `category`, `composer`, `committedAt`), then the client's
 * `template`, `context` and `content` in the order sent. The commit time is the database's, so
 * the text is cut where it goes.
 *
 * @example
 * const { head, tail } = documentParts({ uid, versionUid, ehrId, category: 'event', composer }, body);
 * head + JSON.stringify('2026-03-02T08:30:00.000Z') + tail; // the stored document
 */
export function documentParts(
  fields: { uid: string; versionUid: string; ehrId: string; category: string; composer: Committer },
  body: ClientComposition,
): DocumentParts {
  const { uid, versionUid, ehrId, category, composer } = fields;
  const head = JSON.stringify({ uid, versionUid, ehrId, category, composer: { id: composer.id, name: composer.name } });
  const rest = JSON.stringify(body);
  return { head: `${head.slice(0, -1)},"committedAt":`, tail: rest === '{}' ? '}' : `,${rest.slice(1)}` };
}
