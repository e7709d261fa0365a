import { EVIDENCE_KINDS } from '@wenming/domain';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../layout/screens';
import type { LedgerIndicator } from './useLedger';
import type { LedgerFilters } from './useLedgerFilters';

export function EvidenceFilterBar({
  filters,
  filtered,
  indicators,
  onChange,
  onClear,
}: {
  filters: LedgerFilters;
  filtered: boolean;
  indicators: LedgerIndicator[];
  onChange: (next: Partial<LedgerFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value })}
        allowClear
        placeholder={t('ledger.search_placeholder')}
        aria-label={t('ledger.search_placeholder')}
        style={{ flex: phone ? '1 1 100%' : '1 1 200px', maxWidth: phone ? undefined : 280 }}
      />
      <Select
        value={filters.kind}
        onChange={(kind) => onChange({ kind })}
        allowClear
        placeholder={t('ledger.all_kinds')}
        aria-label={t('ledger.kind')}
        options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`ledger.kind_${k}`) }))}
        style={{ flex: '1 1 140px', maxWidth: phone ? undefined : 180 }}
      />
      <Select
        value={filters.indicatorId}
        onChange={(indicatorId) => onChange({ indicatorId })}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ledger.all_indicators')}
        aria-label={t('ledger.indicator')}
        options={indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
        popupMatchSelectWidth={false}
        style={{ flex: '1 1 160px', maxWidth: phone ? undefined : 240 }}
      />
      <Checkbox
        checked={filters.includeRetracted}
        onChange={(e) => onChange({ includeRetracted: e.target.checked })}
      >
        {t('ledger.include_retracted')}
      </Checkbox>
      {filtered && (
        <Button type="link" onClick={onClear} style={{ paddingInline: 4 }}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
