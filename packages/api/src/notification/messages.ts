import type { ManagementAction } from '@wenming/domain';

/**
 * Wording the server writes into inboxes, in both languages: the inbox shows the reader's
 * language, the Chinese one goes into email copies. A plain string (what a user typed: a
 * comment, a reason) reads the same in both.
 */
export type Wording = string | { zh: string; en: string };

export interface Message {
  title: Wording;
  body?: Wording;
}

export const zhOf = (text: Wording) => (typeof text === 'string' ? text : text.zh);
export const enOf = (text: Wording) => (typeof text === 'string' ? text : text.en);

const BULLETIN_KIND = {
  praise: { zh: '表扬通报', en: 'Praise bulletin' },
  criticism: { zh: '批评通报', en: 'Criticism bulletin' },
  rectification: { zh: '整改通报', en: 'Rectification bulletin' },
} as const;

const STATUS_STEP: Record<ManagementAction, { zh: string; en: string }> = {
  retain: { zh: '复查通过，保留文明单位称号', en: 'Re-examination passed: title retained' },
  yellow_card: { zh: '黄牌警告，限期整改', en: 'Yellow card: rectify by the deadline' },
  restore: { zh: '整改到位，恢复正常', en: 'Rectified: standing restored' },
  revocation: { zh: '撤销文明单位称号', en: 'Civilized-unit title revoked' },
  lapse: { zh: '文明单位称号自动终止', en: 'Civilized-unit title lapsed' },
};

export const messages = {
  inspectionPlanned: (title: string, plannedOn: string): Message => ({
    title: { zh: `督查安排：${title}`, en: `Inspection scheduled: ${title}` },
    body: { zh: `计划日期 ${plannedOn}`, en: `Planned for ${plannedOn}` },
  }),
  inspectionResults: (title: string, unannounced: boolean): Message => ({
    title: unannounced
      ? { zh: `暗访结果：${title}`, en: `Unannounced inspection results: ${title}` }
      : { zh: `督查结果：${title}`, en: `Inspection results: ${title}` },
  }),
  rectificationIssued: (title: string, deadline: string): Message => ({
    title: { zh: `整改通知：${title}`, en: `Rectification order: ${title}` },
    body: { zh: `整改期限 ${deadline}`, en: `Deadline ${deadline}` },
  }),
  rectificationAnswered: (title: string, comment: string): Message => ({
    title: { zh: `整改已答复：${title}`, en: `Rectification answered: ${title}` },
    body: comment,
  }),
  rectificationReturned: (title: string, comment: string): Message => ({
    title: { zh: `整改被退回：${title}`, en: `Rectification returned: ${title}` },
    body: comment,
  }),
  rectificationDue: (title: string, deadline: string, overdue: boolean): Message => ({
    title: overdue
      ? { zh: `整改已逾期：${title}`, en: `Rectification overdue: ${title}` }
      : { zh: `整改即将到期：${title}`, en: `Rectification due soon: ${title}` },
    body: { zh: `整改期限 ${deadline}`, en: `Deadline ${deadline}` },
  }),
  reportDue: (schedule: string, unit: string, dueOn: string, overdue: boolean): Message => ({
    title: overdue
      ? { zh: `工作报告已逾期：${schedule}（${unit}）`, en: `Work report overdue: ${schedule} (${unit})` }
      : { zh: `工作报告即将到期：${schedule}（${unit}）`, en: `Work report due soon: ${schedule} (${unit})` },
    body: { zh: `报送期限 ${dueOn}`, en: `Due ${dueOn}` },
  }),
  decision: (decisionNo: string, conferred: boolean, reason: string): Message => ({
    title: conferred
      ? { zh: `创建结果：${decisionNo}`, en: `Campaign result: ${decisionNo}` }
      : { zh: `创建申报未通过：${decisionNo}`, en: `Application not approved: ${decisionNo}` },
    body: reason,
  }),
  statusStep: (action: ManagementAction, decisionNo: string, reason: string): Message => ({
    title: {
      zh: `${STATUS_STEP[action].zh}（${decisionNo}）`,
      en: `${STATUS_STEP[action].en} (${decisionNo})`,
    },
    body: reason,
  }),
  termEnding: (unitName: string, year: number): Message => ({
    title: {
      zh: `文明单位称号将于${year}年届满：${unitName}`,
      en: `Civilized-unit title ends its term in ${year}: ${unitName}`,
    },
    body: {
      zh: '请及时启动复查（再创）工作，开启新一届创建。',
      en: 'Open a renewal campaign in good time for the re-examination of the next term.',
    },
  }),
  bulletin: (kind: keyof typeof BULLETIN_KIND, title: string): Message => ({
    title: { zh: `${BULLETIN_KIND[kind].zh}：${title}`, en: `${BULLETIN_KIND[kind].en}: ${title}` },
    body: { zh: '请阅知并签收', en: 'Please read and acknowledge it' },
  }),
  notice: (title: string, startsOn: string, endsOn: string): Message => ({
    title: { zh: `公示：${title}`, en: `Public notice: ${title}` },
    body: { zh: `公示期 ${startsOn} 至 ${endsOn}`, en: `Notice period ${startsOn} to ${endsOn}` },
  }),
  objection: (noticeTitle: string, text: string): Message => ({
    title: { zh: `公示异议：${noticeTitle}`, en: `Objection to a public notice: ${noticeTitle}` },
    body: text,
  }),
};
