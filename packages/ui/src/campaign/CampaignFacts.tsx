import { ArrowRightOutlined } from '@ant-design/icons';
import type { TCampaign, TCampaignSummary } from '@wenming/domain';
import { Descriptions, type DescriptionsProps, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';
import { loadWorkStrings } from '../i18n/work';
import { formatDate, formatDateTime, formatTerm } from '../status/format';
import { StatusLevelTag } from '../status/StatusLevelTag';
import { PhaseTag } from './PhaseTag';
import { TaskProgress } from './TaskProgress';

loadWorkStrings();

/** Framework text in the reader's language; the Chinese original when no English was given. */
export function localized(text: { zh: string; en: string }, language: string): string {
  return language === 'en' && text.en ? text.en : text.zh;
}

/** What the campaign is: unit, kind, levels, term, framework, where it stands. */
export function CampaignFacts({
  campaign,
  frameworkLink,
  unitLink,
}: {
  campaign: TCampaignSummary | TCampaign;
  /** Wraps the framework's name in a link where the app has a page for it. */
  frameworkLink?: (name: ReactNode) => ReactNode;
  unitLink?: (name: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fw = campaign.framework;
  const fwName = `${localized(fw.name, language)} (${fw.code} v${fw.version})`;
  const items: DescriptionsProps['items'] = [
    {
      key: 'unit',
      label: t('campaign.unit'),
      children: unitLink ? unitLink(campaign.unitName) : campaign.unitName,
    },
    { key: 'office', label: t('campaign.office'), children: campaign.officeName },
    { key: 'kind', label: t('campaign.kind'), children: t(`campaignKind.${campaign.kind}`) },
    {
      key: 'levels',
      label: t('campaign.levels'),
      children: (
        <Flex align="center" gap={6} wrap>
          <StatusLevelTag level={campaign.fromLevel} />
          <ArrowRightOutlined aria-label={t('campaign.towards')} />
          <StatusLevelTag level={campaign.targetLevel} />
        </Flex>
      ),
    },
    {
      key: 'term',
      label: t('campaign.term'),
      children: formatTerm(campaign.termStartYear, campaign.termEndYear),
    },
    {
      key: 'phase',
      label: t('campaign.phase'),
      children: (
        <Flex align="center" gap={8} wrap>
          <PhaseTag phase={campaign.phase} />
          <span>{t('campaign.since', { date: formatDate(campaign.phaseChangedAt) })}</span>
        </Flex>
      ),
    },
    {
      key: 'framework',
      label: t('campaign.framework'),
      children: frameworkLink ? frameworkLink(fwName) : fwName,
      span: 'filled',
    },
    {
      key: 'progress',
      label: t('campaign.progress'),
      children: <TaskProgress progress={campaign.progress} width={280} />,
    },
    { key: 'updatedAt', label: t('campaign.updatedAt'), children: formatDateTime(campaign.updatedAt) },
  ];
  return (
    <Descriptions
      items={items}
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  );
}
