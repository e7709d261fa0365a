import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZAddFinding } from '@wenming/domain';
import {
  FormModal,
  type Severity,
  type TInspection,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface Values {
  severity: Severity;
  itemKey?: string;
  description: string;
}

const SEVERITIES: Severity[] = ['minor', 'major', 'critical'];

/** A problem seen on site, with its severity; it can become a rectification order later. */
export function FindingModal({
  inspection,
  unitId,
  itemKey,
  onClose,
}: {
  inspection: TInspection;
  unitId: string;
  itemKey?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const add = useMutation(
    trpc.inspection.addFinding.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.inspection.get.queryKey({ id: inspection.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.inspection.list.queryKey() });
        toast.success(t('supervision.findingRecorded'));
        onClose();
      },
    }),
  );
  return (
    <FormModal<Values>
      title={t('supervision.recordFinding')}
      okText={t('supervision.recordFindingOk')}
      form={form}
      pending={add.isPending}
      onClose={onClose}
      initialValues={{ severity: 'major', itemKey }}
      onFinish={(values) =>
        add.mutate({
          inspectionId: inspection.id,
          unitId,
          itemKey: values.itemKey,
          severity: values.severity,
          description: values.description.trim(),
        })
      }
    >
      <Form.Item name="severity" label={t('supervision.severity')} required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={SEVERITIES.map((s) => ({ value: s, label: t(`supervision.severity_${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="itemKey" label={t('supervision.findingItem')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('supervision.findingItemNone')}
          options={inspection.checklist.map((i) => ({ value: i.key, label: i.label }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('supervision.findingDescription')}
        rules={rule(ZAddFinding.shape.description, {}, true)}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          showCount
          placeholder={t('supervision.findingPlaceholder')}
        />
      </Form.Item>
      {add.error && (
        <Alert
          type="error"
          showIcon
          title={t('supervision.findingNotSaved', { reason: errorMessage(add.error) })}
        />
      )}
    </FormModal>
  );
}
