import { CheckOutlined, CloseOutlined, DownOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Flex, Switch, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadinessBar } from './tags';
import { percent } from './urls';
import type { LedgerCategory, LedgerIndicator, LedgerMaterial } from './useLedger';

/** Plain rows that are buttons (keyboard and screen readers), keeping the browser's focus ring. */
const BUTTON_RESET = {
  display: 'block',
  boxSizing: 'border-box',
  width: '100%',
  border: 0,
  margin: 0,
  font: 'inherit',
  color: 'inherit',
  textAlign: 'start',
  background: 'none',
} as const;

/** A required material as a chip: green when something on file is it, red while it is a gap. */
export function MaterialChip({ material }: { material: LedgerMaterial }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={material.met ? 'success' : 'error'}
      icon={material.met ? <CheckOutlined /> : <CloseOutlined />}
      style={{ marginInlineEnd: 0, whiteSpace: 'normal', fontSize: 12 }}
      title={material.met ? t('ledger.material_met') : t('ledger.material_missing')}
    >
      {material.name}
    </Tag>
  );
}

function IndicatorRow({
  indicator,
  selected,
  onSelect,
}: {
  indicator: LedgerIndicator;
  selected: boolean;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const gaps = indicator.materials.filter((m) => !m.met).length;
  const empty = indicator.evidenceCount === 0;
  return (
    <button
      type="button"
      data-indicator={indicator.code}
      aria-pressed={selected}
      onClick={() => onSelect(selected ? null : indicator.id)}
      style={{
        ...BUTTON_RESET,
        cursor: 'pointer',
        padding: '8px 10px',
        borderRadius: token.borderRadius,
        background: selected ? token.controlItemBgActive : 'transparent',
        boxShadow: `inset 3px 0 0 ${gaps > 0 || empty ? token.colorError : token.colorSuccess}`,
      }}
    >
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="baseline" gap={8}>
          <Typography.Text strong={selected} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">{indicator.code}</Typography.Text> {indicator.name}
          </Typography.Text>
          <Typography.Text
            type={percent(indicator.readiness) === 100 ? 'success' : 'secondary'}
            style={{ whiteSpace: 'nowrap', fontSize: 12, fontVariantNumeric: 'tabular-nums' }}
          >
            {t('ledger.items_n', { n: indicator.evidenceCount })} · {percent(indicator.readiness)}%
          </Typography.Text>
        </Flex>
        {indicator.materials.length > 0 && (
          <Flex gap={4} wrap>
            {indicator.materials.map((m) => (
              <MaterialChip key={m.name} material={m} />
            ))}
          </Flex>
        )}
      </Flex>
    </button>
  );
}

/**
 * The ledger by the framework's tree: categories with their readiness, indicators with
 * their required materials met or missing. Choosing an indicator lists its evidence.
 */
export function IndicatorTree({
  categories,
  selectedId,
  onSelect,
  maxHeight,
}: {
  categories: LedgerCategory[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Scrolls inside the card beyond this height (beside a long list on wide screens). */
  maxHeight?: number | string;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const [gapsOnly, setGapsOnly] = useState(false);
  const toggle = (code: string) =>
    setCollapsed((now) => (now.includes(code) ? now.filter((c) => c !== code) : [...now, code]));
  return (
    <Card
      size="small"
      title={t('ledger.tree_title')}
      extra={
        <Flex gap={6} align="center">
          <Switch size="small" checked={gapsOnly} onChange={setGapsOnly} aria-label={t('ledger.gaps_only')} />
          <Typography.Text style={{ fontSize: 12 }}>{t('ledger.gaps_only')}</Typography.Text>
        </Flex>
      }
      styles={{ body: { padding: 8, maxHeight, overflowY: maxHeight ? 'auto' : undefined } }}
    >
      <Flex vertical gap={8}>
        {categories.map((category) => {
          const open = !collapsed.includes(category.code);
          const indicators = gapsOnly
            ? category.indicators.filter((i) => i.readiness < 1 || i.id === selectedId)
            : category.indicators;
          if (gapsOnly && indicators.length === 0) return null;
          return (
            <section key={category.code} aria-label={`${category.code} ${category.name}`}>
              <button
                type="button"
                aria-expanded={open}
                onClick={() => toggle(category.code)}
                style={{
                  ...BUTTON_RESET,
                  cursor: 'pointer',
                  padding: '6px 10px',
                  borderRadius: token.borderRadius,
                  background: token.colorFillQuaternary,
                }}
              >
                <Flex justify="space-between" align="center" gap={12} wrap>
                  <Flex gap={6} align="center" style={{ minWidth: 0 }}>
                    {open ? (
                      <DownOutlined style={{ fontSize: 10 }} />
                    ) : (
                      <RightOutlined style={{ fontSize: 10 }} />
                    )}
                    <Typography.Text strong>
                      {category.code} {category.name}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {t('ledger.points_n', { n: category.points })}
                    </Typography.Text>
                  </Flex>
                  <ReadinessBar
                    readiness={category.readiness}
                    width={140}
                    label={t('ledger.category_readiness', {
                      name: category.name,
                      p: percent(category.readiness),
                    })}
                  />
                </Flex>
              </button>
              {open && (
                <Flex vertical gap={2} style={{ marginTop: 4 }}>
                  {indicators.map((indicator) => (
                    <IndicatorRow
                      key={indicator.id}
                      indicator={indicator}
                      selected={indicator.id === selectedId}
                      onSelect={onSelect}
                    />
                  ))}
                </Flex>
              )}
            </section>
          );
        })}
      </Flex>
    </Card>
  );
}
