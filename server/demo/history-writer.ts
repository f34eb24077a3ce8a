import { createHash } from 'node:crypto';
import type { AccountRow } from '../access/account-repository.js';
import type { AttachmentService } from '../documents/attachment-service.js';
import type { Committer } from '../ehr/commit-repository.js';
import type { CompositionCommits } from '../ehr/composition-commits.js';
import type { VersionRequest } from '../ehr/prepare-version.js';
import type { PlannedComposition } from './demo-plan.js';

const reason = 'Demo data: synthetic history';
/** A contribution holds at most this many versions (docs/ehr.md). */
const contributionLimit = 1000;

/** One version to commit, by the plan key of its composition. */
interface Pending {
  key: string;
  request: VersionRequest;
}

interface Grouped {
  patient: string;
  author: string;
  pending: Pending;
}

/**
 * Commits planned compositions through the commit path, in rounds: creations, then creations
 * that name another composition's uid (dispensations), then each round of amendments; within a
 * round one contribution per patient and author. Files a composition references are stored
 * first, as uploads by its author.
 *
 * @example
 * await new HistoryWriter(commits, attachments, accounts).write(plan.compositions);
 */
export class HistoryWriter {
  readonly #current = new Map<string, { uid: string; versionUid: string }>();

  constructor(
    private readonly commits: CompositionCommits,
    private readonly attachments: AttachmentService,
    private readonly accounts: Map<string, AccountRow>,
  ) {}

  async write(compositions: PlannedComposition[]): Promise<void> {
    await this.#round(await this.#creations(compositions.filter((c) => !c.link)));
    await this.#round(await this.#creations(compositions.filter((c) => c.link)));
    const rounds = Math.max(0, ...compositions.map((c) => c.amendments.length));
    for (let n = 0; n < rounds; n++) {
      const amended = compositions.filter((c) => c.amendments[n] !== undefined);
      await this.#round(amended.map((c) => this.#amendment(c, n)));
    }
  }

  async #creations(compositions: PlannedComposition[]): Promise<Grouped[]> {
    const grouped: Grouped[] = [];
    for (const composition of compositions) {
      const body = structuredClone(composition.body);
      if (composition.link) setAt(body, composition.link.path, this.#current.get(composition.link.to)!.uid);
      for (const file of composition.files ?? [])
        setAt(body, [...file.path, 'id'], await this.#store(composition, file));
      const request: VersionRequest = { changeType: 'creation', body };
      grouped.push({
        patient: composition.patient,
        author: composition.author,
        pending: { key: composition.key, request },
      });
    }
    return grouped;
  }

  #amendment(composition: PlannedComposition, n: number): Grouped {
    const amendment = composition.amendments[n]!;
    const current = this.#current.get(composition.key)!;
    const request: VersionRequest = {
      changeType: 'amendment',
      uid: current.uid,
      preceding: current.versionUid,
      body: amendment.body,
    };
    return { patient: composition.patient, author: amendment.author, pending: { key: composition.key, request } };
  }

  async #store(
    composition: PlannedComposition,
    file: NonNullable<PlannedComposition['files']>[number],
  ): Promise<string> {
    const author = this.accounts.get(composition.author)!;
    const bytes = Buffer.from(file.content, 'base64');
    const received = { bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    const uploader = { ehrId: this.accounts.get(composition.patient)!.ehr_id!, id: author.id, roles: author.roles };
    return (await this.attachments.storeAs(uploader, received, { name: file.name })).id;
  }

  async #round(items: Grouped[]): Promise<void> {
    const groups = new Map<string, Pending[]>();
    for (const item of items) {
      const group = `${item.patient} ${item.author}`;
      groups.set(group, [...(groups.get(group) ?? []), item.pending]);
    }
    for (const [group, pending] of groups) {
      const [patientKey, authorKey] = group.split(' ') as [string, string];
      for (let i = 0; i < pending.length; i += contributionLimit) {
        await this.#contribute(patientKey, authorKey, pending.slice(i, i + contributionLimit));
      }
    }
  }

  async #contribute(patientKey: string, authorKey: string, pending: Pending[]): Promise<void> {
    const ehrId = this.accounts.get(patientKey)!.ehr_id!;
    const author = this.accounts.get(authorKey)!;
    const committer: Committer = { id: author.id, name: author.name, role: author.roles.join(',') };
    const requests = pending.map((p) => p.request);
    const committed = await this.commits.importHistory(ehrId, requests, committer, { reason });
    committed.versions.forEach((version, i) => {
      this.#current.set(pending[i]!.key, { uid: version.uid, versionUid: version.versionUid });
    });
  }
}

function setAt(target: unknown, path: (string | number)[], value: string): void {
  let node = target as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}
