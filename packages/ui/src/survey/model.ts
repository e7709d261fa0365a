import { subject } from '@casl/ability';
import type { ZSurvey, ZSurveySummary } from '@wenming/domain';
import type { z } from 'zod';

export type TSurveySummary = z.infer<typeof ZSurveySummary>;
export type TSurvey = z.infer<typeof ZSurvey>;
export type SurveyStatus = TSurveySummary['status'];

/** A survey as CASL sees it: `can('update', surveySubject(s))` says whether this user may open or close it. */
export function surveySubject(survey: Pick<TSurveySummary, 'id' | 'officeId' | 'unitId'>) {
  return subject('Survey', { id: survey.id, office_id: survey.officeId, unit_id: survey.unitId });
}

/** A share (0–1) as a whole percentage; `null` (nothing to measure yet) as a dash. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** A mean score on the five-point scale, two decimals. */
export function formatMean(mean: number | null | undefined): string {
  return mean === null || mean === undefined ? '—' : mean.toFixed(2);
}

/**
 * Where a respondent answers: the address the server names for the link (its PUBLIC_URL,
 * which a reverse proxy may make differ from ours), else the light public page on this host.
 */
export function publicSurveyUrl(token: string, url?: string): string {
  if (url && /^https?:\/\//.test(url)) return url;
  return `${window.location.origin}/s/${encodeURIComponent(token)}`;
}

export function qrDownloadUrl(token: string, format: 'png' | 'svg'): string {
  return `/api/download/survey.qr?token=${encodeURIComponent(token)}&format=${format}`;
}

export function posterUrl(token: string): string {
  return `/api/download/survey.poster?token=${encodeURIComponent(token)}`;
}

export function resultsXlsxUrl(surveyId: string): string {
  return `/api/download/survey.xlsx?id=${encodeURIComponent(surveyId)}`;
}
