import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localized } from '../campaign/CampaignFacts';
import { useLanguage } from '../i18n';
import { formatDate } from '../status/format';
import { formatPoints, type TAssessmentIndicator } from './model';

const SEVERITY_COLORS: Record<string, string> = { minor: 'default', major: 'orange', critical: 'red' };

function Block({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

/**
 * What an indicator asks and what speaks to it: criteria, required materials, the ledger items
 * linked to it, and beside them the survey result and inspection findings that inform it.
 */
export function IndicatorFacts({
  indicator,
  evidenceLink,
}: {
  indicator: TAssessmentIndicator;
  /** Where a ledger item opens, when the app has a page for it. */
  evidenceLink?: (id: string) => string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const criteria = localized(indicator.criteria, language);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return (
    <Flex vertical gap={10}>
      {criteria && (
        <Block label={t('assessment.criteria')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {criteria}
          </Typography.Paragraph>
        </Block>
      )}
      {indicator.method && (
        <Block label={t('assessment.method')}>
          <Typography.Text>{indicator.method}</Typography.Text>
        </Block>
      )}
      {indicator.evidenceRequired.length > 0 && (
        <Block label={t('assessment.evidenceRequired')}>
          <Flex gap={4} wrap>
            {indicator.evidenceRequired.map((m) => (
              <Tag key={m} style={{ marginInlineEnd: 0 }}>
                {m}
              </Tag>
            ))}
          </Flex>
        </Block>
      )}
      <Block label={t('assessment.linkedEvidence')}>
        {indicator.evidence.length === 0 ? (
          <Typography.Text type="secondary">{t('assessment.noLinkedEvidence')}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {indicator.evidence.map((e) => (
              <span key={e.id}>
                {evidenceLink ? (
                  <Typography.Link href={evidenceLink(e.id)} target="_blank">
                    {e.title}
                  </Typography.Link>
                ) : (
                  e.title
                )}{' '}
                <Typography.Text type="secondary">{formatDate(e.eventDate)}</Typography.Text>
              </span>
            ))}
          </Flex>
        )}
      </Block>
      {indicator.survey && (
        <Block label={t('assessment.survey')}>
          <Typography.Text>
            {indicator.survey.share === null
              ? t('assessment.surveyNoShare', { answers: indicator.survey.answers })
              : t('assessment.surveyValue', {
                  answers: indicator.survey.answers,
                  share: percent(indicator.survey.share),
                  suggested: formatPoints(indicator.survey.suggested),
                })}
          </Typography.Text>
        </Block>
      )}
      {indicator.findings.length > 0 && (
        <Block label={t('assessment.findings')}>
          <Flex vertical gap={4}>
            {indicator.findings.map((f) => (
              <span key={f.id}>
                <Tag color={SEVERITY_COLORS[f.severity]}>
                  {t(`assessment.severity_${f.severity}`, { defaultValue: f.severity })}
                </Tag>
                {f.description} <Typography.Text type="secondary">（{f.inspection}）</Typography.Text>
              </span>
            ))}
          </Flex>
        </Block>
      )}
    </Flex>
  );
}
