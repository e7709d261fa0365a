import { createHash } from 'node:crypto';
import type { Tx } from '@wenming/db';
import { stableJson } from '@wenming/domain';
import { sql } from 'kysely';

/** The hash a unit's first event points back to. */
export const GENESIS = '0'.repeat(64);

export interface EvidenceContent {
  revision: number;
  kind: string;
  title: string;
  description: string;
  eventDate: string;
  capturedAt: string;
  departmentId: string | null;
  keeper: string | null;
  participants: number | null;
  place: string | null;
  indicators: { indicatorId: string; explanation: string; materials: string[] }[];
  taskIds: string[];
  attachments: { sha256: string; name: string }[];
  retractReason: string | null;
}

export interface ChainEvent {
  unitId: string;
  seq: number;
  evidenceId: string;
  action: 'create' | 'revise' | 'retract';
  actorId: string | null;
  at: string;
  prevHash: string;
  content: EvidenceContent;
}

/**
 * The exact text that is hashed: sorted-key JSON of the whole event, the previous hash and
 * the attached files' sha256 included. Stored beside the hash, so the chain can be checked
 * with plain SQL (`encode(sha256(convert_to(payload, 'UTF8')), 'hex')`).
 */
export function eventPayload(event: ChainEvent): string {
  return stableJson(event);
}

export function hashPayload(payload: string): string {
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

/**
 * Appends an event to the unit's chain. One writer per unit at a time (an advisory lock for
 * the transaction), so two concurrent filings can never take the same place in the chain.
 */
export async function appendEvent(trx: Tx, officeId: string, event: Omit<ChainEvent, 'seq' | 'prevHash'>) {
  await sql`select pg_advisory_xact_lock(hashtext(${`ledger:${event.unitId}`}))`.execute(trx);
  const head = await trx
    .selectFrom('evidence_events')
    .select(['seq', 'hash'])
    .where('unit_id', '=', event.unitId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const full: ChainEvent = { ...event, seq: Number(head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS };
  const payload = eventPayload(full);
  const hash = hashPayload(payload);
  await trx
    .insertInto('evidence_events')
    .values({
      office_id: officeId,
      unit_id: full.unitId,
      seq: full.seq,
      evidence_id: full.evidenceId,
      action: full.action,
      actor_id: full.actorId,
      at: full.at,
      payload,
      prev_hash: full.prevHash,
      hash,
    })
    .execute();
  return { seq: full.seq, hash };
}
