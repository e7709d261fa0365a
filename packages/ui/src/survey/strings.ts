import { i18n } from '../i18n';
import { surveyZh } from '../i18n/survey.zh-CN';

/**
 * Adds the survey pages' Chinese strings. Called by the lazily loaded survey routes, so the
 * strings travel with those pages instead of weighing on everyone's first load. (English keeps
 * them in its own bundle, which is lazily loaded already.)
 */
export function loadSurveyStrings() {
  if (!i18n.exists('survey.title', { lng: 'zh-CN', fallbackLng: false }))
    i18n.addResourceBundle('zh-CN', 'translation', { survey: surveyZh }, true, true);
}
