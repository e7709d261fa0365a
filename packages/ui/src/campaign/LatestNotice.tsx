import type { TCampaign } from '@wenming/domain';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';
import { formatDate } from '../status/format';

loadWorkStrings();

/**
 * Why the campaign is where it is, when the other side said so: an application the office
 * returned (with what to fix), or a withdrawal (with its reason). Shown at the top, not
 * left for the unit to find in the history.
 */
export function LatestNotice({ campaign }: { campaign: Pick<TCampaign, 'phase' | 'transitions'> }) {
  const { t } = useTranslation();
  const last = [...campaign.transitions].sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!last || last.to !== campaign.phase) return null;
  const date = formatDate(last.at);
  if (last.from === 'submitted' && last.to === 'consolidation') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('campaign.returnedNotice', { date, actor: last.actorName ?? t('campaign.system') })}
        description={last.comment}
      />
    );
  }
  if (last.to === 'withdrawn') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('campaign.withdrawnNotice', { date, actor: last.actorName ?? t('campaign.system') })}
        description={last.comment}
      />
    );
  }
  return null;
}
