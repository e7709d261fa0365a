import { ClearOutlined } from '@ant-design/icons';
import { STATUS_LEVELS, UNIT_TYPES } from '@wenming/domain';
import { loadWorkStrings, usePhone } from '@wenming/ui';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeTreeSelect } from '../offices/OfficeTreeSelect';
import type { UnitFilters } from './useUnitFilters';

loadWorkStrings();

export function UnitFilterBar({
  filters,
  filtered,
  onChange,
  onClear,
}: {
  filters: UnitFilters;
  filtered: boolean;
  onChange: (patch: Partial<UnitFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const half = phone ? 'calc(50% - 4px)' : undefined;
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        // Re-mount when the URL changes underneath (clear filters, back button).
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('unit.searchPlaceholder')}
        aria-label={t('unit.searchPlaceholder')}
        allowClear
        enterButton
        onSearch={(q) => onChange({ q })}
        style={{ width: phone ? '100%' : 300 }}
      />
      <OfficeTreeSelect
        value={filters.officeId}
        onChange={(officeId) => onChange({ officeId })}
        placeholder={t('unit.allOffices')}
        aria-label={t('unit.office')}
        allowClear
        style={{ width: phone ? '100%' : 240 }}
      />
      <Select
        value={filters.type}
        onChange={(type) => onChange({ type })}
        placeholder={t('unit.allTypes')}
        aria-label={t('unit.type')}
        allowClear
        options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitType.${type}`) }))}
        style={{ width: half ?? 140 }}
      />
      <Select
        value={filters.level}
        onChange={(level) => onChange({ level })}
        placeholder={t('unit.allLevels')}
        aria-label={t('unit.level')}
        allowClear
        options={STATUS_LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
        style={{ width: half ?? 160 }}
      />
      {filtered && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
