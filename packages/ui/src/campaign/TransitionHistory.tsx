import type { TCampaign } from '@wenming/domain';
import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';
import { EmptyState } from '../layout/states';
import { formatDateTime } from '../status/format';

loadWorkStrings();

const COLORS: Record<string, string> = { withdrawn: 'red', decided: 'green', consolidation: 'blue' };

/** Every move of the campaign, newest first, with who made it and why. */
export function TransitionHistory({ transitions }: { transitions: TCampaign['transitions'] }) {
  const { t } = useTranslation();
  if (transitions.length === 0) return <EmptyState description={t('campaign.historyEmpty')} />;
  const items = [...transitions].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      items={items.map((tr) => ({
        key: tr.id,
        color:
          tr.from === 'submitted' && tr.to === 'consolidation'
            ? 'orange'
            : (COLORS[tr.to] ?? (tr.from ? 'blue' : 'gray')),
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>
              {tr.from
                ? t('campaign.movedFromTo', { from: t(`phase.${tr.from}`), to: t(`phase.${tr.to}`) })
                : t('campaign.opened')}
            </Typography.Text>
            {tr.comment && <Typography.Text>{tr.comment}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[formatDateTime(tr.at), tr.actorName ?? t('campaign.system')].join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
