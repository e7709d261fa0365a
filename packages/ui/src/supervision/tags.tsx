import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  BulletinKind,
  InspectionKind,
  InspectionResult,
  InspectionStatus,
  OrderStatus,
  Severity,
} from './model';

const KIND_COLORS: Record<InspectionKind, string | undefined> = {
  routine: 'blue',
  special: 'purple',
  unannounced: 'magenta',
  re_examination: 'cyan',
};
const STATUS_COLORS: Record<InspectionStatus, string | undefined> = {
  planned: undefined,
  in_progress: 'processing',
  completed: 'success',
};
const SEVERITY_COLORS: Record<Severity, string> = { minor: 'gold', major: 'orange', critical: 'red' };
export const RESULT_COLORS: Record<InspectionResult, string | undefined> = {
  meets: 'success',
  partly: 'warning',
  fails: 'error',
  not_applicable: undefined,
};
const ORDER_COLORS: Record<OrderStatus, string | undefined> = {
  open: 'processing',
  answered: 'warning',
  closed: 'success',
};

const tag = { marginInlineEnd: 0 };

export function InspectionKindTag({ kind }: { kind: InspectionKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} style={tag}>
      {t(`supervision.kind_${kind}`)}
    </Tag>
  );
}

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={tag}>
      {t(`supervision.status_${status}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLORS[severity]} style={tag}>
      {t(`supervision.severity_${severity}`)}
    </Tag>
  );
}

export function ResultTag({ result }: { result: InspectionResult }) {
  const { t } = useTranslation();
  return (
    <Tag color={RESULT_COLORS[result]} style={tag}>
      {t(`supervision.result_${result}`)}
    </Tag>
  );
}

/** An order's step in the loop; an order past its deadline says so first. */
export function OrderStatusTag({ order }: { order: { status: OrderStatus; overdue: boolean } }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {order.overdue && (
        <Tag color="error" style={tag}>
          {t('supervision.overdue')}
        </Tag>
      )}
      <Tag color={ORDER_COLORS[order.status]} style={tag}>
        {t(`supervision.order_${order.status}`)}
      </Tag>
    </span>
  );
}

const BULLETIN_COLORS: Record<BulletinKind, string> = {
  praise: 'green',
  criticism: 'red',
  rectification: 'orange',
};

export function BulletinKindTag({ kind }: { kind: BulletinKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={BULLETIN_COLORS[kind]} style={tag}>
      {t(`supervision.bulletin_${kind}`)}
    </Tag>
  );
}
