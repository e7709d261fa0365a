import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { FormModal, localized, type TAssessment, useErrorMessage, useLanguage, useTRPC } from '@wenming/ui';
import { Alert, Button, Flex, Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceSave } from './WorkspaceForm';

interface Values {
  assessors: { userId?: string; categoryIds?: string[] }[];
}

const OFFICE_ROLES = new Set(['office_inspector', 'office_admin']);

/** Office inspectors (and admins) found by name on the server; chosen ones keep their names. */
function InspectorSelect({
  value,
  onChange,
  known,
  id,
}: {
  value?: string;
  onChange?: (id: string) => void;
  known: Record<string, string>;
  id?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const users = useQuery({
    ...trpc.user.list.queryOptions({ q: q || undefined, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const found = (users.data?.items ?? []).filter(
    (u) => u.active && u.roles.some((r) => OFFICE_ROLES.has(r.role)),
  );
  const options = [
    ...(value && !found.some((u) => u.id === value) ? [{ value, label: known[value] ?? value }] : []),
    ...found.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
  ];
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={users.isFetching}
      placeholder={t('assessment.assessorUserPlaceholder')}
      options={options}
      style={{ minWidth: 200, flex: '1 1 200px' }}
    />
  );
}

/** Assigns assessors, each to every category or to some; those who submitted keep their scores. */
export default function AssignModal({
  assessment,
  onClose,
}: {
  assessment: TAssessment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const assign = useMutation(
    trpc.assessment.assign.mutationOptions(
      useWorkspaceSave(assessment.campaignId, 'assessment.assignedToast', onClose),
    ),
  );
  const known = Object.fromEntries(assessment.assessorList.map((a) => [a.userId, a.name]));
  const categories = assessment.categories.map((c) => ({
    value: c.id,
    label: `${c.code} ${localized(c.name, language)}`,
  }));
  const initial = assessment.assessorList.length
    ? assessment.assessorList.map((a) => ({ userId: a.userId, categoryIds: a.categoryIds }))
    : [{}];
  return (
    <FormModal<Values>
      title={t('assessment.assign')}
      okText={t('assessment.assign')}
      form={form}
      pending={assign.isPending}
      onClose={onClose}
      initialValues={{ assessors: initial }}
      onFinish={(v) => {
        const assessors = v.assessors
          .filter((a): a is { userId: string; categoryIds?: string[] } => Boolean(a.userId))
          .map((a) => ({ userId: a.userId, categoryIds: a.categoryIds ?? [] }));
        if (assessors.length === 0) return;
        assign.mutate({ campaignId: assessment.campaignId, assessors });
      }}
    >
      <Alert type="info" showIcon title={t('assessment.assignHint')} style={{ marginBottom: 16 }} />
      <Form.List name="assessors">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[field.name, 'userId']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  style={{ marginBottom: 0, flex: '1 1 200px' }}
                  aria-label={`${t('assessment.assessorUser')} ${index + 1}`}
                >
                  <InspectorSelect known={known} />
                </Form.Item>
                <Form.Item name={[field.name, 'categoryIds']} style={{ marginBottom: 0, flex: '1 1 220px' }}>
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t('assessment.allCategories')}
                    aria-label={t('assessment.assessorCategories')}
                    options={categories}
                    optionFilterProp="label"
                  />
                </Form.Item>
                {!assessment.assessorList.some(
                  (a) => a.userId === form.getFieldValue(['assessors', field.name, 'userId']),
                ) &&
                  fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('assessment.removeAssessor')}
                      onClick={() => remove(field.name)}
                    />
                  )}
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              disabled={fields.length >= 20}
            >
              {t('assessment.addAssessor')}
            </Button>
          </Flex>
        )}
      </Form.List>
      {assign.error && (
        <Alert type="error" showIcon title={errorMessage(assign.error)} style={{ marginTop: 12 }} />
      )}
    </FormModal>
  );
}
