import { i18n } from './index';
import { workZh } from './work.zh-CN';

/**
 * Adds the unit, account, framework, campaign and task strings in Chinese. Every module that uses them
 * calls this at load, so they travel with those lazily loaded pages. (English keeps them
 * in its own bundle, which is lazily loaded already.)
 */
export function loadWorkStrings() {
  if (!i18n.exists('campaign.list', { lng: 'zh-CN', fallbackLng: false }))
    i18n.addResourceBundle('zh-CN', 'translation', workZh, true, true);
}
