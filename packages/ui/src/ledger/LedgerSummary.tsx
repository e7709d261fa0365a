import type { TCompleteness } from '@wenming/domain';
import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../layout/screens';
import { ReadinessBar } from './tags';
import { percent } from './urls';

function Figure({
  label,
  value,
  hint,
  tone,
  onClick,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'danger' | 'success' | 'warning';
  onClick?: () => void;
}) {
  const { token } = theme.useToken();
  const color = tone
    ? { danger: token.colorError, success: token.colorSuccess, warning: token.colorWarning }[tone]
    : token.colorTextHeading;
  const body = (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <span
        style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.3, color, fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </span>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Flex>
  );
  return (
    <div style={{ flex: '1 1 160px', minWidth: 0 }}>
      {onClick ? (
        <button
          type="button"
          onClick={onClick}
          style={{
            border: 0,
            padding: 0,
            background: 'none',
            font: 'inherit',
            textAlign: 'start',
            cursor: 'pointer',
          }}
        >
          {body}
        </button>
      ) : (
        body
      )}
    </div>
  );
}

/** The ledger in four figures: how ready, what is missing, how promptly work is recorded, how much. */
export function LedgerSummary({
  completeness,
  gapCount,
  onShowGaps,
}: {
  completeness: TCompleteness;
  gapCount: number;
  onShowGaps?: () => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const { freshness } = completeness;
  const fresh = percent(freshness.share);
  return (
    <Card size="small" styles={{ body: { padding: phone ? 12 : 16 } }}>
      <Flex gap={phone ? 12 : 24} wrap align="start">
        <Figure
          label={t('ledger.readiness')}
          value={`${percent(completeness.readiness)}%`}
          hint={<ReadinessBar readiness={completeness.readiness} width={200} />}
        />
        <Figure
          label={t('ledger.gaps_title')}
          value={t('ledger.gaps_n', { n: gapCount })}
          tone={gapCount > 0 ? 'danger' : 'success'}
          hint={gapCount > 0 ? t('ledger.gaps_hint') : t('ledger.gaps_none_short')}
          onClick={gapCount > 0 ? onShowGaps : undefined}
        />
        <Figure
          label={t('ledger.freshness')}
          value={freshness.items ? `${fresh}%` : t('common.none')}
          tone={freshness.items === 0 ? undefined : fresh >= 80 ? 'success' : 'warning'}
          hint={
            freshness.items
              ? t('ledger.freshness_hint', { fresh: freshness.withinSevenDays, items: freshness.items })
              : t('ledger.freshness_none')
          }
        />
        <Figure label={t('ledger.items')} value={freshness.items} hint={t('ledger.items_hint')} />
      </Flex>
    </Card>
  );
}
