import { i18n } from '../i18n';
import { assessmentErrorsZh, assessmentZh } from '../i18n/assessment.zh-CN';

/**
 * Adds the assessment pages' Chinese strings, and the translations of their error codes, when
 * those pages load rather than with everyone's first load. (English keeps both in its own
 * lazily loaded bundle.)
 */
export function loadAssessmentStrings() {
  if (!i18n.exists('assessment.title', { lng: 'zh-CN', fallbackLng: false }))
    i18n.addResourceBundle(
      'zh-CN',
      'translation',
      { assessment: assessmentZh, errors: assessmentErrorsZh },
      true,
      true,
    );
}
