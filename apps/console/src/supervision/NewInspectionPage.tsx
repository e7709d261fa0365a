import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { INSPECTION_KINDS, ZCreateInspection } from '@wenming/domain';
import {
  type InspectionKind,
  localized,
  Notice,
  PageContainer,
  useAppAbility,
  useApplyFieldErrors,
  useErrorMessage,
  useLanguage,
  useMe,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TargetFields } from '../offices/TargetFields';

interface Values {
  officeId?: string;
  kind: InspectionKind;
  title?: string;
  plannedOn?: string;
  unitIds?: string[];
  inspectorIds?: string[];
  frameworkId?: string;
  custom?: { label?: string }[];
}

const FIELDS = [
  'officeId',
  'kind',
  'title',
  'plannedOn',
  'unitIds',
  'inspectorIds',
  'frameworkId',
  'checklist',
];

function ChecklistFields({ error }: { error: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const language = useLanguage();
  const rule = useZodRule();
  const frameworks = useQuery(trpc.framework.list.queryOptions({ latestOnly: true, limit: 100 }));
  return (
    <>
      <Form.Item
        name="frameworkId"
        label={t('supervision.checklistFramework')}
        extra={t('supervision.checklistFrameworkHint')}
      >
        <Select
          allowClear
          loading={frameworks.isFetching}
          aria-label={t('supervision.checklistFramework')}
          placeholder={t('supervision.checklistFrameworkPlaceholder')}
          optionFilterProp="label"
          showSearch
          options={frameworks.data?.items.map((f) => ({
            value: f.id,
            label: `${localized(f.name, language)} · v${f.version}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('supervision.customItems')}
        extra={t('supervision.customItemsHint')}
        validateStatus={error ? 'error' : undefined}
        help={error ?? undefined}
      >
        <Form.List name="custom">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'label']}
                    style={{ flex: 1, marginBottom: 0 }}
                    rules={rule(ZCreateInspection.shape.checklist.unwrap().element.shape.label, {}, true)}
                  >
                    <Input
                      placeholder={t('supervision.customItemPlaceholder')}
                      aria-label={t('supervision.customItemN', { n: index + 1 })}
                      maxLength={300}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('supervision.removeItem', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ label: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('supervision.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

/** The planner: one inspection of one or many units, its checklist, inspectors and date. */
export default function NewInspectionPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const me = useMe();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const kind: InspectionKind | undefined = Form.useWatch('kind', form);
  const [checklistError, setChecklistError] = useState<string | null>(null);
  const create = useMutation(
    trpc.inspection.create.mutationOptions({
      onSuccess: (inspection) => {
        toast.success(t('supervision.planned'));
        navigate(`/inspections/${inspection.id}`, { replace: true });
      },
      onError: (error) => applyFieldErrors(form, error, FIELDS),
    }),
  );
  const home = me.roles.find((r) => r.role === 'office_admin')?.officeId;
  const crumbs = [
    { title: t('supervision.inspections'), path: '/inspections' },
    { title: t('supervision.newInspection') },
  ];

  const onFinish = (values: Values) => {
    const checklist = (values.custom ?? [])
      .map((item) => item.label?.trim() ?? '')
      .filter(Boolean)
      .map((label, i) => ({ key: `custom-${i + 1}`, label }));
    if (!values.frameworkId && checklist.length === 0) {
      setChecklistError(t('supervision.needChecklist'));
      return;
    }
    setChecklistError(null);
    const input = zodSubmit(form, ZCreateInspection, {
      officeId: values.officeId,
      kind: values.kind,
      title: values.title?.trim(),
      plannedOn: values.plannedOn,
      unitIds: values.unitIds ?? [],
      inspectorIds: values.inspectorIds ?? [],
      frameworkId: values.frameworkId,
      checklist,
    });
    if (input) create.mutate(input);
  };

  if (!ability.can('create', 'Inspection'))
    return (
      <PageContainer title={t('supervision.newInspection')} breadcrumb={crumbs} backTo="/inspections">
        <Notice
          kind="forbidden"
          title={t('supervision.noPlanTitle')}
          subTitle={t('supervision.noPlanHint')}
        />
      </PageContainer>
    );
  return (
    <PageContainer title={t('supervision.newInspection')} breadcrumb={crumbs} backTo="/inspections">
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ officeId: home, kind: 'routine', unitIds: [], inspectorIds: [], custom: [] }}
          onFinish={onFinish}
          disabled={create.isPending}
          style={{ maxWidth: 880 }}
        >
          <Form.Item name="kind" label={t('supervision.kind')} required>
            <Radio.Group
              optionType="button"
              options={INSPECTION_KINDS.map((k) => ({ value: k, label: t(`supervision.kind_${k}`) }))}
            />
          </Form.Item>
          {kind === 'unannounced' && (
            <Alert
              type="warning"
              showIcon
              title={t('supervision.unannouncedHint')}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form.Item
            name="title"
            label={t('supervision.inspectionTitle')}
            rules={rule(ZCreateInspection.shape.title, {}, true)}
          >
            <Input maxLength={200} placeholder={t('supervision.titlePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="plannedOn"
            label={t('supervision.plannedOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input type="date" style={{ maxWidth: 240 }} />
          </Form.Item>
          <TargetFields />
          <Typography.Title level={5}>{t('supervision.checklist')}</Typography.Title>
          <ChecklistFields error={checklistError} />
          {create.error && !create.error.data?.fields && (
            <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
          )}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('supervision.planSubmit')}
            </Button>
            <Button onClick={() => navigate('/inspections')}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </PageContainer>
  );
}
