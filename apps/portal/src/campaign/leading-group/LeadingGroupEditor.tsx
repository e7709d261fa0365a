import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  LEADING_GROUP_ROLES,
  type TCampaign,
  type TLeadingGroupMember,
  ZLeadingGroupMemberInput,
  ZSetLeadingGroup,
} from '@wenming/domain';
import {
  apiErrorInfo,
  blankToUndefined,
  loadWorkStrings,
  useErrorMessage,
  usePhone,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

interface MemberValues {
  role?: TLeadingGroupMember['role'];
  name?: string;
  title?: string;
  departmentId?: string;
  phone?: string;
}

function valuesOf(members: TLeadingGroupMember[]): { members: MemberValues[] } {
  return {
    members: members.map((m) => ({
      role: m.role,
      name: m.name,
      title: m.title ?? '',
      departmentId: m.departmentId ?? undefined,
      phone: m.phone ?? '',
    })),
  };
}

/**
 * The leading group as a list of rows, saved whole: the server keeps members who did not
 * change and dates the others out, so the history says who served when.
 */
export function LeadingGroupEditor({
  campaign,
  departments,
}: {
  campaign: TCampaign;
  departments: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const phone = usePhone();
  const [form] = Form.useForm<{ members: MemberValues[] }>();
  const members = Form.useWatch('members', form) ?? [];
  const hasLeader = members.some((m) => m?.role === 'leader');
  const shape = ZLeadingGroupMemberInput.shape;

  const save = useMutation(
    trpc.campaign.setLeadingGroup.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.campaign.get.queryKey({ id: updated.id }), updated);
        void queryClient.invalidateQueries(trpc.campaign.leadingGroupHistory.pathFilter());
        form.setFieldsValue(valuesOf(updated.leadingGroup));
        toast.success(t('common.saved'));
      },
      onError: (error) => {
        // The server names the row: `members.2.departmentId`.
        const fields = apiErrorInfo(error).fields ?? {};
        form.setFields(
          Object.keys(fields).flatMap((path) => {
            const [, index, field] = path.split('.');
            return index && field
              ? [
                  {
                    name: ['members', Number(index), field as keyof MemberValues],
                    errors: [errorMessage(error)],
                  },
                ]
              : [];
          }),
        );
      },
    }),
  );

  const submit = (values: { members?: MemberValues[] }) => {
    const payload = {
      id: campaign.id,
      version: campaign.version,
      members: (values.members ?? []).map((m) =>
        Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, blankToUndefined(v)])),
      ),
    };
    const parsed = ZSetLeadingGroup.safeParse(payload);
    if (parsed.success) save.mutate(parsed.data);
  };

  const roleOptions = LEADING_GROUP_ROLES.map((role) => ({ value: role, label: t(`leadingRole.${role}`) }));
  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={valuesOf(campaign.leadingGroup)}
      onFinish={submit}
      disabled={save.isPending}
    >
      <Form.List name="members">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.length === 0 && <Alert type="info" showIcon title={t('campaign.leadingGroupStart')} />}
            {rows.map((row, i) => {
              // On wide screens the rows line up under one set of labels, like a table.
              const label = (text: string) => (phone || i === 0 ? text : undefined);
              const fields = (
                <Row gutter={12} align="top">
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[row.name, 'role']}
                      label={label(t('campaign.memberRole'))}
                      rules={rule(shape.role, {}, true)}
                    >
                      <Select options={roleOptions} aria-label={t('campaign.memberRole')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[row.name, 'name']}
                      label={label(t('campaign.memberName'))}
                      rules={rule(shape.name, {}, true)}
                    >
                      <Input maxLength={50} autoComplete="off" aria-label={t('campaign.memberName')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[row.name, 'title']}
                      label={label(t('campaign.memberTitle'))}
                      rules={rule(shape.title)}
                    >
                      <Input
                        maxLength={50}
                        placeholder={t('campaign.memberTitleHint')}
                        aria-label={t('campaign.memberTitle')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[row.name, 'departmentId']}
                      label={label(t('campaign.memberDepartment'))}
                      rules={rule(shape.departmentId)}
                    >
                      <Select
                        allowClear
                        options={departmentOptions}
                        placeholder={t('campaign.memberNoDepartment')}
                        aria-label={t('campaign.memberDepartment')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={18} md={5}>
                    <Form.Item
                      name={[row.name, 'phone']}
                      label={label(t('campaign.memberPhone'))}
                      rules={rule(shape.phone, { format: t('validation.phone') })}
                    >
                      <Input
                        maxLength={32}
                        inputMode="tel"
                        autoComplete="off"
                        aria-label={t('campaign.memberPhone')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={1}>
                    <Form.Item label={phone || i === 0 ? ' ' : undefined}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('campaign.removeMember', { n: i + 1 })}
                        onClick={() => remove(row.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              );
              return phone ? (
                <Card key={row.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
                  {fields}
                </Card>
              ) : (
                <div key={row.key} style={{ marginBottom: -8 }}>
                  {fields}
                </div>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ role: rows.length === 0 ? 'leader' : 'member' })}
            >
              {t('campaign.addMember')}
            </Button>
            {!hasLeader && members.length > 0 && (
              <Alert type="warning" showIcon title={t('campaign.needsLeader')} />
            )}
            {save.isError && !apiErrorInfo(save.error).fields && (
              <Alert type="error" showIcon title={errorMessage(save.error)} />
            )}
            <Flex>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('campaign.saveLeadingGroup')}
              </Button>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </Form>
  );
}
