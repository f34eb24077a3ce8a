import { randomUUID } from 'node:crypto';
import type { ClientComposition, Committer } from '../../server/ehr/commit-repository.js';
import { documentParts } from '../../server/ehr/stored-document.js';
import { formatVersionUid } from '../../server/ehr/version-uid.js';
import { chainAuditEvents, type ChainedAuditEvent, type GeneratedAuditEvent } from './audit-chain-rows.js';
import { isAmended } from './data-set-plan.js';

/** What the generator knows of a template: its revision and category, as the registry has them. */
export interface TemplateFacts {
  id: string;
  revision: string;
  category: string;
}

/** One version as `docsy_commit_contribution` writes it (its own contribution of one version). */
export interface GeneratedVersion {
  uid: string;
  version: number;
  contributionId: string;
  changeType: 'creation' | 'amendment';
  committedAt: Date;
  template: TemplateFacts;
  startTime: string;
  /** The stored JSON text, byte for byte what a read returns. */
  documentText: string;
}

/** Every row one EHR's history needs, consistent with what the commit path would have written. */
export interface EhrHistoryRows {
  ehrId: string;
  createdAt: Date;
  committer: Committer;
  versions: GeneratedVersion[];
  /** The current version of each composition (the last of its versions). */
  current: GeneratedVersion[];
  audit: ChainedAuditEvent[];
}

/** One composition to write: its number in the data set, its template and its client body. */
export interface PlannedComposition {
  n: number;
  template: TemplateFacts;
  body: ClientComposition;
}

const hour = 3_600_000;

/**
 * The rows of one EHR's history: each composition committed an hour after its start time by
 * `committer` (its own contribution, its audit event in the EHR's chain), and those
 * {@link isAmended} amended a day later with the same content (version 2).
 *
 * @example
 * const rows = ehrHistoryRows(randomUUID(), new Date(), planned, loader, 'docsy.local');
 */
export function ehrHistoryRows(
  ehrId: string,
  createdAt: Date,
  compositions: PlannedComposition[],
  committer: Committer,
  systemId: string,
): EhrHistoryRows {
  const versions: GeneratedVersion[] = [];
  const current: GeneratedVersion[] = [];
  for (const { n, template, body } of compositions) {
    const uid = randomUUID();
    const committedAt = new Date(Date.parse(body.context.startTime) + hour);
    const count = isAmended(n) ? 2 : 1;
    for (let version = 1; version <= count; version++) {
      const at = new Date(committedAt.getTime() + (version - 1) * 24 * hour);
      const versionUid = formatVersionUid({ uid, systemId, version });
      const parts = documentParts({ uid, versionUid, ehrId, category: template.category, composer: committer }, body);
      versions.push({
        uid,
        version,
        contributionId: randomUUID(),
        changeType: version === 1 ? 'creation' : 'amendment',
        committedAt: at,
        template,
        startTime: new Date(body.context.startTime).toISOString(),
        documentText: parts.head + JSON.stringify(at.toISOString()) + parts.tail,
      });
    }
    current.push(versions.at(-1)!);
  }
  const events = versions.map((version) => commitEvent(ehrId, version, committer, systemId));
  return { ehrId, createdAt, committer, versions, current, audit: chainAuditEvents(ehrId, events) };
}

function commitEvent(
  ehrId: string,
  version: GeneratedVersion,
  committer: Committer,
  systemId: string,
): GeneratedAuditEvent {
  return {
    action: version.changeType === 'creation' ? 'composition.create' : 'composition.amend',
    outcome: 'success',
    actorId: committer.id,
    actorRole: committer.role ?? null,
    ehrId,
    resource: formatVersionUid({ uid: version.uid, systemId, version: version.version }),
    details: {
      contribution: version.contributionId,
      changeType: version.changeType,
      template: `${version.template.id}@${version.template.revision}`,
    },
    address: committer.address ?? null,
    occurredAt: version.committedAt,
  };
}
