import { i18n } from '../i18n';
import { supervisionZh } from '../i18n/supervision.zh-CN';

/**
 * Adds the supervision pages' Chinese strings. Called by the lazily loaded supervision routes,
 * so the strings travel with those pages instead of weighing on everyone's first load. (English
 * keeps them in its own bundle, which is lazily loaded already.)
 */
export function loadSupervisionStrings() {
  if (!i18n.exists('supervision.inspections', { lng: 'zh-CN', fallbackLng: false }))
    i18n.addResourceBundle('zh-CN', 'translation', { supervision: supervisionZh }, true, true);
}
