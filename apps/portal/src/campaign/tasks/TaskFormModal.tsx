import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TASK_STATUSES, type TCampaign, type TTask, ZCreateTask, ZUpdateTask } from '@wenming/domain';
import {
  apiErrorInfo,
  blankToUndefined,
  type CategoryOption,
  loadWorkStrings,
  useApplyFieldErrors,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Col, Descriptions, Form, Input, Modal, Row, Select, Switch, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvalidateCampaign } from '../useInvalidateCampaign';

loadWorkStrings();

/** create: a new task; edit: everything (campaign office); report: status and progress only (department heads). */
export type TaskFormMode = 'create' | 'edit' | 'report';

interface Values {
  title?: string;
  description?: string;
  indicatorIds?: string[];
  departmentId?: string;
  responsibleLeader?: string;
  deadline?: string;
  required?: boolean;
  status?: TTask['status'];
  progressNote?: string;
}

const FIELDS = [
  'title',
  'description',
  'indicatorIds',
  'departmentId',
  'responsibleLeader',
  'deadline',
  'required',
  'status',
  'progressNote',
];

function valuesOf(task: TTask | undefined): Values {
  if (!task) return { indicatorIds: [], required: true };
  return {
    title: task.title,
    description: task.description,
    indicatorIds: task.indicators.map((i) => i.id),
    departmentId: task.departmentId ?? undefined,
    responsibleLeader: task.responsibleLeader ?? '',
    deadline: task.deadline ?? '',
    required: task.required,
    status: task.status,
    progressNote: task.progressNote,
  };
}

/** Only what changed is sent: a save never overwrites a field the editor did not touch. */
function changes(task: TTask, values: Values, mode: TaskFormMode): Record<string, unknown> {
  const patch: Record<string, unknown> = { id: task.id, version: task.version };
  const before = valuesOf(task);
  const keys: (keyof Values)[] =
    mode === 'report' ? ['status', 'progressNote'] : (Object.keys(before) as (keyof Values)[]);
  for (const key of keys) {
    const now = values[key];
    if (JSON.stringify(now ?? '') === JSON.stringify(before[key] ?? '')) continue;
    const nullable = key === 'departmentId' || key === 'responsibleLeader' || key === 'deadline';
    patch[key] = nullable ? (blankToUndefined(now) ?? null) : now;
  }
  return patch;
}

export default function TaskFormModal({
  campaign,
  task: initial,
  mode,
  categories,
  departments,
  onClose,
}: {
  campaign: TCampaign;
  task?: TTask;
  mode: TaskFormMode;
  categories: CategoryOption[];
  departments: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCampaign();
  const [form] = Form.useForm<Values>();
  const [task, setTask] = useState(initial);
  const [conflict, setConflict] = useState(false);

  const onError = async (error: unknown) => {
    if (apiErrorInfo(error).appCode === 'STALE_VERSION' && task) {
      setConflict(true);
      const fresh = await queryClient.fetchQuery({
        ...trpc.task.get.queryOptions({ id: task.id }),
        staleTime: 0,
      });
      setTask(fresh);
      form.setFieldsValue(valuesOf(fresh));
      invalidate();
      return;
    }
    applyFieldErrors(form, error, FIELDS);
  };
  const onSuccess = () => {
    invalidate();
    toast.success(mode === 'create' ? t('common.created') : t('common.saved'));
    onClose();
  };
  const create = useMutation(trpc.task.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.task.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (values: Values) => {
    setConflict(false);
    if (mode === 'create') {
      const payload = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, blankToUndefined(v)]));
      const input = zodSubmit(form, ZCreateTask, {
        ...payload,
        campaignId: campaign.id,
        indicatorIds: values.indicatorIds ?? [],
      });
      if (input) create.mutate(input);
      return;
    }
    if (!task) return;
    const patch = changes(task, values, mode);
    if (Object.keys(patch).length === 2) return onClose();
    const input = zodSubmit(form, ZUpdateTask, patch);
    if (input) update.mutate(input);
  };

  const treeData = categories.map((c) => ({
    value: `category:${c.code}`,
    title: `${c.code} ${c.name}`,
    selectable: false,
    children: c.indicators.map((i) => ({ value: i.id, title: `${i.code} ${i.name}` })),
  }));
  const createShape = ZCreateTask.shape;
  const updateShape = ZUpdateTask.shape;
  const fieldError = error && Object.keys(apiErrorInfo(error).fields ?? {}).some((f) => FIELDS.includes(f));
  const stale = error && apiErrorInfo(error).appCode === 'STALE_VERSION';
  const full = mode !== 'report';
  const title = { create: t('task.createTitle'), edit: t('task.editTitle'), report: t('task.reportTitle') }[
    mode
  ];

  return (
    <Modal
      open
      title={title}
      okText={mode === 'create' ? t('common.create') : t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={720}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={valuesOf(task)}
        onFinish={submit}
        disabled={pending}
        style={{ marginTop: 16 }}
      >
        {conflict && (
          <Alert type="warning" showIcon title={t('task.conflict')} style={{ marginBottom: 16 }} />
        )}
        {!full && task && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'title', label: t('task.title'), children: task.title },
              {
                key: 'department',
                label: t('task.department'),
                children: task.departmentName ?? t('task.noDepartment'),
              },
              { key: 'deadline', label: t('task.deadline'), children: task.deadline ?? t('task.noDeadline') },
              {
                key: 'description',
                label: t('task.description'),
                children: task.description || t('common.none'),
              },
            ]}
          />
        )}
        <Row gutter={16}>
          {full && (
            <>
              <Col span={24}>
                <Form.Item name="title" label={t('task.title')} rules={rule(createShape.title, {}, true)}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  name="indicatorIds"
                  label={t('task.indicators')}
                  rules={rule(createShape.indicatorIds)}
                  extra={t('task.indicatorsHint')}
                >
                  <TreeSelect
                    multiple
                    treeData={treeData}
                    treeDefaultExpandAll
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    placeholder={t('task.indicatorsPlaceholder')}
                    popupMatchSelectWidth
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="departmentId"
                  label={t('task.department')}
                  rules={rule(updateShape.departmentId)}
                >
                  <Select
                    allowClear
                    placeholder={t('task.noDepartment')}
                    options={departments.map((d) => ({ value: d.id, label: d.name }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="responsibleLeader"
                  label={t('task.responsibleLeader')}
                  rules={rule(createShape.responsibleLeader)}
                >
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="deadline" label={t('task.deadline')} rules={rule(createShape.deadline)}>
                  <Input type="date" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="required"
                  label={t('task.requiredLabel')}
                  valuePropName="checked"
                  extra={t('task.requiredHint')}
                >
                  <Switch />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  name="description"
                  label={t('task.description')}
                  rules={rule(createShape.description)}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
                </Form.Item>
              </Col>
            </>
          )}
          {mode !== 'create' && (
            <>
              <Col xs={24} sm={full ? 12 : 24}>
                <Form.Item name="status" label={t('task.status')} rules={rule(updateShape.status, {}, true)}>
                  <Select options={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  name="progressNote"
                  label={t('task.progressNote')}
                  rules={rule(updateShape.progressNote)}
                  extra={t('task.progressNoteHint')}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        {error && !fieldError && !stale && <Alert type="error" showIcon title={errorMessage(error)} />}
      </Form>
    </Modal>
  );
}
