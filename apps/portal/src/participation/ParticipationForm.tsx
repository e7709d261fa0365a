import { useMutation } from '@tanstack/react-query';
import { ZCreateSuggestion, ZCreateWriteup } from '@wenming/domain';
import { FormModal, useApplyFieldErrors, useToast, useTRPC, useZodRule, useZodSubmit } from '@wenming/ui';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInvalidateParticipation } from './useParticipation';

/**
 * What every participation form shares: on save the lists refresh and a toast confirms it; a
 * refusal naming fields puts its messages on those fields.
 */
export function useParticipationForm<Values, Saved = unknown>(
  fields: string[],
  savedKey: string,
  then: (saved: Saved) => void,
) {
  const { t } = useTranslation();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const invalidate = useInvalidateParticipation();
  const [form] = Form.useForm<Values>();
  const callbacks = {
    onSuccess: (saved: Saved) => {
      invalidate();
      toast.success(t(savedKey));
      then(saved);
    },
    onError: (error: unknown) => applyFieldErrors(form, error, fields),
  };
  return { form, rule, zodSubmit, callbacks };
}

interface TextValues {
  title?: string;
  body?: string;
}

/** The words of each text form; both take a title and a body under the open campaign. */
const TEXTS = {
  suggestion: {
    title: 'participation.suggestTitle',
    ok: 'participation.suggest',
    saved: 'participation.suggested',
    titleLabel: 'participation.suggestionTitle',
    titleHint: 'participation.suggestionTitleHint',
    body: 'participation.suggestionBody',
    bodyHint: 'participation.suggestionBodyHint',
    rows: { minRows: 4, maxRows: 12 },
    max: 5000,
  },
  writeup: {
    title: 'participation.writeTitle',
    ok: 'common.save',
    saved: 'participation.written',
    titleLabel: 'participation.writeupTitle',
    titleHint: 'participation.writeupTitleHint',
    body: 'participation.writeupBody',
    bodyHint: 'participation.writeupBodyHint',
    rows: { minRows: 8, maxRows: 20 },
    max: 20_000,
  },
} as const;

/** A member of staff offers an idea to the campaign office (suggestion) or writes up their experience (writeup). */
export function TextEntryModal({
  kind,
  campaignId,
  onClose,
}: {
  kind: keyof typeof TEXTS;
  campaignId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const texts = TEXTS[kind];
  const { form, rule, zodSubmit, callbacks } = useParticipationForm<TextValues>(
    ['title', 'body'],
    texts.saved,
    onClose,
  );
  const suggest = useMutation(trpc.suggestion.create.mutationOptions(callbacks));
  const write = useMutation(trpc.writeup.create.mutationOptions(callbacks));
  const schema = kind === 'suggestion' ? ZCreateSuggestion : ZCreateWriteup;
  return (
    <FormModal<TextValues>
      title={t(texts.title)}
      okText={t(texts.ok)}
      form={form}
      pending={suggest.isPending || write.isPending}
      onClose={onClose}
      onFinish={(values) => {
        const input = zodSubmit(form, schema, { campaignId, ...values });
        if (input) (kind === 'suggestion' ? suggest : write).mutate(input);
      }}
    >
      <Form.Item name="title" label={t(texts.titleLabel)} rules={rule(schema.shape.title, {}, true)}>
        <Input maxLength={200} placeholder={t(texts.titleHint)} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t(texts.body)}
        rules={rule(schema.shape.body, {}, true)}
        extra={t(texts.bodyHint)}
      >
        <Input.TextArea autoSize={texts.rows} maxLength={texts.max} />
      </Form.Item>
    </FormModal>
  );
}
