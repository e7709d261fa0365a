import { type ChainEvent, type EvidenceContent, eventPayload, GENESIS, hashPayload } from '@wenming/api';
import { addDays, idOf, onDay, pick, rngFor } from './plan';
import type { Context, Rows } from './unit';

const KINDS = [
  ['meeting_minutes', '创建工作会议纪要'],
  ['activity', '学雷锋志愿服务活动'],
  ['activity_record', '道德讲堂活动记录'],
  ['plan', '创建工作实施方案'],
  ['rules', '文明守则与管理制度'],
  ['summary', '阶段工作总结'],
  ['public_feedback', '群众意见反馈'],
  ['organization', '领导小组调整通知'],
] as const;
const KEEPERS = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆'];

export interface UnitLedger {
  id: string;
  officeId: string;
  campaignId: string;
  departments: string[];
}

/** A file attached to an item: the archive bench gives the first unit one distinct file per item. */
export type AttachmentFor = (n: number) => { sha256: string; name: string } | null;

/**
 * `count` evidence items for a unit, each linked to one indicator, filed a few days after the
 * event (some weeks late, so freshness has something to show), one in fifty revised once.
 * The events are chained exactly as the ledger chains them — same payload, same hash — so
 * `ledger verify` checks generated units like any other.
 */
export function ledgerRows(
  ctx: Context,
  i: number,
  unit: UnitLedger,
  count: number,
  attachment: AttachmentFor,
  rows: Rows,
) {
  const random = rngFor(ctx.seed, 'ledger', i);
  const events: Omit<ChainEvent, 'seq' | 'prevHash'>[] = [];
  for (let n = 0; n < count; n++) {
    const id = idOf(ctx.seed, 'evidence', `${i}:${n}`);
    const [kind, label] = pick(random, KINDS);
    const indicator = pick(random, ctx.indicators);
    const eventDate = addDays('2026-03-01', Math.floor(random() * 260));
    const late = random() < 0.1;
    const capturedAt = onDay(
      addDays(eventDate, late ? 10 + Math.floor(random() * 30) : Math.floor(random() * 4)),
      Math.floor(random() * 600),
    );
    const file = attachment(n);
    const content: EvidenceContent = {
      revision: 1,
      kind,
      title: `${label}（${indicator.code}）第${n + 1}份`,
      description: '',
      eventDate,
      capturedAt: capturedAt.toISOString(),
      departmentId: pick(random, unit.departments),
      keeper: pick(random, KEEPERS),
      participants: kind === 'activity' ? 10 + Math.floor(random() * 90) : null,
      place: kind === 'activity' ? '单位活动室' : null,
      indicators: [{ indicatorId: indicator.id, explanation: '按测评要求归档', materials: [] }],
      taskIds: [],
      attachments: file ? [file] : [],
      retractReason: null,
    };
    const base = { unitId: unit.id, evidenceId: id, actorId: null };
    events.push({ ...base, action: 'create', at: content.capturedAt, content });
    let current = content;
    let updatedAt = capturedAt;
    if (random() < 0.02) {
      updatedAt = new Date(capturedAt.getTime() + 5 * 86_400_000);
      current = { ...content, revision: 2, title: `${content.title}（修订）` };
      events.push({ ...base, action: 'revise', at: updatedAt.toISOString(), content: current });
    }
    rows.evidence_items!.push({
      id,
      office_id: unit.officeId,
      unit_id: unit.id,
      campaign_id: unit.campaignId,
      kind,
      title: current.title,
      description: '',
      event_date: eventDate,
      captured_at: capturedAt,
      department_id: current.departmentId,
      keeper: current.keeper,
      participants: current.participants,
      place: current.place,
      revision: current.revision,
      updated_at: updatedAt,
    });
    rows.evidence_indicators!.push({
      evidence_id: id,
      indicator_id: indicator.id,
      office_id: unit.officeId,
      unit_id: unit.id,
      explanation: '按测评要求归档',
    });
    if (file)
      rows.evidence_attachments!.push({
        evidence_id: id,
        position: 0,
        sha256: file.sha256,
        name: file.name,
        office_id: unit.officeId,
        unit_id: unit.id,
      });
  }
  // The chain follows the clock, as filings do.
  events.sort((a, b) => a.at.localeCompare(b.at) || a.evidenceId.localeCompare(b.evidenceId));
  let prevHash = GENESIS;
  events.forEach((event, s) => {
    const full: ChainEvent = { ...event, seq: s + 1, prevHash };
    const payload = eventPayload(full);
    const hash = hashPayload(payload);
    rows.evidence_events!.push({
      id: idOf(ctx.seed, 'event', `${i}:${s}`),
      office_id: unit.officeId,
      unit_id: unit.id,
      seq: full.seq,
      evidence_id: full.evidenceId,
      action: full.action,
      actor_id: null,
      at: full.at,
      payload,
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
  });
}
