import type { EvidenceKind, TEvidence } from '@wenming/domain';
import { blankToUndefined, type FilePrefill, type LedgerIndicator } from '@wenming/ui';
import type { Attachment } from './AttachmentsField';

export interface IndicatorLinkValues {
  indicatorId?: string;
  explanation?: string;
  materials?: string[];
}

export interface EvidenceValues {
  kind?: EvidenceKind;
  title?: string;
  description?: string;
  eventDate?: string;
  departmentId?: string;
  keeper?: string;
  participants?: number | null;
  place?: string;
  indicators?: IndicatorLinkValues[];
  taskIds?: string[];
}

/** A first guess of the kind from a required material's name; the user can change it. */
const KIND_HINTS: [RegExp, EvidenceKind][] = [
  [/纪要|会议/, 'meeting_minutes'],
  [/领导小组|机构|组织/, 'organization'],
  [/规划|方案|计划/, 'plan'],
  [/制度|守则|规范|公约/, 'rules'],
  [/检查|督查|暗访/, 'inspection_record'],
  [/总结|报告/, 'summary'],
  [/评选|表彰|奖惩|考核/, 'evaluation_record'],
  [/测评表|满意度/, 'survey_form'],
  [/意见/, 'opinion_form'],
  [/活动|志愿|服务|照片|图片/, 'activity'],
  [/文件|通知/, 'campaign_document'],
];

export function guessKind(material: string | undefined): EvidenceKind | undefined {
  return material ? KIND_HINTS.find(([re]) => re.test(material))?.[1] : undefined;
}

/** Today on the user's calendar, as the date inputs want it. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole days from an event date to today (how late the filing will be). */
export function daysSince(date: string | undefined): number {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 0;
  return Math.round((Date.parse(today()) - Date.parse(date)) / 86_400_000);
}

export function newValues(prefill: FilePrefill, keeper: string, departmentId?: string): EvidenceValues {
  return {
    kind: guessKind(prefill.material),
    title: prefill.material ?? '',
    eventDate: today(),
    keeper,
    departmentId,
    indicators: prefill.indicatorId
      ? [
          {
            indicatorId: prefill.indicatorId,
            explanation: '',
            materials: prefill.material ? [prefill.material] : [],
          },
        ]
      : [],
    taskIds: [],
  };
}

export function valuesOf(item: TEvidence): EvidenceValues {
  return {
    kind: item.kind,
    title: item.title,
    description: item.description,
    eventDate: item.eventDate,
    departmentId: item.departmentId ?? undefined,
    keeper: item.keeper ?? '',
    participants: item.participants,
    place: item.place ?? '',
    indicators: item.indicators.map((i) => ({
      indicatorId: i.id,
      explanation: i.explanation,
      materials: i.materials,
    })),
    taskIds: item.tasks.map((task) => task.id),
  };
}

export function attachmentsOf(item: TEvidence): Attachment[] {
  return item.attachments.map((a) => ({
    uid: `stored-${a.position}`,
    name: a.name,
    bytes: a.bytes,
    status: 'done',
    percent: 100,
    sha256: a.sha256,
  }));
}

/** The form as the API's fields (ZCreateEvidence without the campaign). */
export function payloadOf(values: EvidenceValues, attachments: Attachment[], indicators: LedgerIndicator[]) {
  const activity = values.kind === 'activity';
  return {
    kind: values.kind,
    title: values.title,
    description: values.description ?? '',
    eventDate: values.eventDate,
    departmentId: blankToUndefined(values.departmentId) ?? null,
    keeper: blankToUndefined(values.keeper) ?? null,
    participants: activity ? (values.participants ?? null) : null,
    place: activity ? (blankToUndefined(values.place) ?? null) : null,
    indicators: (values.indicators ?? [])
      .filter((link) => link.indicatorId)
      .map((link) => {
        const required =
          indicators.find((i) => i.id === link.indicatorId)?.materials.map((m) => m.name) ?? [];
        return {
          indicatorId: link.indicatorId,
          explanation: link.explanation ?? '',
          materials: (link.materials ?? []).filter((m) => required.includes(m)),
        };
      }),
    taskIds: values.taskIds ?? [],
    attachments: attachments
      .filter((a) => a.status === 'done' && a.sha256)
      .map((a) => ({ sha256: a.sha256, name: a.name })),
  };
}
