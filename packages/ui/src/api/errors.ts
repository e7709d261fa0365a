import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@wenming/api';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export interface ApiErrorInfo {
  /** Stable code from the server (`AppError` codes, or the tRPC code), or NETWORK. */
  appCode: string;
  /** English fallback from the server. */
  message: string;
  params: Record<string, unknown>;
  /** Field path → message, for forms. */
  fields: Record<string, string> | null;
  httpStatus: number | null;
}

export function apiErrorInfo(error: unknown): ApiErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (data) {
      return {
        appCode: data.appCode,
        message: error.message,
        params: data.params ?? {},
        fields: data.fields ?? null,
        httpStatus: data.httpStatus,
      };
    }
    // Refusals before tRPC runs (cross-origin check) answer a bare `{ error: { appCode } }`.
    const bare = error.shape as { appCode?: unknown } | undefined;
    if (typeof bare?.appCode === 'string') {
      return { appCode: bare.appCode, message: error.message, params: {}, fields: null, httpStatus: null };
    }
    // No error shape: the request never reached the API (offline, proxy down, HTML error page).
    return { appCode: 'NETWORK', message: error.message, params: {}, fields: null, httpStatus: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { appCode: 'INTERNAL', message, params: {}, fields: null, httpStatus: null };
}

/** The session is gone (or never was): the only errors that send the user to the sign-in page. */
export function isSignedOutError(error: unknown): boolean {
  const { appCode } = apiErrorInfo(error);
  return appCode === 'UNAUTHORIZED' || appCode === 'SESSION_EXPIRED';
}

/** Client mistakes are not retried: asking again gives the same answer. */
export function isClientError(error: unknown): boolean {
  const { httpStatus } = apiErrorInfo(error);
  return httpStatus !== null && httpStatus >= 400 && httpStatus < 500;
}

/** Translates an API failure by its code; the server's English message is the fallback. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const info = apiErrorInfo(error);
      return t(`errors.${info.appCode}`, { ...info.params, defaultValue: info.message });
    },
    [t],
  );
}

/** A server path (`departments.2`, `role.officeId`) names the form field it belongs to. */
function formField(path: string, known: readonly string[]): string | undefined {
  const parts = path.split('.');
  return [parts.at(-1), parts[0]].find((part): part is string => !!part && known.includes(part));
}

/**
 * Puts the server's field messages next to the fields. A code with its own translation
 * (UNIT_CODE_TAKEN, USERNAME_TAKEN…) says more than the server's English word for it.
 * Returns whether any field got a message, so callers don't repeat it in a banner.
 */
export function useApplyFieldErrors() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (form: FormInstance, error: unknown, known: readonly string[]) => {
      const info = apiErrorInfo(error);
      if (!info.fields) return false;
      const specific = info.appCode !== 'BAD_REQUEST' && i18n.exists(`errors.${info.appCode}`);
      const entries = Object.entries(info.fields).flatMap(([path, message]) => {
        const field = formField(path, known);
        return field
          ? [{ name: field, errors: [specific ? t(`errors.${info.appCode}`, { ...info.params }) : message] }]
          : [];
      });
      form.setFields(entries);
      return entries.length > 0;
    },
    [t, i18n],
  );
}
