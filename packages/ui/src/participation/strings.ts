import { i18n } from '../i18n';
import { participationZh } from '../i18n/participation.zh-CN';

/**
 * Adds the participation pages' Chinese strings. Called by the lazily loaded participation
 * routes, so the strings travel with those pages instead of weighing on everyone's first load.
 * (English keeps them in its own bundle, which is lazily loaded already.)
 */
export function loadParticipationStrings() {
  if (!i18n.exists('participation.title', { lng: 'zh-CN', fallbackLng: false }))
    i18n.addResourceBundle('zh-CN', 'translation', { participation: participationZh }, true, true);
}
