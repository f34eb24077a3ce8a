import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { appendAuditEvent } from '../../server/audit/audit-log.js';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain.js';
import { tamper } from '../support/audit-tampering.js';
import { testDatabase } from '../support/test-app.js';

const { db } = await testDatabase();

test('events are chained per EHR: each carries the hash of its predecessor', async () => {
  const ehrId = randomUUID();
  for (const action of ['composition.create', 'composition.read', 'composition.amend']) {
    await appendAuditEvent(db, {
      action,
      outcome: 'success',
      actorId: 'user-1',
      actorRole: 'doctor',
      ehrId,
      resource: 'v1',
    });
  }
  const events = await db.selectFrom('audit_event').selectAll().where('chain_key', '=', ehrId).orderBy('seq').execute();
  assert.equal(
    events.map((e) => Number(e.seq)),
    [1, 2, 3],
  );
  assert.is(events[0]!.prev_hash, '0'.repeat(64));
  assert.is(events[1]!.prev_hash, events[0]!.hash);
  assert.is(events[2]!.prev_hash, events[1]!.hash);
  assert.match(events[2]!.hash, /^[0-9a-f]{64}$/);
});

test('an event’s hash is the SHA-256 of its fields joined by "|", so the chain can be checked outside the database', async () => {
  const ehrId = randomUUID();
  await appendAuditEvent(db, {
    action: 'composition.read',
    outcome: 'success',
    actorId: 'user-2',
    actorRole: 'nurse',
    ehrId,
    resource: 'ü-résumé',
    details: { reason: 'Überweisung' },
    address: '10.0.0.1',
  });
  const { rows } = await sql<{ prev_hash: string; hash: string; at: string; details: string }>`
    select prev_hash, hash, details::text as details,
      to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from audit_event where chain_key = ${ehrId}`.execute(db);
  const event = rows[0]!;
  const fields = [event.prev_hash, ehrId, '1', event.at, 'composition.read', 'success', 'user-2', 'nurse', ehrId];
  const text = [...fields, 'ü-résumé', event.details, '10.0.0.1'].join('|');
  assert.is(event.hash, createHash('sha256').update(text, 'utf8').digest('hex'));
});

test('concurrent appends to one chain get consecutive numbers and a valid chain', async () => {
  const ehrId = randomUUID();
  const seqs = await Promise.all(
    Array.from({ length: 20 }, () => appendAuditEvent(db, { action: 'composition.read', outcome: 'success', ehrId })),
  );
  assert.equal(
    [...seqs].sort((a, b) => a - b),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  assert.is((await verifyAuditChain(db)).ok, true);
});

test('the database refuses to change or remove an audit event', async () => {
  const ehrId = randomUUID();
  await appendAuditEvent(db, { action: 'login', outcome: 'failure', ehrId });
  for (const statement of [
    sql`update audit_event set outcome = 'success' where chain_key = ${ehrId}`,
    sql`delete from audit_event where chain_key = ${ehrId}`,
  ]) {
    await statement.execute(db).then(
      () => assert.unreachable('the change went through'),
      (error: Error) => assert.match(error.message, /append-only/),
    );
  }
});

test('a changed audit row makes verification fail and name it; restoring it heals the chain', async () => {
  const ehrId = randomUUID();
  for (let i = 0; i < 3; i++)
    await appendAuditEvent(db, { action: 'composition.read', outcome: 'success', ehrId, details: { n: i } });
  const before = await verifyAuditChain(db);
  assert.equal([before.ok, before.firstBroken], [true, null]);
  assert.ok(before.checked >= 3);
  await tamper(sql`update audit_event set actor_id = 'someone-else' where chain_key = ${ehrId} and seq = 2`);
  const after = await verifyAuditChain(db);
  assert.is(after.ok, false);
  assert.equal(after.firstBroken, {
    chainKey: ehrId,
    seq: 2,
    reason: 'its content does not match its hash (changed after it was written)',
  });
  await tamper(sql`update audit_event set actor_id = null where chain_key = ${ehrId} and seq = 2`);
  assert.is((await verifyAuditChain(db)).ok, true);
});

test('a removed audit row is found by the broken link after it', async () => {
  const ehrId = randomUUID();
  for (let i = 0; i < 3; i++) await appendAuditEvent(db, { action: 'composition.read', outcome: 'success', ehrId });
  // Kept as the database's own JSON, so the timestamp keeps its microseconds.
  const { rows } = await sql<{
    row: string;
  }>`select to_jsonb(a)::text as row from audit_event a where chain_key = ${ehrId} and seq = 2`.execute(db);
  const removed = rows[0]!.row;
  await tamper(sql`delete from audit_event where chain_key = ${ehrId} and seq = 2`);
  assert.equal((await verifyAuditChain(db)).firstBroken, {
    chainKey: ehrId,
    seq: 3,
    reason: 'the event before it is missing',
  });
  await tamper(sql`insert into audit_event select * from jsonb_populate_record(null::audit_event, ${removed}::jsonb)`);
  assert.is((await verifyAuditChain(db)).ok, true);
});

test.run();
