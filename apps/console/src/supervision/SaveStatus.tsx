import {
  CheckCircleFilled,
  CloudSyncOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
} from '@ant-design/icons';
import { formatDateTime, useErrorMessage } from '@wenming/ui';
import { Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './useItemAutosave';

/** Where an item's typing is: saved (and when), on its way, waiting for a result, or failed with a retry. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errorMessage = useErrorMessage();
  const small = { fontSize: 12 };
  switch (state.kind) {
    case 'saved':
      return state.at ? (
        <Typography.Text type="success" style={small} data-save="saved">
          <CheckCircleFilled /> {t('supervision.savedAt', { time: formatDateTime(state.at)?.slice(11) })}
        </Typography.Text>
      ) : null;
    case 'pending':
    case 'saving':
      return (
        <Typography.Text type="secondary" style={small} data-save="saving">
          {state.kind === 'saving' ? <LoadingOutlined /> : <CloudSyncOutlined />} {t('supervision.saving')}
        </Typography.Text>
      );
    case 'needsResult':
      return (
        <Typography.Text style={{ ...small, color: token.colorWarning }} data-save="needs-result">
          {t('supervision.needsResult')}
        </Typography.Text>
      );
    case 'error':
      return (
        <Flex align="center" gap={4} wrap role="alert" data-save="error">
          <Typography.Text type="danger" style={small}>
            <ExclamationCircleFilled />{' '}
            {state.retrying
              ? t('supervision.notSavedRetrying')
              : t('supervision.notSaved', { reason: errorMessage(state.error) })}
          </Typography.Text>
          <Button size="small" type="link" onClick={onRetry} style={{ paddingInline: 4 }}>
            {t('common.retry')}
          </Button>
        </Flex>
      );
  }
}
