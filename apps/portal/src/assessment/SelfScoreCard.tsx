import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  entryOf,
  formatPoints,
  IndicatorFacts,
  localized,
  ScoreFields,
  type ScoreValues,
  type TAssessment,
  type TAssessmentIndicator,
  useErrorMessage,
  useLanguage,
  useToast,
  useTRPC,
  valuesOf,
} from '@wenming/ui';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CampaignEvidencePicker } from './CampaignEvidencePicker';

type Values = ScoreValues & { explanation?: string; evidenceIds?: string[] };

/** One indicator of the self-assessment: points or grade, a short explanation, linked evidence. */
export function SelfScoreCard({
  assessment,
  indicator,
}: {
  assessment: TAssessment;
  indicator: TAssessmentIndicator;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const save = useMutation(
    trpc.assessment.selfScore.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(
          trpc.assessment.get.queryKey({ campaignId: assessment.campaignId }),
          updated,
        );
        toast.success(t('assessment.selfSaved'));
      },
    }),
  );
  const graded = assessment.framework.scoringScale !== null;
  const known = Object.fromEntries(indicator.evidence.map((e) => [e.id, `${e.title}（${e.eventDate}）`]));
  const onFinish = (values: Values) => {
    const entry = entryOf(values);
    if (!entry) {
      form.setFields([{ name: values.mode, errors: [t('validation.required')] }]);
      return;
    }
    save.mutate({
      campaignId: assessment.campaignId,
      indicatorId: indicator.id,
      entry,
      explanation: values.explanation?.trim() ?? '',
      evidenceIds: values.evidenceIds ?? [],
    });
  };
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
        <Flex gap={4}>
          <Tag style={{ marginInlineEnd: 0 }}>
            {t('assessment.points', { points: formatPoints(indicator.points) })}
          </Tag>
          {indicator.self && (
            <Tag color="blue">
              {t('assessment.yourSelf', { points: formatPoints(indicator.self.points) })}
            </Tag>
          )}
        </Flex>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <IndicatorFacts indicator={indicator} />
        </Col>
        <Col xs={24} lg={12}>
          {indicator.exemption ? (
            <Typography.Text type="secondary">
              {t('assessment.exemptedBy', { reason: indicator.exemption.reason })}
            </Typography.Text>
          ) : (
            <Form<Values>
              form={form}
              name={`self-${indicator.id}`}
              layout="vertical"
              size="middle"
              disabled={save.isPending}
              initialValues={{
                ...valuesOf(indicator.self, graded),
                explanation: indicator.self?.note ?? '',
                evidenceIds: indicator.self?.evidenceIds ?? [],
              }}
              onFinish={onFinish}
            >
              <Flex vertical gap={8}>
                <ScoreFields max={indicator.points} />
                <Form.Item name="explanation" label={t('assessment.explanation')} style={{ marginBottom: 0 }}>
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 8 }}
                    maxLength={500}
                    showCount
                    placeholder={t('assessment.explanationPlaceholder')}
                  />
                </Form.Item>
                <Form.Item
                  name="evidenceIds"
                  label={t('assessment.linkEvidence')}
                  style={{ marginBottom: 0 }}
                >
                  <CampaignEvidencePicker campaignId={assessment.campaignId} known={known} />
                </Form.Item>
                {save.error && <Alert type="error" showIcon title={errorMessage(save.error)} />}
                <Flex>
                  <Button type="primary" htmlType="submit" loading={save.isPending}>
                    {t('assessment.saveSelf')}
                  </Button>
                </Flex>
              </Flex>
            </Form>
          )}
        </Col>
      </Row>
    </Card>
  );
}
