import type { Tx } from '@wenming/db';
import { type AuthedContext, actorId } from '../context';

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  officeId: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Written in the mutation's own transaction: no change without its audit row, and no audit row without its change. */
export async function recordAudit(trx: Tx, ctx: Pick<AuthedContext, 'user' | 'clock'>, entry: AuditEntry) {
  await trx
    .insertInto('audit_log')
    .values({
      office_id: entry.officeId,
      unit_id: entry.unitId ?? null,
      actor_id: actorId(ctx),
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      summary: JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null }),
      at: ctx.clock.now(),
    })
    .execute();
}

/** Only the fields that changed, so the log says what happened and not the whole row twice. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (after[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
