import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TCreateUnit, ZCreateUnit } from '@wenming/domain';
import {
  blankToUndefined,
  FormModal,
  loadWorkStrings,
  useApplyFieldErrors,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Col, Form, Input, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OfficeTreeSelect, useOfficeTree } from '../offices/OfficeTreeSelect';
import { DepartmentsInput, UnitFormFields } from './UnitFormFields';

loadWorkStrings();

const FIELDS = ['officeId', 'code', 'name', 'type', 'address', 'contactName', 'contactPhone', 'departments'];

type Values = Partial<Record<keyof TCreateUnit, unknown>>;

export default function CreateUnitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const message = useToast();
  const [form] = Form.useForm<Values>();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const offices = useOfficeTree();
  // With a single office in reach there is nothing to choose.
  const onlyOffice = offices.data?.items.length === 1 ? offices.data.items[0]?.id : undefined;

  useEffect(() => {
    if (onlyOffice && !form.getFieldValue('officeId')) form.setFieldValue('officeId', onlyOffice);
  }, [form, onlyOffice]);

  const create = useMutation(
    trpc.unit.create.mutationOptions({
      onSuccess: (unit) => {
        void queryClient.invalidateQueries(trpc.unit.list.pathFilter());
        void queryClient.invalidateQueries(trpc.office.tree.pathFilter());
        void message.success(t('common.created'));
        onClose();
        navigate(`/units/${unit.id}`);
      },
      onError: (error) => applyFieldErrors(form, error, FIELDS),
    }),
  );

  const submit = (values: Values) => {
    const payload = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, blankToUndefined(v)]));
    const input = zodSubmit(form, ZCreateUnit, payload, { code: { format: t('validation.unitCode') } });
    if (input) create.mutate(input);
  };

  const fieldError =
    create.error && Object.keys(create.error.data?.fields ?? {}).some((f) => FIELDS.includes(f));
  return (
    <FormModal<Values>
      open={open}
      title={t('unit.createTitle')}
      okText={t('common.create')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      onFinish={submit}
    >
      <Row gutter={16}>
        <Col xs={24} sm={16}>
          <Form.Item
            name="officeId"
            label={t('unit.office')}
            rules={rule(ZCreateUnit.shape.officeId, {}, true)}
          >
            <OfficeTreeSelect placeholder={t('unit.officePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="code"
            label={t('unit.code')}
            rules={rule(ZCreateUnit.shape.code, { format: t('validation.unitCode') }, true)}
          >
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <UnitFormFields />
      <Form.Item name="departments" label={t('unit.departments')} rules={rule(ZCreateUnit.shape.departments)}>
        <DepartmentsInput />
      </Form.Item>
      {create.isError && !fieldError && <Alert type="error" showIcon title={errorMessage(create.error)} />}
    </FormModal>
  );
}
