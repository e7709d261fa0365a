import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZUpdateNotificationSettings } from '@wenming/domain';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useToast } from '../app/feedback';
import { useZodRule } from '../forms/zod-rules';

/** Where email copies of the inbox go — shown only when the server sends email at all. */
export function EmailSettingsCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const settings = useQuery(trpc.notification.settings.queryOptions());
  const save = useMutation(
    trpc.notification.updateSettings.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.notification.settings.queryKey() });
        toast.success(t('supervision.emailSaved'));
      },
    }),
  );
  if (!settings.data?.emailAvailable) return null;
  return (
    <Card size="small" title={t('supervision.emailTitle')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('supervision.emailHint')}</Typography.Paragraph>
      <Form
        layout="inline"
        initialValues={{ email: settings.data.email ?? '' }}
        onFinish={(v: { email: string }) => save.mutate({ email: v.email.trim() || null })}
      >
        <Flex gap={8} wrap style={{ width: '100%' }}>
          <Form.Item
            name="email"
            rules={rule(ZUpdateNotificationSettings.shape.email)}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Input type="email" placeholder="name@example.org" maxLength={254} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('supervision.emailSave')}
          </Button>
        </Flex>
      </Form>
      {save.error && <Alert type="error" showIcon title={errorMessage(save.error)} />}
    </Card>
  );
}
