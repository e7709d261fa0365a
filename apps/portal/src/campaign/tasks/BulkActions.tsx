import { CheckOutlined, CloseOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { type TTask, ZBulkAssignTasks } from '@wenming/domain';
import { loadWorkStrings, useErrorMessage, useToast, useTRPC, useTRPCClient, useZodRule } from '@wenming/ui';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvalidateCampaign } from '../useInvalidateCampaign';

loadWorkStrings();

interface Values {
  departmentId?: string;
  responsibleLeader?: string;
  deadline?: string;
}

/** Gives the selected tasks one department, leader or deadline; empty fields are left as they are. */
function BulkAssignModal({
  ids,
  departments,
  onDone,
  onClose,
}: {
  ids: string[];
  departments: { id: string; name: string }[];
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCampaign();
  const [form] = Form.useForm<Values>();
  const [nothing, setNothing] = useState(false);
  const assign = useMutation(
    trpc.task.bulkAssign.mutationOptions({
      onSuccess: ({ updated }) => {
        invalidate();
        toast.success(t('task.bulkAssigned', { n: updated }));
        onDone();
      },
    }),
  );
  const submit = (values: Values) => {
    const patch = Object.fromEntries(
      Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim()),
    );
    setNothing(Object.keys(patch).length === 0);
    if (Object.keys(patch).length === 0) return;
    const parsed = ZBulkAssignTasks.safeParse({ ids, ...patch });
    if (parsed.success) assign.mutate(parsed.data);
  };
  const shape = ZBulkAssignTasks.shape;
  return (
    <Modal
      open
      title={t('task.bulkAssignTitle', { n: ids.length })}
      okText={t('task.bulkAssign')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={assign.isPending}
        style={{ marginTop: 16 }}
      >
        <Typography.Paragraph type="secondary">{t('task.bulkAssignHint')}</Typography.Paragraph>
        <Form.Item name="departmentId" label={t('task.department')} rules={rule(shape.departmentId)}>
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item
          name="responsibleLeader"
          label={t('task.responsibleLeader')}
          rules={rule(shape.responsibleLeader)}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="deadline" label={t('task.deadline')} rules={rule(shape.deadline)}>
          <Input type="date" />
        </Form.Item>
        {nothing && <Alert type="warning" showIcon title={t('task.bulkNothing')} />}
        {assign.isError && <Alert type="error" showIcon title={errorMessage(assign.error)} />}
      </Form>
    </Modal>
  );
}

/** What can be done to the selected tasks at once: assign them, or mark them done. */
export function BulkActions({
  selected,
  departments,
  onClear,
}: {
  selected: TTask[];
  departments: { id: string; name: string }[];
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const client = useTRPCClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCampaign();
  const [assigning, setAssigning] = useState(false);
  const [marking, setMarking] = useState(false);

  // One update per task, each with its own version: a task someone else just changed is
  // left alone and counted, rather than overwritten.
  const markDone = async () => {
    setMarking(true);
    let done = 0;
    let failed: unknown = null;
    for (const task of selected.filter((x) => x.status !== 'done')) {
      try {
        await client.task.update.mutate({ id: task.id, version: task.version, status: 'done' });
        done += 1;
      } catch (error) {
        failed = error;
      }
    }
    setMarking(false);
    invalidate();
    if (failed) toast.warning(t('task.bulkDonePartly', { n: done, reason: errorMessage(failed) }));
    else toast.success(t('task.bulkDone', { n: done }));
    onClear();
  };

  if (selected.length === 0) return null;
  return (
    <Flex
      gap={8}
      align="center"
      wrap
      style={{ padding: '8px 12px', background: token.colorPrimaryBg, borderRadius: token.borderRadius }}
    >
      <Typography.Text strong>{t('task.selectedCount', { n: selected.length })}</Typography.Text>
      <Button icon={<UserSwitchOutlined />} onClick={() => setAssigning(true)}>
        {t('task.bulkAssign')}
      </Button>
      <Button icon={<CheckOutlined />} loading={marking} onClick={() => void markDone()}>
        {t('task.markDone')}
      </Button>
      <Button type="text" icon={<CloseOutlined />} onClick={onClear}>
        {t('task.clearSelection')}
      </Button>
      {assigning && (
        <BulkAssignModal
          ids={selected.map((x) => x.id)}
          departments={departments}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            onClear();
          }}
        />
      )}
    </Flex>
  );
}
