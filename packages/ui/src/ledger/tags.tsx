import { ClockCircleOutlined } from '@ant-design/icons';
import { type EvidenceKind, FRESH_WITHIN_DAYS } from '@wenming/domain';
import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent } from './urls';

const KIND_COLORS: Partial<Record<EvidenceKind, string>> = {
  organization: 'geekblue',
  plan: 'blue',
  campaign_document: 'blue',
  meeting_minutes: 'cyan',
  activity_record: 'green',
  activity: 'green',
  rules: 'purple',
  inspection_record: 'orange',
  summary: 'gold',
  evaluation_record: 'magenta',
};

export function EvidenceKindTag({ kind }: { kind: EvidenceKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`ledger.kind_${kind}`)}
    </Tag>
  );
}

/**
 * Filed more than a week after the event: the speeches' pain is work recorded only when
 * inspection comes, so late filing is shown on every item, not hidden in a report.
 */
export function LagBadge({ lagDays, carried = false }: { lagDays: number; carried?: boolean }) {
  const { t } = useTranslation();
  // Carried from the last term: an old event date is expected, not late filing.
  if (carried) {
    return (
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('ledger.carried_tag')}
      </Tag>
    );
  }
  if (lagDays <= FRESH_WITHIN_DAYS) return null;
  return (
    <Tooltip title={t('ledger.lag_hint', { n: lagDays })}>
      <Tag color="warning" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('ledger.lag_badge', { n: lagDays })}
      </Tag>
    </Tooltip>
  );
}

export function RetractedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="default" variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t('ledger.retracted')}
    </Tag>
  );
}

/** How much of what inspection asks for is on file: red below half, green when complete. */
export function ReadinessBar({
  readiness,
  width,
  label,
}: {
  readiness: number;
  /** The widest it grows; it shrinks below that. */
  width?: number;
  label?: string;
}) {
  const { t } = useTranslation();
  const p = percent(readiness);
  return (
    <Progress
      percent={p}
      size="small"
      status={p === 100 ? 'success' : p < 50 ? 'exception' : 'normal'}
      format={() => `${p}%`}
      aria-label={label ?? t('ledger.readiness_of', { p })}
      style={{ margin: 0, width: width ? '100%' : undefined, maxWidth: width, minWidth: 80 }}
    />
  );
}
