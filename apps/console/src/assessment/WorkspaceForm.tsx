import { useQueryClient } from '@tanstack/react-query';
import {
  apiErrorInfo,
  chinaDate,
  FormModal,
  type FormModalProps,
  SaveRefusal,
  type TAssessment,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Flex, Form, type FormInstance, Input } from 'antd';
import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplyWorkspace } from './useWorkspace';

/** A field's zod schema, as the form rules take it. */
type FieldSchema = Parameters<ReturnType<typeof useZodRule>>[0];

/**
 * What every workspace write does once saved: show the answer, confirm it, close the dialog.
 * Refused because someone saved first, it loads their version; the dialog says why.
 */
export function useWorkspaceSave(campaignId: string, savedKey: string, onClose: () => void) {
  const { t } = useTranslation();
  const toast = useToast();
  const apply = useApplyWorkspace(campaignId);
  const reloadIfStale = useReloadIfStale(campaignId);
  return {
    onSuccess: (updated: TAssessment) => {
      apply(updated);
      toast.success(t(savedKey));
      onClose();
    },
    onError: reloadIfStale,
  };
}

/** After a STALE_VERSION refusal, fetches the assessment anew so the dialog shows what is saved now. */
export function useReloadIfStale(campaignId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (apiErrorInfo(error).appCode !== 'STALE_VERSION') return;
      void queryClient.invalidateQueries({ queryKey: trpc.assessment.get.queryKey({ campaignId }) });
    },
    [queryClient, trpc, campaignId],
  );
}

/** Puts newly loaded values into an open dialog, once the saved record (not just its object) changed. */
export function useFreshValues<Values>(form: FormInstance<Values>, values: Values) {
  const key = JSON.stringify(values);
  const shown = useRef(key);
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    form.setFieldsValue(JSON.parse(key));
  }, [form, key]);
}

/** The dialog of a workspace write, with the server's refusal under the fields. */
export function WorkspaceModal<Values>({
  error,
  children,
  ...modal
}: FormModalProps<Values> & { error: unknown }) {
  return (
    <FormModal<Values> {...modal}>
      {children}
      <SaveRefusal error={error} />
    </FormModal>
  );
}

/** A written reason, as moderations, exemptions, vetoes and register steps each ask for. */
export function ReasonField({
  name = 'reason',
  label,
  schema,
  placeholder,
  max = 500,
  minRows = 2,
  maxRows = 6,
}: {
  name?: string;
  label: string;
  schema: FieldSchema;
  placeholder: string;
  max?: number;
  minRows?: number;
  maxRows?: number;
}) {
  const rule = useZodRule();
  return (
    <Form.Item name={name} label={label} rules={rule(schema, {}, true)}>
      <Input.TextArea autoSize={{ minRows, maxRows }} maxLength={max} showCount placeholder={placeholder} />
    </Form.Item>
  );
}

/** The decision document a decision or register step cites: its number and date (never in the future). */
export function DecisionDocFields({ schema, children }: { schema: FieldSchema; children?: ReactNode }) {
  const { t } = useTranslation();
  const rule = useZodRule();
  return (
    <Flex gap={12} wrap>
      <Form.Item
        name="decisionNo"
        label={t('assessment.decisionNo')}
        rules={rule(schema, {}, true)}
        style={{ flex: '1 1 220px' }}
      >
        <Input maxLength={100} placeholder={t('assessment.decisionNoPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="decidedOn"
        label={t('assessment.decidedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input type="date" max={chinaDate()} />
      </Form.Item>
      {children}
    </Flex>
  );
}
