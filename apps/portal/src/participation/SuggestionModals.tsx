import { useMutation, useQuery } from '@tanstack/react-query';
import { ZCreateSuggestion, ZReplySuggestion } from '@wenming/domain';
import {
  FormModal,
  type TSuggestion,
  useApplyFieldErrors,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInvalidateParticipation } from './useParticipation';

interface SuggestValues {
  title?: string;
  body?: string;
}

/** A member of staff offers an idea to the campaign office. */
export function SuggestModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const invalidate = useInvalidateParticipation();
  const [form] = Form.useForm<SuggestValues>();
  const create = useMutation(
    trpc.suggestion.create.mutationOptions({
      onSuccess: () => {
        invalidate();
        toast.success(t('participation.suggested'));
        onClose();
      },
      onError: (error) => applyFieldErrors(form, error, ['title', 'body']),
    }),
  );
  const shape = ZCreateSuggestion.shape;
  return (
    <FormModal<SuggestValues>
      title={t('participation.suggestTitle')}
      okText={t('participation.suggest')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      onFinish={(values) => {
        const input = zodSubmit(form, ZCreateSuggestion, { campaignId, ...values });
        if (input) create.mutate(input);
      }}
    >
      <Form.Item name="title" label={t('participation.suggestionTitle')} rules={rule(shape.title, {}, true)}>
        <Input maxLength={200} placeholder={t('participation.suggestionTitleHint')} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('participation.suggestionBody')}
        rules={rule(shape.body, {}, true)}
        extra={t('participation.suggestionBodyHint')}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

interface ReplyValues {
  status: 'adopted' | 'noted' | 'declined';
  reply?: string;
  taskId?: string;
}

/** The campaign office answers: adopted (optionally as a task), noted or declined, with a reason. */
export function ReplyModal({ suggestion, onClose }: { suggestion: TSuggestion; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const invalidate = useInvalidateParticipation();
  const [form] = Form.useForm<ReplyValues>();
  const status = Form.useWatch('status', form);
  const tasks = useQuery({
    ...trpc.task.list.queryOptions({ campaignId: suggestion.campaignId ?? undefined, limit: 200 }),
    enabled: Boolean(suggestion.campaignId),
  });
  const reply = useMutation(
    trpc.suggestion.reply.mutationOptions({
      onSuccess: () => {
        invalidate();
        toast.success(t('participation.replied'));
        onClose();
      },
      onError: (error) => applyFieldErrors(form, error, ['status', 'reply', 'taskId']),
    }),
  );
  const initial: ReplyValues =
    suggestion.status === 'open'
      ? { status: 'adopted' }
      : { status: suggestion.status, reply: suggestion.reply ?? '', taskId: suggestion.taskId ?? undefined };
  return (
    <FormModal<ReplyValues>
      title={t('participation.replyTitle')}
      okText={t('participation.reply')}
      form={form}
      pending={reply.isPending}
      onClose={onClose}
      initialValues={initial}
      onFinish={(values) => {
        const input = zodSubmit(form, ZReplySuggestion, {
          id: suggestion.id,
          status: values.status,
          reply: values.reply,
          taskId: values.status === 'adopted' ? values.taskId || undefined : undefined,
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
