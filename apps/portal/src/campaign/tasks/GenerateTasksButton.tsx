import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ZGenerateTasks } from '@wenming/domain';
import { loadWorkStrings, useErrorMessage, useToast, useTRPC, useZodRule } from '@wenming/ui';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvalidateCampaign } from '../useInvalidateCampaign';

loadWorkStrings();

/** 按指标生成任务: one task for every indicator of the framework that has none yet. */
export function GenerateTasksButton({ campaignId, primary }: { campaignId: string; primary?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCampaign();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ deadline?: string }>();
  const generate = useMutation(
    trpc.task.generate.mutationOptions({
      onSuccess: ({ created, skipped }) => {
        invalidate();
        toast.success(created === 0 ? t('task.generatedNone') : t('task.generated', { created, skipped }));
        setOpen(false);
      },
    }),
  );
  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        icon={<ThunderboltOutlined />}
        onClick={() => setOpen(true)}
      >
        {t('task.generate')}
      </Button>
      {open && (
        <Modal
          open
          title={t('task.generate')}
          okText={t('task.generateOk')}
          onOk={() => form.submit()}
          onCancel={() => setOpen(false)}
          confirmLoading={generate.isPending}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            disabled={generate.isPending}
            onFinish={({ deadline }) => generate.mutate({ campaignId, deadline: deadline || undefined })}
            style={{ marginTop: 16 }}
          >
            <Typography.Paragraph type="secondary">{t('task.generateHint')}</Typography.Paragraph>
            <Form.Item
              name="deadline"
              label={t('task.generateDeadline')}
              rules={rule(ZGenerateTasks.shape.deadline)}
              extra={t('task.generateDeadlineHint')}
            >
              <Input type="date" />
            </Form.Item>
            {generate.isError && <Alert type="error" showIcon title={errorMessage(generate.error)} />}
          </Form>
        </Modal>
      )}
    </>
  );
}
