import { ClearOutlined } from '@ant-design/icons';
import { CAMPAIGN_PHASES } from '@wenming/domain';
import { loadWorkStrings, usePhone } from '@wenming/ui';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeTreeSelect } from '../offices/OfficeTreeSelect';
import type { CampaignFilters } from './useCampaignFilters';

loadWorkStrings();

export function CampaignFilterBar({
  filters,
  filtered,
  onChange,
  onClear,
}: {
  filters: CampaignFilters;
  filtered: boolean;
  onChange: (patch: Partial<CampaignFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('campaign.searchPlaceholder')}
        aria-label={t('campaign.searchPlaceholder')}
        allowClear
        enterButton
        onSearch={(q) => onChange({ q })}
        style={{ width: phone ? '100%' : 280 }}
      />
      <OfficeTreeSelect
        value={filters.officeId}
        onChange={(officeId) => onChange({ officeId })}
        placeholder={t('unit.allOffices')}
        aria-label={t('campaign.office')}
        allowClear
        style={{ width: phone ? '100%' : 220 }}
      />
      <Select
        value={filters.phase}
        onChange={(phase) => onChange({ phase })}
        placeholder={t('campaign.allPhases')}
        aria-label={t('campaign.phase')}
        allowClear
        options={CAMPAIGN_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))}
        style={{ width: phone ? 'calc(50% - 4px)' : 150 }}
      />
      <Checkbox checked={filters.open === true} onChange={(e) => onChange({ open: e.target.checked })}>
        {t('campaign.openOnly')}
      </Checkbox>
      {filtered && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
