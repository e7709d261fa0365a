import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TUnit, ZCreateUnit, ZUpdateUnit } from '@wenming/domain';
import {
  apiErrorInfo,
  FormModal,
  loadWorkStrings,
  useApplyFieldErrors,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Flex, Form, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentsInput, UnitFormFields } from './UnitFormFields';

loadWorkStrings();

const FIELDS = ['name', 'type', 'address', 'contactName', 'contactPhone', 'addDepartments'];
const NULLABLE = ['address', 'contactName', 'contactPhone'] as const;

interface Values {
  name?: string;
  type?: TUnit['type'];
  address?: string;
  contactName?: string;
  contactPhone?: string;
  addDepartments?: string[];
}

function valuesOf(unit: TUnit): Values {
  return {
    name: unit.name,
    type: unit.type,
    address: unit.address ?? '',
    contactName: unit.contactName ?? '',
    contactPhone: unit.contactPhone ?? '',
    addDepartments: [],
  };
}

/** Only what the editor changed is sent, so a save never rewrites fields they did not touch. */
function changes(unit: TUnit, values: Values) {
  const patch: Record<string, unknown> = { id: unit.id, version: unit.version };
  if (values.name !== unit.name) patch.name = values.name;
  if (values.type !== unit.type) patch.type = values.type;
  for (const key of NULLABLE) {
    const value = values[key]?.trim() || null;
    if (value !== unit[key]) patch[key] = value;
  }
  if (values.addDepartments?.length) patch.addDepartments = values.addDepartments;
  return patch;
}

export default function EditUnitModal({
  unit,
  onClose,
  reload,
}: {
  unit: TUnit;
  onClose: () => void;
  /** Fetches the unit again; resolves with the fresh record. */
  reload: () => Promise<TUnit | undefined>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const message = useToast();
  const [form] = Form.useForm<Values>();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const [conflict, setConflict] = useState(false);

  const update = useMutation(
    trpc.unit.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.unit.get.queryKey({ id: saved.id }), saved);
        void queryClient.invalidateQueries(trpc.unit.list.pathFilter());
        void message.success(t('common.saved'));
        onClose();
      },
      onError: async (error) => {
        if (apiErrorInfo(error).appCode === 'STALE_VERSION') {
          // Someone saved first: show their version; the editor re-applies their change on top.
          setConflict(true);
          const fresh = await reload();
          if (fresh) form.setFieldsValue(valuesOf(fresh));
          return;
        }
        applyFieldErrors(form, error, FIELDS);
      },
    }),
  );

  const submit = (values: Values) => {
    const patch = changes(unit, values);
    if (Object.keys(patch).length === 2) {
      onClose();
      return;
    }
    const input = zodSubmit(form, ZUpdateUnit, patch, { contactPhone: { format: t('validation.phone') } });
    if (input) {
      setConflict(false);
      update.mutate(input);
    }
  };

  const stale = update.error && apiErrorInfo(update.error).appCode === 'STALE_VERSION';
  const fieldError =
    update.error && Object.keys(update.error.data?.fields ?? {}).some((f) => FIELDS.includes(f));
  return (
    <FormModal<Values>
      open={true}
      title={t('unit.editTitle')}
      okText={t('common.save')}
      form={form}
      pending={update.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={valuesOf(unit)}
    >
      {conflict && <Alert type="warning" showIcon title={t('unit.conflict')} style={{ marginBottom: 16 }} />}
      <UnitFormFields />
      {unit.departments.length > 0 && (
        <Form.Item label={t('unit.existingDepartments')}>
          <Flex gap={6} wrap>
            {unit.departments.map((d) => (
              <Tag key={d.id} style={{ marginInlineEnd: 0 }}>
                {d.name}
              </Tag>
            ))}
          </Flex>
        </Form.Item>
      )}
      <Form.Item
        name="addDepartments"
        label={t('unit.addDepartments')}
        rules={rule(ZCreateUnit.shape.departments)}
      >
        <DepartmentsInput />
      </Form.Item>
      {update.isError && !stale && !fieldError && (
        <Alert type="error" showIcon title={errorMessage(update.error)} />
      )}
    </FormModal>
  );
}
