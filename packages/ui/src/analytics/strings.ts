import { i18n } from '../i18n';
import { analyticsZh } from '../i18n/analytics.zh-CN';

/**
 * Adds the analytics and import strings in Chinese. Called by the lazily loaded analytics
 * pages and import wizard, so the strings travel with them, not with everyone's first load.
 */
export function loadAnalyticsStrings() {
  if (!i18n.exists('analytics.title', { lng: 'zh-CN', fallbackLng: false }))
    i18n.addResourceBundle('zh-CN', 'translation', { analytics: analyticsZh }, true, true);
}
