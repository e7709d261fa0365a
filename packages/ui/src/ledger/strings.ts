import { i18n } from '../i18n';
import { ledgerZh } from '../i18n/ledger.zh-CN';

/**
 * Adds the ledger pages' Chinese strings. Called by the lazily loaded ledger routes, so the
 * strings travel with those pages instead of weighing on everyone's first load. (English keeps
 * them in its own bundle, which is lazily loaded already.)
 */
export function loadLedgerStrings() {
  if (!i18n.exists('ledger.title', { lng: 'zh-CN', fallbackLng: false }))
    i18n.addResourceBundle('zh-CN', 'translation', { ledger: ledgerZh }, true, true);
}
