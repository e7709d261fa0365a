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

interface ErrorBody {
  appCode?: string;
  fields?: Record<string, string> | null;
}

/**
 * One call to the server. Success is tRPC's `{result:{data}}` or the answer route's
 * `{ok:true}`; failure names its code in tRPC's `{error:{data:{appCode, fields}}}` or the
 * plain routes' `{error:{appCode, fields}}`.
 */
async function call<T>(path: string, init?: RequestInit): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', cache: 'no-store', ...init });
  } catch {
    return NETWORK;
  }
  let body: { result?: { data: T }; ok?: true; error?: ErrorBody & { data?: ErrorBody } };
  try {
    body = await response.json();
  } catch {
    return NETWORK;
  }
  if (response.ok && body.result) return { ok: true, data: body.result.data };
  if (response.ok && body.ok === true) return { ok: true, data: body as T };
  const error = body.error?.data ?? body.error;
  const code = error?.appCode;
  if (!code || code === 'INTERNAL' || response.status >= 500) return NETWORK;
  return { ok: false, code, fields: error?.fields ?? {}, network: false };
}

export function fetchForm(token: string) {
  return call<PublicSurvey>(`/trpc/survey.form?input=${encodeURIComponent(JSON.stringify({ token }))}`);
}

/** The answer goes to the server's own route for it: the busiest public write, kept lean. */
export function submitAnswers(token: string, respondent: string, answers: Record<string, AnswerValue>) {
  return call<{ ok: true }>(`/api/public/surveys/${encodeURIComponent(token)}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ respondent, answers }),
  });
}
