import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo, useErrorMessage } from '../api/errors';

/**
 * Why a save was refused, inside the form. A refusal because someone else saved first is a
 * warning, not an error: the form has already loaded their version, so the user checks it
 * and saves again.
 */
export function SaveRefusal({ error, style }: { error: unknown; style?: CSSProperties }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (!error) return null;
  const stale = apiErrorInfo(error).appCode === 'STALE_VERSION';
  return (
    <Alert
      type={stale ? 'warning' : 'error'}
      showIcon
      title={stale ? t('common.staleReloaded') : errorMessage(error)}
      style={style}
    />
  );
}
