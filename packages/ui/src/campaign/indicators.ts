import type { TFrameworkDetail } from '@wenming/domain';
import { localized } from './CampaignFacts';
import type { IndicatorOption } from './TaskFilterBar';

export interface CategoryOption {
  code: string;
  name: string;
  indicators: IndicatorOption[];
}

/** The framework's indicators with their database ids, grouped by category, named in the reader's language. */
export function frameworkIndicators(detail: TFrameworkDetail, language: string): CategoryOption[] {
  const name = (text: { zh: string; en: string }) => localized(text, language);
  return detail.file.categories.map((category) => ({
    code: category.code,
    name: name(category.name),
    indicators: category.indicators.flatMap((indicator) => {
      const id = detail.indicatorIds[indicator.code];
      return id ? [{ id, code: indicator.code, name: name(indicator.name) }] : [];
    }),
  }));
}
