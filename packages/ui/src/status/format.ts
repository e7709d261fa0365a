import { dayjs } from '../i18n/dayjs';

/** A term (届) as printed on decisions: "2024–2026"; `null` when the unit holds none. */
export function formatTerm(startYear: number | null, endYear: number | null): string | null {
  if (startYear === null && endYear === null) return null;
  if (startYear !== null && endYear !== null && startYear === endYear) return String(startYear);
  return `${startYear ?? '?'}–${endYear ?? '?'}`;
}

/** Dates are shown the same way in both languages (YYYY-MM-DD): unambiguous on Chinese and English screens. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}

export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : null;
}
