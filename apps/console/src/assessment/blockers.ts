import type { TAssessment } from '@wenming/ui';

export interface Blocker {
  code: string;
  params: Record<string, unknown>;
}

/**
 * Why a conferral or renewal cannot be recorded yet, in the order the server checks: the same
 * codes it would answer, so each reads as the same translated message. The server still decides.
 */
export function conferralBlockers(a: TAssessment, decidedOn: string): Blocker[] {
  const out: Blocker[] = [];
  const r = a.result;
  if (r) {
    if (r.unscored > 0) out.push({ code: 'ASSESSMENT_INCOMPLETE', params: { count: r.unscored } });
    if (r.vetoed) out.push({ code: 'VETO_CONFIRMED', params: {} });
    if (r.passed === null) out.push({ code: 'NO_PASS_THRESHOLD', params: {} });
    else if (!r.passed && !r.vetoed)
      out.push({
        code: 'BELOW_THRESHOLD',
        params: { total: r.total, threshold: a.settings.passThreshold ?? 0 },
      });
  }
  // Only a passing campaign competes for the quota, as the server checks it.
  if (r?.passed && a.ranking && !a.ranking.withinQuota)
    out.push({ code: 'OUTSIDE_QUOTA', params: { rank: a.ranking.rank, of: a.ranking.of } });
  if (!a.notice) out.push({ code: 'NOTICE_REQUIRED', params: {} });
  else {
    if (a.notice.endsOn >= decidedOn)
      out.push({ code: 'NOTICE_WINDOW_OPEN', params: { endsOn: a.notice.endsOn } });
    if (a.notice.openObjections > 0)
      out.push({ code: 'OBJECTIONS_OPEN', params: { count: a.notice.openObjections } });
    if (a.notice.upheldObjections > 0) out.push({ code: 'OBJECTION_UPHELD', params: {} });
  }
  return out;
}
