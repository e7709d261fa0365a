import type { AnswerValue, TQuestion } from '@wenming/domain';

/** What `survey.form` answers: only what a respondent needs to answer. */
export interface PublicSurvey {
  title: { zh: string; en: string };
  description: string;
  /** Empty when the survey has no English introduction (older servers may omit it). */
  descriptionEn?: string;
  unitName: string;
  questions: TQuestion[];
  closesOn: string;
}

/**
 * A call's outcome. `network` means no answer from the API at all (offline, proxy down,
 * an HTML error page): worth trying again, unlike the refusals the API names by code.
 */
export type Outcome<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; fields: Record<string, string>; network: boolean };

const NETWORK = { ok: false, code: 'NETWORK', fields: {}, network: true } as const;

/** tRPC over plain HTTP: success is `{result:{data}}`, failure `{error:{data:{appCode, fields}}}`. */
async function call<T>(path: string, init?: RequestInit): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', cache: 'no-store', ...init });
  } catch {
    return NETWORK;
  }
  let body: {
    result?: { data: T };
    error?: { data?: { appCode?: string; fields?: Record<string, string> } };
  };
  try {
    body = await response.json();
  } catch {
    return NETWORK;
  }
  if (body.result) return { ok: true, data: body.result.data };
  const code = body.error?.data?.appCode;
  if (!code || code === 'INTERNAL' || response.status >= 500) return NETWORK;
  return { ok: false, code, fields: body.error?.data?.fields ?? {}, network: false };
}

export function fetchForm(token: string) {
  return call<PublicSurvey>(`/trpc/survey.form?input=${encodeURIComponent(JSON.stringify({ token }))}`);
}

export function submitAnswers(token: string, respondent: string, answers: Record<string, AnswerValue>) {
  return call<{ ok: true }>('/trpc/survey.answer', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, respondent, answers }),
  });
}
