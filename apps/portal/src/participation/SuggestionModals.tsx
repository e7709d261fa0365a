import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZReplySuggestion } from '@wenming/domain';
import { apiErrorInfo, FormModal, SaveRefusal, type TSuggestion, useTRPC } from '@wenming/ui';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParticipationForm } from './ParticipationForm';
import { useInvalidateParticipation } from './useParticipation';

interface ReplyValues {
  status: 'adopted' | 'noted' | 'declined';
  reply?: string;
  taskId?: string;
}

const valuesOf = (s: TSuggestion): ReplyValues =>
  s.status === 'open'
    ? { status: 'adopted', reply: '', taskId: undefined }
    : { status: s.status, reply: s.reply ?? '', taskId: s.taskId ?? undefined };

/** The campaign office answers: adopted (optionally as a task), noted or declined, with a reason. */
export function ReplyModal({
  suggestion: opened,
  onClose,
}: {
  suggestion: TSuggestion;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateParticipation();
  // The suggestion as last loaded: after someone else replied first, theirs replaces the one opened.
  const [suggestion, setSuggestion] = useState(opened);
  const { form, rule, zodSubmit, callbacks } = useParticipationForm<ReplyValues>(
    ['status', 'reply', 'taskId'],
    'participation.replied',
    onClose,
  );
  const status = Form.useWatch('status', form);
  const tasks = useQuery({
    ...trpc.task.list.queryOptions({ campaignId: suggestion.campaignId ?? undefined, limit: 200 }),
    enabled: Boolean(suggestion.campaignId),
  });
  const reply = useMutation(
    trpc.suggestion.reply.mutationOptions({
      ...callbacks,
      onError: async (error) => {
        if (apiErrorInfo(error).appCode !== 'STALE_VERSION') return callbacks.onError(error);
        invalidate();
        const fresh = await queryClient.fetchQuery({
          ...trpc.suggestion.list.queryOptions({ id: suggestion.id }),
          staleTime: 0,
        });
        const now = fresh.items[0];
        if (!now) return;
        setSuggestion(now);
        form.setFieldsValue(valuesOf(now));
      },
    }),
  );
  // A refusal naming no field (someone replied first, the campaign closed…) shows above the fields.
  const refusal = reply.error && !apiErrorInfo(reply.error).fields ? apiErrorInfo(reply.error) : null;
  return (
    <FormModal<ReplyValues>
      title={t('participation.replyTitle')}
      okText={t('participation.reply')}
      form={form}
      pending={reply.isPending}
      onClose={onClose}
      initialValues={valuesOf(suggestion)}
      onFinish={(values) => {
        const input = zodSubmit(form, ZReplySuggestion, {
          id: suggestion.id,
          status: values.status,
          reply: values.reply,
          taskId: values.status === 'adopted' ? values.taskId || undefined : undefined,
          version: suggestion.version,
        });
        if (input) reply.mutate(input);
      }}
    >
      <Alert
        type="info"
        title={suggestion.title}
        description={<div style={{ whiteSpace: 'pre-wrap' }}>{suggestion.body}</div>}
        style={{ marginBottom: 16 }}
      />
      {refusal && <SaveRefusal error={reply.error} style={{ marginBottom: 16 }} />}
      <Form.Item name="status" label={t('participation.replyStatus')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(['adopted', 'noted', 'declined'] as const).map((s) => ({
            value: s,
            label: t(`participation.status_${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reply"
        label={t('participation.replyText')}
        rules={rule(ZReplySuggestion.shape.reply, {}, true)}
        extra={t('participation.replyTextHint')}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      {status === 'adopted' && (
        <Form.Item
          name="taskId"
          label={t('participation.replyTask')}
          extra={t('participation.replyTaskHint')}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={tasks.isPending && Boolean(suggestion.campaignId)}
            placeholder={t('participation.replyTaskPlaceholder')}
            options={(tasks.data?.items ?? []).map((task) => ({ value: task.id, label: task.title }))}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
