import { useMutation } from '@tanstack/react-query';
import {
  entryOf,
  ScoreFields,
  type ScoreValues,
  type TAssessment,
  type TAssessmentIndicator,
  useErrorMessage,
  useToast,
  useTRPC,
  valuesOf,
} from '@wenming/ui';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplyWorkspace } from './useWorkspace';

type Values = ScoreValues & { comment?: string };

/** The assessor's own score of one indicator, saved on its own, changeable until submitted. */
export function AssessorScoreForm({
  assessment,
  indicator,
}: {
  assessment: TAssessment;
  indicator: TAssessmentIndicator;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const apply = useApplyWorkspace(assessment.campaignId);
  const [form] = Form.useForm<Values>();
  const save = useMutation(
    trpc.assessment.score.mutationOptions({
      onSuccess: (updated) => {
        apply(updated);
        toast.success(t('assessment.scoreSaved'));
      },
    }),
  );
  const graded = assessment.framework.scoringScale !== null;
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
      comment: values.comment?.trim() ?? '',
    });
  };
  return (
    <Form<Values>
      form={form}
      name={`score-${indicator.id}`}
      layout="vertical"
      disabled={save.isPending}
      initialValues={{ ...valuesOf(indicator.mine, graded), comment: indicator.mine?.note ?? '' }}
      onFinish={onFinish}
      aria-label={`${t('assessment.myScore')} ${indicator.code}`}
      data-indicator={indicator.code}
    >
      <Flex vertical gap={8}>
        <ScoreFields max={indicator.points} />
        <Form.Item name="comment" label={t('assessment.comment')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={500}
            showCount
            placeholder={t('assessment.commentPlaceholder')}
          />
        </Form.Item>
        {save.error && <Alert type="error" showIcon title={errorMessage(save.error)} />}
        <Flex>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('assessment.saveScore')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
