import { byCategory, formatPoints, localized, type TAssessment, useLanguage } from '@wenming/ui';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Per indicator: the final score against its points, the unit's own score, and any moderation. */
export function FeedbackList({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Flex vertical gap={12}>
      {byCategory(assessment).map(({ category, indicators }) => (
        <Card key={category.id} size="small" title={`${category.code} ${localized(category.name, language)}`}>
          <List
            dataSource={indicators}
            renderItem={(i) => (
              <List.Item data-indicator={i.code}>
                <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong style={{ minWidth: 0 }}>
                      {i.code} {localized(i.name, language)}
                    </Typography.Text>
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {i.exemption ? (
                        <Tag>{t('assessment.exempt')}</Tag>
                      ) : i.final === null ? (
                        <Typography.Text type="secondary">
                          {t('assessment.points', { points: formatPoints(i.points) })}
                        </Typography.Text>
                      ) : (
                        <>
                          <Typography.Text strong>{formatPoints(i.final)}</Typography.Text>
                          <Typography.Text type="secondary"> / {formatPoints(i.points)}</Typography.Text>
                        </>
                      )}
                    </span>
                  </Flex>
                  <Flex gap={8} wrap>
                    {i.self && (
                      <Typography.Text type="secondary">
                        {t('assessment.yourSelf', { points: formatPoints(i.self.points) })}
                      </Typography.Text>
                    )}
                    {i.moderated && (
                      <Typography.Text type="warning">
                        {t('assessment.moderationReason', { reason: i.moderated.reason })}
                      </Typography.Text>
                    )}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Flex>
  );
}
