import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { TDutyCalendar } from '@wenming/domain';
import { Card, Flex, Tag, Tooltip, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../layout/screens';

export type Duty = TDutyCalendar['items'][number];
type DutyPeriod = Duty['periods'][number];

const monthIndex = (iso: string) => {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};

function usePeriodLabel() {
  const { t } = useTranslation();
  return (duty: Duty, p: DutyPeriod) => {
    const [year, month] = p.start.split('-');
    const m = Number(month);
    switch (duty.period) {
      case 'monthly':
        return t('ledger.period_month', { year, month: m });
      case 'quarterly':
        return t('ledger.period_quarter', { year, q: Math.ceil(m / 3) });
      case 'half_yearly':
        return t(m <= 6 ? 'ledger.period_h1' : 'ledger.period_h2', { year });
      default:
        return String(year);
    }
  };
}

function useStatusStyle() {
  const { token } = theme.useToken();
  return {
    met: { background: token.colorSuccessBg, border: token.colorSuccessBorder, color: token.colorSuccess },
    missing: { background: token.colorErrorBg, border: token.colorErrorBorder, color: token.colorError },
    upcoming: {
      background: token.colorFillQuaternary,
      border: token.colorBorderSecondary,
      color: token.colorTextTertiary,
    },
  };
}

function PeriodCell({ duty, period, compact }: { duty: Duty; period: DutyPeriod; compact?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const label = usePeriodLabel();
  const style = useStatusStyle()[period.status];
  const text = label(duty, period);
  const status = t(`ledger.period_${period.status}`);
  return (
    <Tooltip title={`${text} · ${status}`}>
      <div
        role="img"
        aria-label={`${duty.title} ${text} ${status}`}
        data-status={period.status}
        style={{
          background: style.background,
          border: `1px solid ${style.border}`,
          color: style.color,
          borderRadius: token.borderRadiusSM,
          height: 28,
          minWidth: compact ? 56 : 0,
          paddingInline: 4,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 4,
          fontSize: 12,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
        }}
      >
        {period.status === 'met' ? <CheckOutlined /> : period.status === 'missing' ? <CloseOutlined /> : null}
        {compact || duty.period !== 'monthly' ? text : null}
      </div>
    </Tooltip>
  );
}

export function DutyLegend() {
  const { t } = useTranslation();
  const styles = useStatusStyle();
  return (
    <Flex gap={12} wrap>
      {(['met', 'missing', 'upcoming'] as const).map((s) => (
        <Flex key={s} gap={6} align="center">
          <span
            style={{
              width: 14,
              height: 14,
              borderRadius: 3,
              background: styles[s].background,
              border: `1px solid ${styles[s].border}`,
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`ledger.period_${s}`)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

function DutyTitle({ duty, actions }: { duty: Duty; actions?: ReactNode }) {
  const { t } = useTranslation();
  const missing = duty.periods.filter((p) => p.status === 'missing').length;
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <Flex justify="space-between" gap={8} align="start">
        <Typography.Text strong>{duty.title}</Typography.Text>
        {actions}
      </Flex>
      <Flex gap={4} wrap>
        <Tag style={{ marginInlineEnd: 0 }}>{t(`ledger.duty_period_${duty.period}`)}</Tag>
        <Tag color={duty.scope === 'office' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t(duty.scope === 'office' ? 'ledger.duty_scope_office' : 'ledger.duty_scope_campaign')}
        </Tag>
        {duty.evidenceKind && (
          <Tag style={{ marginInlineEnd: 0 }}>{t(`ledger.kind_${duty.evidenceKind}`)}</Tag>
        )}
        {duty.indicatorCodes.map((code) => (
          <Tag key={code} style={{ marginInlineEnd: 0 }}>
            {code}
          </Tag>
        ))}
      </Flex>
      {missing > 0 && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('ledger.duty_missing_n', { n: missing })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * Recurring duties (每月、每季度…) as a calendar: one row per duty, one cell per period,
 * green when something was filed in it, red once it passed without, grey ahead.
 */
export function DutyGrid({
  duties,
  renderActions,
}: {
  duties: Duty[];
  renderActions?: (duty: Duty) => ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const phone = usePhone();
  if (duties.length === 0) return null;
  if (phone) {
    return (
      <Flex vertical gap={8}>
        {duties.map((duty) => (
          <Card key={duty.id} size="small">
            <Flex vertical gap={8}>
              <DutyTitle duty={duty} actions={renderActions?.(duty)} />
              <Flex gap={4} wrap>
                {duty.periods.map((p) => (
                  <PeriodCell key={p.start} duty={duty} period={p} compact />
                ))}
              </Flex>
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }
  const starts = duties.flatMap((d) => d.periods.map((p) => monthIndex(p.start)));
  const ends = duties.flatMap((d) => d.periods.map((p) => monthIndex(p.end)));
  const first = Math.min(...starts);
  const last = Math.max(...ends);
  const columns = Array.from({ length: Math.max(1, last - first) }, (_, i) => first + i);
  const border = `1px solid ${token.colorSplit}`;
  const head = {
    fontSize: 12,
    fontWeight: 'normal',
    color: token.colorTextSecondary,
    padding: '4px 2px',
  } as const;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        style={{
          borderCollapse: 'separate',
          borderSpacing: '3px 0',
          tableLayout: 'fixed',
          width: '100%',
          minWidth: 260 + columns.length * 44,
        }}
      >
        <caption
          style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
        >
          {t('ledger.duties')}
        </caption>
        <colgroup>
          <col style={{ width: 260 }} />
          {columns.map((m) => (
            <col key={m} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" style={{ ...head, textAlign: 'start' }}>
              {t('ledger.duty')}
            </th>
            {columns.map((m) => (
              <th key={m} scope="col" style={{ ...head, whiteSpace: 'nowrap' }}>
                {m % 12 === 0 || m === first ? (
                  <div style={{ color: token.colorText }}>{Math.floor(m / 12)}</div>
                ) : (
                  <div>&nbsp;</div>
                )}
                {(m % 12) + 1}
                {t('ledger.month_suffix')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {duties.map((duty) => {
            const from = monthIndex(duty.periods[0]?.start ?? '') - first;
            const to = last - monthIndex(duty.periods.at(-1)?.end ?? '');
            return (
              <tr key={duty.id}>
                <th
                  scope="row"
                  style={{ textAlign: 'start', fontWeight: 'normal', padding: '8px 4px', borderTop: border }}
                >
                  <DutyTitle duty={duty} actions={renderActions?.(duty)} />
                </th>
                {from > 0 && <td colSpan={from} style={{ borderTop: border }} />}
                {duty.periods.map((p) => (
                  <td
                    key={p.start}
                    colSpan={monthIndex(p.end) - monthIndex(p.start)}
                    style={{ borderTop: border, paddingBlock: 8 }}
                  >
                    <PeriodCell duty={duty} period={p} />
                  </td>
                ))}
                {to > 0 && <td colSpan={to} style={{ borderTop: border }} />}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
