import { Alert, Descriptions, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localized } from '../campaign/CampaignFacts';
import { useLanguage } from '../i18n';
import { formatPoints, type TAssessment } from './model';
import { PassTag } from './tags';

type Props = Pick<TAssessment, 'result' | 'ranking' | 'settings' | 'categories'> & {
  /** What to say while the result is not visible to the caller. */
  hiddenText?: string;
  /** In a side column: one fact per line. */
  narrow?: boolean;
};

/** The quota as the office set it: a count, a share, or none. */
export function useQuotaText() {
  const { t } = useTranslation();
  return (settings: TAssessment['settings']) =>
    settings.quotaCount !== null
      ? t('assessment.quotaCount', { n: settings.quotaCount })
      : settings.quotaPercent !== null
        ? t('assessment.quotaPercent', { n: settings.quotaPercent })
        : t('assessment.quota_none');
}

/** Basic and bonus score, total and per category, against the pass mark, with rank and quota. */
export function ResultPanel({ result, ranking, settings, categories, hiddenText, narrow }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const quota = useQuotaText();
  if (!result)
    return <Alert type="info" showIcon title={hiddenText ?? t('assessment.resultAfterDecision')} />;
  const threshold =
    settings.passThreshold === null
      ? t('assessment.thresholdSource_none')
      : `${formatPoints(settings.passThreshold)}（${t(`assessment.thresholdSource_${settings.thresholdSource}`)}）`;
  return (
    <Flex vertical gap={12}>
      {result.vetoed && <Alert type="error" showIcon title={t('assessment.vetoWarning')} />}
      {result.unscored > 0 && (
        <Alert type="warning" showIcon title={t('assessment.unscoredCount', { count: result.unscored })} />
      )}
      <Flex align="baseline" gap={12} wrap>
        <Typography.Text type="secondary">{t('assessment.total')}</Typography.Text>
        <span style={{ fontSize: 32, fontWeight: 600 }} data-testid="result-total">
          {formatPoints(result.total)}
        </span>
        <PassTag result={result} />
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={narrow ? 1 : { xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'basic',
            label: t('assessment.basic'),
            children: `${formatPoints(result.basic)} / ${formatPoints(result.basicMax)}`,
          },
          // Frameworks without bonus categories have no bonus to show.
          ...(result.bonusMax > 0
            ? [
                {
                  key: 'bonus',
                  label: t('assessment.bonus'),
                  children: `${formatPoints(result.bonus)} / ${formatPoints(result.bonusMax)}`,
                },
              ]
            : []),
          { key: 'pass', label: t('assessment.passMark'), children: threshold },
          {
            key: 'rank',
            label: t('assessment.rank'),
            children: ranking
              ? [
                  t('assessment.rankOf', { rank: ranking.rank, of: ranking.of }),
                  // Only a passing campaign competes for the quota; below the mark it is moot.
                  result.passed &&
                    t(ranking.withinQuota ? 'assessment.withinQuota' : 'assessment.outsideQuota'),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : t('common.none'),
          },
          { key: 'quota', label: t('assessment.quota'), children: quota(settings) },
        ]}
      />
      <Typography.Text strong>{t('assessment.perCategory')}</Typography.Text>
      <Flex vertical gap={6}>
        {result.categories.map((c) => {
          const category = categories.find((x) => x.id === c.id);
          return (
            <Flex key={c.id} align="center" gap={12}>
              <span style={{ flex: '1 1 auto', minWidth: 0 }}>
                {category ? `${category.code} ${localized(category.name, language)}` : c.id}
                {category?.special && (
                  <Typography.Text type="secondary">（{t('assessment.bonusCategory')}）</Typography.Text>
                )}
              </span>
              <Progress
                percent={c.max > 0 ? Math.round((c.score / c.max) * 100) : 0}
                showInfo={false}
                size="small"
                style={{ flex: '0 1 240px', minWidth: 60, margin: 0 }}
              />
              <span style={{ flex: '0 0 auto', minWidth: 72, textAlign: 'end', whiteSpace: 'nowrap' }}>
                {formatPoints(c.score)} / {formatPoints(c.max)}
              </span>
            </Flex>
          );
        })}
      </Flex>
    </Flex>
  );
}
