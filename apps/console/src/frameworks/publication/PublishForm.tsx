import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { STATUS_LEVELS, UNIT_TYPES, ZPublishFramework } from '@wenming/domain';
import {
  loadWorkStrings,
  localized,
  useApplyFieldErrors,
  useErrorMessage,
  useLanguage,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Button, Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeTreeSelect } from '../../offices/OfficeTreeSelect';

loadWorkStrings();

interface Values {
  officeId?: string;
  frameworkId?: string;
  targetLevel?: string;
  unitTypes?: string[];
}

const FIELDS = ['officeId', 'frameworkId', 'targetLevel', 'unitTypes'];

/** Publishes a framework version for a target level (and unit types) in an office and below. */
export function PublishForm({
  officeId,
  onPublished,
}: {
  officeId?: string;
  onPublished: (officeId: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const frameworks = useQuery(trpc.framework.list.queryOptions({ limit: 100 }));
  const publish = useMutation(
    trpc.framework.publish.mutationOptions({
      onSuccess: (_list, input) => {
        void queryClient.invalidateQueries(trpc.framework.assignments.pathFilter());
        toast.success(t('framework.published'));
        form.resetFields(['frameworkId', 'targetLevel', 'unitTypes']);
        onPublished(input.officeId);
      },
      onError: (error) => applyFieldErrors(form, error, FIELDS),
    }),
  );
  const shape = ZPublishFramework.shape;
  const submit = (values: Values) => {
    const input = zodSubmit(form, ZPublishFramework, { ...values, unitTypes: values.unitTypes ?? [] });
    if (input) publish.mutate(input);
  };
  const fieldError =
    publish.error && Object.keys(publish.error.data?.fields ?? {}).some((f) => FIELDS.includes(f));

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ officeId, unitTypes: [] }}
      onFinish={submit}
      disabled={publish.isPending}
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            name="officeId"
            label={t('framework.publishOffice')}
            rules={rule(shape.officeId, {}, true)}
          >
            <OfficeTreeSelect placeholder={t('unit.officePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item
            name="frameworkId"
            label={t('framework.version')}
            rules={rule(shape.frameworkId, {}, true)}
          >
            <Select
              loading={frameworks.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('framework.versionPlaceholder')}
              options={frameworks.data?.items.map((fw) => ({
                value: fw.id,
                label: `${fw.code} v${fw.version} · ${localized(fw.name, language)}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={4}>
          <Form.Item
            name="targetLevel"
            label={t('framework.targetLevel')}
            rules={rule(shape.targetLevel, {}, true)}
          >
            <Select
              options={STATUS_LEVELS.filter((l) => l !== 'none').map((l) => ({
                value: l,
                label: t(`level.${l}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item
            name="unitTypes"
            label={t('framework.unitTypes')}
            rules={rule(shape.unitTypes)}
            extra={t('framework.unitTypesHint')}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder={t('framework.allUnitTypes')}
              options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitType.${type}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {publish.isError && !fieldError && (
        <Alert type="error" showIcon title={errorMessage(publish.error)} style={{ marginBottom: 16 }} />
      )}
      <Button type="primary" htmlType="submit" loading={publish.isPending}>
        {t('framework.publish')}
      </Button>
    </Form>
  );
}
