import { CheckCircleFilled, CloseCircleFilled, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilePrefill } from './GapList';
import { ReadinessBar } from './tags';
import type { LedgerIndicator } from './useLedger';

/** The chosen indicator: what the framework asks for, what is on file, and a way to add the rest. */
export function IndicatorPanel({
  indicator,
  onClose,
  onFile,
}: {
  indicator: LedgerIndicator;
  onClose: () => void;
  onFile?: (prefill: FilePrefill) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          <span>
            {indicator.code} {indicator.name}
          </span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t('ledger.points_n', { n: indicator.points })}
          </Typography.Text>
          {indicator.veto && <Tag color="red">{t('ledger.veto')}</Tag>}
        </Flex>
      }
      extra={
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t('ledger.clear_indicator')}
          onClick={onClose}
        />
      }
    >
      <Flex vertical gap={10}>
        {indicator.criteria && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {indicator.criteria}
          </Typography.Paragraph>
        )}
        <ReadinessBar readiness={indicator.readiness} width={320} />
        <Typography.Text strong>{t('ledger.required_materials')}</Typography.Text>
        {indicator.materials.length === 0 && (
          <Typography.Text type="secondary">{t('ledger.no_required_materials')}</Typography.Text>
        )}
        {indicator.materials.map((m) => (
          <Flex key={m.name} justify="space-between" align="center" gap={8}>
            <Flex gap={8} align="center" style={{ minWidth: 0 }}>
              {m.met ? (
                <CheckCircleFilled
                  style={{ color: token.colorSuccess }}
                  aria-label={t('ledger.material_met')}
                />
              ) : (
                <CloseCircleFilled
                  style={{ color: token.colorError }}
                  aria-label={t('ledger.material_missing')}
                />
              )}
              <Typography.Text>{m.name}</Typography.Text>
              <Typography.Text
                type={m.met ? 'secondary' : 'danger'}
                style={{ fontSize: 12, whiteSpace: 'nowrap' }}
              >
                {m.met ? t('ledger.items_n', { n: m.evidenceIds.length }) : t('ledger.missing')}
              </Typography.Text>
            </Flex>
            {onFile && !m.met && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                aria-label={t('ledger.file_for', { what: m.name })}
                onClick={() => onFile({ indicatorId: indicator.id, material: m.name })}
              >
                {t('ledger.file_short')}
              </Button>
            )}
          </Flex>
        ))}
        {onFile && (
          <div>
            <Button
              type="primary"
              ghost
              icon={<PlusOutlined />}
              onClick={() => onFile({ indicatorId: indicator.id })}
            >
              {t('ledger.file_for_indicator')}
            </Button>
          </div>
        )}
      </Flex>
    </Card>
  );
}
