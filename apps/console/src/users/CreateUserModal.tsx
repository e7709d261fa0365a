import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isOfficeRole, OFFICE_ROLES, type Role, UNIT_ROLES, ZCreateUser, ZRoleScope } from '@wenming/domain';
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
import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeTreeSelect } from '../offices/OfficeTreeSelect';
import { UnitSelect } from '../units/UnitSelect';

loadWorkStrings();

const FIELDS = ['username', 'displayName', 'password', 'phone', 'role', 'officeId', 'unitId', 'departmentId'];

interface Values {
  username?: string;
  displayName?: string;
  password?: string;
  phone?: string;
  role?: Role;
  officeId?: string;
  unitId?: string;
  departmentId?: string;
}

/** A new account with its first role, scoped to an office (office roles) or a unit (unit roles). */
export default function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [form] = Form.useForm<Values>();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const role = Form.useWatch('role', form);
  const unitId = Form.useWatch('unitId', form);
  const unit = useQuery({ ...trpc.unit.get.queryOptions({ id: unitId ?? '' }), enabled: !!unitId });
  const officeRole = role ? isOfficeRole(role) : undefined;

  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.user.list.pathFilter());
        toast.success(t('common.created'));
        onClose();
      },
      onError: (error) => applyFieldErrors(form, error, FIELDS),
    }),
  );

  const submit = (values: Values) => {
    const payload = {
      username: values.username?.trim(),
      displayName: values.displayName,
      password: values.password,
      phone: blankToUndefined(values.phone),
      role: {
        role: values.role,
        officeId: officeRole ? values.officeId : undefined,
        unitId: officeRole === false ? values.unitId : undefined,
        departmentId: officeRole === false ? values.departmentId : undefined,
      },
    };
    const input = zodSubmit(form, ZCreateUser, payload, {
      username: { format: t('validation.username') },
      phone: { format: t('validation.phone') },
    });
    if (input) create.mutate(input);
  };

  const fieldError = create.error && Object.keys(create.error.data?.fields ?? {}).length > 0;
  const roleOptions = (roles: readonly Role[]) => roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <FormModal<Values>
      open={true}
      title={t('user.createTitle')}
      okText={t('common.create')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      onFinish={submit}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="username"
            label={t('user.username')}
            rules={rule(ZCreateUser.shape.username, { format: t('validation.username') }, true)}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="displayName"
            label={t('user.displayName')}
            rules={rule(ZCreateUser.shape.displayName, {}, true)}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="password"
            label={t('user.password')}
            extra={t('user.passwordHint')}
            rules={rule(ZCreateUser.shape.password, {}, true)}
          >
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="phone"
            label={t('user.phone')}
            rules={rule(ZCreateUser.shape.phone, { format: t('validation.phone') })}
          >
            <Input maxLength={32} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="role" label={t('user.role')} rules={rule(ZRoleScope.shape.role, {}, true)}>
            <Select
              options={[
                { label: t('user.officeRoles'), options: roleOptions(OFFICE_ROLES) },
                { label: t('user.unitRoles'), options: roleOptions(UNIT_ROLES) },
              ]}
            />
          </Form.Item>
        </Col>
        {officeRole === true && (
          <Col xs={24} sm={12}>
            <Form.Item
              name="officeId"
              label={t('user.office')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <OfficeTreeSelect placeholder={t('unit.officePlaceholder')} />
            </Form.Item>
          </Col>
        )}
        {officeRole === false && (
          <Col xs={24} sm={12}>
            <Form.Item
              name="unitId"
              label={t('user.unit')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UnitSelect
                placeholder={t('user.unitPlaceholder')}
                onChange={() => form.setFieldValue('departmentId', undefined)}
              />
            </Form.Item>
          </Col>
        )}
        {officeRole === false && unitId && (
          <Col xs={24} sm={12}>
            <Form.Item
              name="departmentId"
              label={t('user.department')}
              rules={[{ required: role === 'unit_department_head', message: t('validation.required') }]}
            >
              <Select
                allowClear
                placeholder={t('user.departmentPlaceholder')}
                loading={unit.isPending}
                options={unit.data?.departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      {create.isError && !fieldError && <Alert type="error" showIcon title={errorMessage(create.error)} />}
    </FormModal>
  );
}
