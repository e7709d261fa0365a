import type { Db } from '@wenming/db';
import type { BlobStore } from '@wenming/storage';
import { type EvidenceContent, GENESIS, hashPayload } from './chain';

export interface LedgerProblem {
  unitCode: string;
  seq: number | null;
  problem: string;
}

export interface LedgerVerification {
  units: number;
  events: number;
  files: number;
  problems: LedgerProblem[];
}

/**
 * Recomputes every unit's chain (or one unit's) and every attached file's hash. Finds
 * content edited in the database (hash mismatch), events reordered or removed (broken
 * links or seq gaps), payloads that disagree with their row, current items that disagree
 * with their last event, and file bytes changed or missing on disk.
 */
export async function verifyLedger(db: Db, store: BlobStore, unitCode?: string): Promise<LedgerVerification> {
  let unitsQuery = db.selectFrom('units').select(['id', 'office_id', 'code']).orderBy('code');
  if (unitCode) unitsQuery = unitsQuery.where('code', '=', unitCode);
  const units = await unitsQuery.execute();
  const problems: LedgerProblem[] = [];
  const files = new Set<string>();
  let events = 0;
  for (const unit of units) {
    const rows = await db
      .selectFrom('evidence_events')
      .select(['seq', 'evidence_id', 'action', 'payload', 'prev_hash', 'hash'])
      .where('unit_id', '=', unit.id)
      .orderBy('seq')
      .execute();
    let prev = GENESIS;
    const last = new Map<string, EvidenceContent>();
    for (const [i, row] of rows.entries()) {
      events++;
      const seq = Number(row.seq);
      const at = (problem: string) => problems.push({ unitCode: unit.code, seq, problem });
      if (seq !== i + 1) at(`expected event ${i + 1} here: an event was removed or reordered`);
      if (row.prev_hash !== prev) at('does not link to the event before it');
      if (hashPayload(row.payload) !== row.hash)
        at('content was changed after it was recorded (hash mismatch)');
      let payload: {
        unitId: string;
        seq: number;
        evidenceId: string;
        action: string;
        prevHash: string;
        content: EvidenceContent;
      };
      try {
        payload = JSON.parse(row.payload);
      } catch {
        at('payload is not readable');
        prev = row.hash;
        continue;
      }
      if (
        payload.unitId !== unit.id ||
        payload.seq !== seq ||
        payload.evidenceId !== row.evidence_id ||
        payload.action !== row.action ||
        payload.prevHash !== row.prev_hash
      ) {
        at('the row disagrees with what was hashed');
      }
      for (const a of payload.content.attachments) files.add(a.sha256);
      last.set(row.evidence_id, payload.content);
      prev = row.hash;
    }
    const items = await db
      .selectFrom('evidence_items')
      .select(['id', 'title', 'kind', 'event_date', 'revision', 'retract_reason'])
      // The tenant key first: it is what the (office_id, unit_id, …) index can use.
      .where('office_id', '=', unit.office_id)
      .where('unit_id', '=', unit.id)
      .execute();
    for (const item of items) {
      const content = last.get(item.id);
      if (!content)
        problems.push({ unitCode: unit.code, seq: null, problem: `item ${item.id} has no recorded history` });
      else if (
        content.title !== item.title ||
        content.kind !== item.kind ||
        content.eventDate !== item.event_date ||
        content.revision !== item.revision ||
        content.retractReason !== item.retract_reason
      ) {
        problems.push({
          unitCode: unit.code,
          seq: null,
          problem: `item ${item.id} ("${item.title}") differs from its last recorded revision`,
        });
      }
    }
  }
  for (const sha256 of files) {
    if (!(await store.verify(sha256)))
      problems.push({ unitCode: '*', seq: null, problem: `file ${sha256} is missing or its bytes changed` });
  }
  return { units: units.length, events, files: files.size, problems };
}
