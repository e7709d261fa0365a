import {
  CloseCircleFilled,
  FileSearchOutlined,
  InfoCircleFilled,
  StopOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Button, Empty, Flex, Spin, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo, useErrorMessage } from '../api/errors';

export function LoadingState({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullPage ? '100vh' : 240 }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}

export type NoticeKind = 'error' | 'warning' | 'info' | 'notFound' | 'forbidden';

/**
 * A full-width message with an icon, like antd's Result but without its large
 * illustrations, which would otherwise weigh on every first page load.
 */
export function Notice({
  kind,
  title,
  subTitle,
  extra,
}: {
  kind: NoticeKind;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  const { token } = theme.useToken();
  const style = { fontSize: 56 };
  const icon = {
    error: <CloseCircleFilled style={{ ...style, color: token.colorError }} />,
    warning: <WarningFilled style={{ ...style, color: token.colorWarning }} />,
    info: <InfoCircleFilled style={{ ...style, color: token.colorInfo }} />,
    notFound: <FileSearchOutlined style={{ ...style, color: token.colorTextQuaternary }} />,
    forbidden: <StopOutlined style={{ ...style, color: token.colorTextQuaternary }} />,
  }[kind];
  return (
    <Flex
      vertical
      align="center"
      gap={12}
      style={{ padding: '48px 16px', textAlign: 'center' }}
      role="status"
    >
      {icon}
      {/* Plain elements: Typography would pull its editable (Input) code into the first load. */}
      <h2
        style={{
          margin: 0,
          fontSize: token.fontSizeHeading4,
          fontWeight: 600,
          color: token.colorTextHeading,
        }}
      >
        {title}
      </h2>
      {subTitle && <div style={{ maxWidth: 520, color: token.colorTextSecondary }}>{subTitle}</div>}
      {extra && (
        <Flex gap={8} justify="center" wrap style={{ marginTop: 8 }}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

/** A failed load: what went wrong, in the user's language, and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  extra,
  title,
  subTitle,
}: {
  error: unknown;
  onRetry?: () => void;
  extra?: ReactNode;
  /** Say what could not be loaded; the error's own message becomes the subtitle. */
  title?: ReactNode;
  subTitle?: ReactNode;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { appCode } = apiErrorInfo(error);
  const kind: NoticeKind =
    appCode === 'NOT_FOUND' ? 'notFound' : appCode === 'FORBIDDEN' ? 'forbidden' : 'error';
  return (
    <Notice
      kind={kind}
      title={title ?? t('states.loadFailed')}
      subTitle={subTitle ?? message(error)}
      extra={
        (onRetry || extra) && (
          <>
            {onRetry && kind === 'error' && (
              <Button type="primary" onClick={onRetry}>
                {t('common.retry')}
              </Button>
            )}
            {extra}
          </>
        )
      }
    />
  );
}

/** Empty states say what to do next, so `description` should be an instruction. */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}
