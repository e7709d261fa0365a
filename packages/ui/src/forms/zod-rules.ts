import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

/** Empty inputs mean "not given": optional schemas accept them, required ones say so. */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() === '') return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

export interface FieldHints {
  /** What a value of this field looks like, shown when it does not match its pattern. */
  format?: string;
}

/**
 * Zod's own messages are English and technical; forms show the same rule in the user's
 * language (the shared schemas stay the single source of the rules themselves).
 */
export function issueMessage(
  issue: z.core.$ZodIssue,
  value: unknown,
  t: TFunction,
  hints: FieldHints = {},
): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined || value === null ? t('validation.required') : t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: issue.minimum });
      }
      return t('validation.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: issue.maximum });
      if (issue.origin === 'array') return t('validation.tooMany', { max: issue.maximum });
      return t('validation.invalid');
    case 'invalid_format':
      return hints.format ?? t('validation.format');
    case 'custom':
      return t('validation.invalidChars');
    default:
      return t('validation.invalid');
  }
}

/** antd rules that run a shared zod field schema; `required` only draws the asterisk. */
export function useZodRule() {
  const { t } = useTranslation();
  return useCallback(
    (schema: z.ZodType, hints: FieldHints = {}, required = false): FormRule[] => [
      { required, message: t('validation.required') },
      {
        validator: async (_rule, raw) => {
          const value = blankToUndefined(raw);
          // An empty required field is the `required` rule's to report, once.
          if (required && value === undefined) return;
          const parsed = schema.safeParse(value);
          const issue = parsed.success ? undefined : parsed.error.issues[0];
          if (issue) throw new Error(issueMessage(issue, value, t, hints));
        },
      },
    ],
    [t],
  );
}

/**
 * Checks a whole payload against its schema before it is sent, putting any message on the
 * field it concerns. Returns the parsed value, or null when something is wrong.
 */
export function useZodSubmit() {
  const { t } = useTranslation();
  return useCallback(
    <S extends z.ZodType>(
      form: FormInstance,
      schema: S,
      payload: unknown,
      hints: Record<string, FieldHints> = {},
    ) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) return parsed.data as z.output<S>;
      form.setFields(
        parsed.error.issues.map((issue) => {
          // Nested objects are flat in forms: `role.officeId` is the `officeId` field.
          const field = String(issue.path.findLast((part) => typeof part === 'string') ?? '');
          return { name: field, errors: [issueMessage(issue, undefined, t, hints[field])] };
        }),
      );
      return null;
    },
    [t],
  );
}
