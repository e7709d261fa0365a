import {
  formatPoints,
  IndicatorFacts,
  localized,
  type TAssessment,
  type TAssessmentIndicator,
  useLanguage,
} from '@wenming/ui';
import { Button, Card, Col, Divider, Flex, Row, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssessorScoreForm } from './AssessorScoreForm';

const ModerateModal = lazy(() => import('./IndicatorModals').then((m) => ({ default: m.ModerateModal })));
const ExemptModal = lazy(() => import('./IndicatorModals').then((m) => ({ default: m.ExemptModal })));

function Label({ children }: { children: React.ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}

function ScoreLine({ points, grade, note }: { points: number; grade: string | null; note: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <span>
        <Typography.Text strong>{t('assessment.points', { points: formatPoints(points) })}</Typography.Text>
        {grade && <Tag style={{ marginInlineStart: 8 }}>{grade}</Tag>}
      </span>
      {note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{note}</Typography.Text>}
    </Flex>
  );
}

/** Whether this assessor scores the indicator: all categories, or the ones assigned. */
function scoresIt(assessment: TAssessment, indicator: TAssessmentIndicator, userId: string | undefined) {
  const mine = assessment.assessorList.find((a) => a.userId === userId);
  return !mine || mine.categoryIds.length === 0 || mine.categoryIds.includes(indicator.categoryId);
}

/** One indicator: what it asks, the unit's self-score, my score, the others', and the final score. */
export function IndicatorCard({
  assessment,
  indicator,
  userId,
}: {
  assessment: TAssessment;
  indicator: TAssessmentIndicator;
  userId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<'moderate' | 'exempt' | null>(null);
  const { me } = assessment;
  const inMine = scoresIt(assessment, indicator, userId);
  const headline = indicator.exemption ? (
    <Tag color="default">{t('assessment.exempt')}</Tag>
  ) : indicator.final !== null ? (
    <Tag color={indicator.moderated ? 'purple' : 'blue'} data-testid={`final-${indicator.code}`}>
      {t('assessment.final')} {formatPoints(indicator.final)}
    </Tag>
  ) : null;
  return (
    <Card
      size="small"
      data-indicator={indicator.code}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {indicator.code} {localized(indicator.name, language)}
        </span>
      }
      extra={
        <Flex gap={4} align="center">
          {indicator.veto && <Tag color="red">{t('assessment.vetoed')}</Tag>}
          <Tag style={{ marginInlineEnd: 0 }}>
            {t('assessment.points', { points: formatPoints(indicator.points) })}
          </Tag>
          {headline}
        </Flex>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <IndicatorFacts indicator={indicator} />
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={10}>
            {indicator.exemption && (
              <Typography.Text type="secondary">
                {t('assessment.exemptedBy', { reason: indicator.exemption.reason })}
              </Typography.Text>
            )}
            <Flex vertical gap={2}>
              <Label>{t('assessment.self')}</Label>
              {indicator.self ? (
                <>
                  <ScoreLine {...indicator.self} />
                  {indicator.self.evidenceIds.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('assessment.evidenceCount', { count: indicator.self.evidenceIds.length })}
                    </Typography.Text>
                  )}
                </>
              ) : (
                <Typography.Text type="secondary">{t('assessment.selfNone')}</Typography.Text>
              )}
            </Flex>
            {me.isAssessor && !indicator.exemption && (
              <Flex vertical gap={4}>
                <Label>{t('assessment.myScore')}</Label>
                {me.canScore && inMine ? (
                  <AssessorScoreForm assessment={assessment} indicator={indicator} />
                ) : indicator.mine ? (
                  <ScoreLine {...indicator.mine} />
                ) : (
                  <Typography.Text type="secondary">
                    {inMine ? t('assessment.unscored') : t('assessment.outOfCategories')}
                  </Typography.Text>
                )}
              </Flex>
            )}
            <Flex vertical gap={4}>
              <Label>{t(me.isAssessor ? 'assessment.others' : 'assessment.assessorScores')}</Label>
              {me.isAssessor && !me.submittedAt && !me.canManage ? (
                <Typography.Text type="secondary">{t('assessment.othersHidden')}</Typography.Text>
              ) : indicator.assessorScores.length === 0 ? (
                <Typography.Text type="secondary">
                  {t(me.isAssessor ? 'assessment.othersNone' : 'assessment.assessorScoresNone')}
                </Typography.Text>
              ) : (
                indicator.assessorScores.map((s) => (
                  <Flex key={s.assessorId} gap={8} align="baseline" wrap>
                    <Typography.Text type="secondary">{s.assessorName}</Typography.Text>
                    <ScoreLine {...s} />
                  </Flex>
                ))
              )}
            </Flex>
            {indicator.moderated && (
              <Typography.Text>
                <Tag color="purple">{t('assessment.moderated')}</Tag>
                {formatPoints(indicator.moderated.points)} · {indicator.moderated.reason}
              </Typography.Text>
            )}
            {me.canManage && (
              <>
                <Divider style={{ margin: '4px 0' }} />
                <Flex gap={8} wrap>
                  {!indicator.exemption && (
                    <Button size="small" onClick={() => setOpen('moderate')}>
                      {t('assessment.moderate')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setOpen('exempt')}>
                    {t(indicator.exemption ? 'assessment.exemptUndo' : 'assessment.exempt')}
                  </Button>
                </Flex>
              </>
            )}
          </Flex>
        </Col>
      </Row>
      <Suspense fallback={null}>
        {open === 'moderate' && (
          <ModerateModal assessment={assessment} indicator={indicator} onClose={() => setOpen(null)} />
        )}
        {open === 'exempt' && (
          <ExemptModal assessment={assessment} indicator={indicator} onClose={() => setOpen(null)} />
        )}
      </Suspense>
    </Card>
  );
}
