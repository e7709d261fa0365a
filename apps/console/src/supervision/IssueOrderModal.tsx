import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZIssueRectification } from '@wenming/domain';
import {
  chinaDate,
  FormModal,
  type TInspection,
  useApplyFieldErrors,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UnitSelect } from '../units/UnitSelect';

interface Values {
  unitId?: string;
  departmentId?: string;
  title: string;
  requirement: string;
  deadline?: string;
}

/** Most orders give a unit two weeks; the office changes it when the problem needs more or less. */
const DEFAULT_DAYS = 14;
const FIELDS = ['unitId', 'departmentId', 'title', 'requirement', 'deadline', 'findingId'];

function DepartmentField() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const unitId: string | undefined = Form.useWatch('unitId');
  const unit = useQuery({ ...trpc.unit.get.queryOptions({ id: unitId ?? '' }), enabled: Boolean(unitId) });
  return (
    <Form.Item
      name="departmentId"
      label={t('supervision.department')}
      extra={t('supervision.departmentHint')}
    >
      <Select
        allowClear
        disabled={!unitId}
        loading={unit.isFetching}
        options={unit.data?.departments.map((d) => ({ value: d.id, label: d.name }))}
        aria-label={t('supervision.department')}
      />
    </Form.Item>
  );
}

/** A rectification order to a unit (from a finding, or directly), with a deadline. */
export function IssueOrderModal({
  unitId,
  unitName,
  finding,
  onClose,
}: {
  unitId?: string;
  unitName?: string;
  finding?: TInspection['findings'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const rule = useZodRule();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const issue = useMutation(
    trpc.rectification.issue.mutationOptions({
      onSuccess: (order) => {
        void queryClient.invalidateQueries({ queryKey: trpc.rectification.pathKey() });
        toast.success(t('supervision.orderIssued'));
        onClose();
        navigate(`/rectifications/${order.id}`);
      },
      onError: (error) => applyFieldErrors(form, error, FIELDS),
    }),
  );
  const description = finding?.description ?? '';
  return (
    <FormModal<Values>
      title={t('supervision.issueOrderTitle')}
      okText={t('supervision.issueOrderOk')}
      form={form}
      pending={issue.isPending}
      onClose={onClose}
      initialValues={{
        unitId,
        title: description.split(/[\n。；;]/)[0]?.slice(0, 60) ?? '',
        requirement: description,
        deadline: chinaDate(DEFAULT_DAYS),
      }}
      onFinish={(values) =>
        issue.mutate({
          findingId: finding?.id,
          unitId: values.unitId ?? '',
          departmentId: values.departmentId,
          title: values.title.trim(),
          requirement: values.requirement.trim(),
          deadline: values.deadline ?? '',
        })
      }
    >
      {unitId ? (
        <>
          <Form.Item name="unitId" hidden>
            <Input />
          </Form.Item>
          <Typography.Paragraph>{t('supervision.orderToUnit', { unit: unitName })}</Typography.Paragraph>
        </>
      ) : (
        <Form.Item
          name="unitId"
          label={t('supervision.unit')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UnitSelect aria-label={t('supervision.unit')} placeholder={t('supervision.unitPlaceholder')} />
        </Form.Item>
      )}
      <DepartmentField />
      <Form.Item
        name="title"
        label={t('supervision.orderTitle')}
        rules={rule(ZIssueRectification.shape.title, {}, true)}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="requirement"
        label={t('supervision.requirement')}
        rules={rule(ZIssueRectification.shape.requirement, {}, true)}
        extra={t('supervision.requirementHint')}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('supervision.deadline')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input type="date" min={chinaDate()} style={{ maxWidth: 240 }} />
      </Form.Item>
      {issue.error && !issue.error.data?.fields && (
        <Alert type="error" showIcon title={errorMessage(issue.error)} />
      )}
    </FormModal>
  );
}
