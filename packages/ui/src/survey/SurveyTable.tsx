import { Flex, Table, type TableColumnType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { localized } from '../campaign/CampaignFacts';
import { useLanguage } from '../i18n';
import { usePhone } from '../layout/screens';
import type { TSurveySummary } from './model';
import { SurveyStatusTag } from './SurveyStatusTag';

/** The surveys of a unit or an office, newest first; a row opens the survey. */
export function SurveyTable({
  items,
  loading,
  empty,
  owner,
  showTargets = false,
}: {
  items: TSurveySummary[] | undefined;
  loading: boolean;
  empty: ReactNode;
  /** Who runs the survey (the office sees its own and its units'). */
  owner?: (survey: TSurveySummary) => ReactNode;
  showTargets?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const phone = usePhone();
  const period = (s: TSurveySummary) => t('survey.period', { from: s.opensOn, to: s.closesOn });

  const columns: TableColumnType<TSurveySummary>[] = [
    {
      key: 'title',
      title: t('survey.surveyTitle'),
      render: (_, s) => (
        <Flex vertical gap={2}>
          <Link to={s.id} onClick={(e) => e.stopPropagation()}>
            {localized(s.title, language)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {phone ? period(s) : t(`survey.audience_${s.audience}`)}
            {owner && <> · {owner(s)}</>}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('survey.status'),
      width: 130,
      render: (_, s) => <SurveyStatusTag survey={s} />,
    },
    {
      key: 'period',
      title: t('survey.periodTitle'),
      width: 220,
      responsive: ['md'],
      render: (_, s) => period(s),
    },
    ...(showTargets
      ? [
          {
            key: 'targets',
            title: t('survey.targets'),
            width: 100,
            align: 'end' as const,
            responsive: ['lg' as const],
            render: (_: unknown, s: TSurveySummary) => t('survey.unitCount', { count: s.targets }),
          },
        ]
      : []),
    {
      key: 'responses',
      title: t('survey.responses'),
      width: phone ? 72 : 100,
      align: 'end',
      render: (_, s) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{s.responses}</span>,
    },
  ];

  return (
    <Table<TSurveySummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: loading && !items ? ' ' : empty }}
      onRow={(s) => ({ onClick: () => navigate(s.id), style: { cursor: 'pointer' } })}
    />
  );
}
