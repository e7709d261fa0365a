import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TLogin } from '@wenming/domain';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/errors';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { type AppKind, BrandMark, useAppTitle, useDocumentTitle } from '../layout/Brand';
import { useLogin } from './session';

/** Shown in place of any page while nobody is signed in, so the address survives the sign-in. */
export default function LoginPage({ app }: { app: AppKind }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const title = useAppTitle(app);
  useDocumentTitle(app);
  const errorMessage = useErrorMessage();
  const login = useLogin();

  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: `linear-gradient(180deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 45%)`,
      }}
    >
      <Flex justify="end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" justify="center" style={{ flex: 1, width: '100%', paddingBottom: '8vh' }}>
        <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <BrandMark size={48} />
            <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
              {title.name}
            </Typography.Title>
            <Typography.Text type="secondary">{title.part}</Typography.Text>
          </Flex>
          <Form<TLogin>
            layout="vertical"
            requiredMark={false}
            disabled={login.isPending}
            onFinish={(values) => login.mutate(values)}
            onValuesChange={() => login.isError && login.reset()}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            {login.isError && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(login.error)}
                style={{ marginBottom: 16 }}
                role="alert"
              />
            )}
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}
          >
            {t('login.hint')}
          </Typography.Paragraph>
        </Card>
      </Flex>
    </Flex>
  );
}
