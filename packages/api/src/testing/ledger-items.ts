import type { Db } from '@wenming/db';
import type { Fixture } from './fixtures';

export interface FiledItem {
  title: string;
  materials?: string[];
  capturedAt?: string;
  retractedAt?: string;
}

/**
 * An item of U1's campaign filed for one indicator at a chosen time, as the ledger would
 * store it (straight into the tables, so tests can place it in the past and retract it then).
 */
export async function fileItem(db: Db, f: Fixture, indicatorId: string, item: FiledItem) {
  const captured = new Date(item.capturedAt ?? '2027-01-06T02:00:00Z');
  const row = await db
    .insertInto('evidence_items')
    .values({
      office_id: f.offices.D1,
      unit_id: f.units.U1,
      campaign_id: f.campaigns.U1,
      kind: 'plan',
      title: item.title,
      event_date: captured.toISOString().slice(0, 10),
      captured_at: captured,
      updated_at: captured,
      retracted_at: item.retractedAt ? new Date(item.retractedAt) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('evidence_indicators')
    .values({
      evidence_id: row.id,
      indicator_id: indicatorId,
      office_id: f.offices.D1,
      unit_id: f.units.U1,
      materials: item.materials ?? [],
    })
    .execute();
  return row.id;
}
