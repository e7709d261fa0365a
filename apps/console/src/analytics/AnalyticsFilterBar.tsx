import { LinkOutlined } from '@ant-design/icons';
import { STATUS_LEVELS, UNIT_TYPES } from '@wenming/domain';
import { useToast } from '@wenming/ui';
import { Button, Flex, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfficeTreeSelect } from '../offices/OfficeTreeSelect';
import { useAnalyticsFilters } from './useAnalyticsFilters';

/** Office subtree, unit type, level, term and round: the filters of every analytics view. */
export function AnalyticsFilterBar() {
  const { t } = useTranslation();
  const toast = useToast();
  const { filters, update, clear, filtered } = useAnalyticsFilters();
  const share = () =>
    void navigator.clipboard
      ?.writeText(window.location.href)
      .then(() => toast.success(t('analytics.filter_shared')));
  return (
    <Flex gap={8} wrap align="center">
      <OfficeTreeSelect
        allowClear
        placeholder={t('analytics.filter_office')}
        aria-label={t('analytics.filter_office')}
        value={filters.officeId}
        onChange={(officeId) => update({ officeId })}
        style={{ width: 200 }}
      />
      <Select
        allowClear
        placeholder={t('analytics.filter_type')}
        aria-label={t('analytics.filter_type')}
        value={filters.unitType}
        onChange={(unitType) => update({ unitType })}
        options={UNIT_TYPES.map((v) => ({ value: v, label: t(`unitType.${v}`) }))}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        placeholder={t('analytics.filter_level')}
        aria-label={t('analytics.filter_level')}
        value={filters.level}
        onChange={(level) => update({ level })}
        options={STATUS_LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))}
        style={{ width: 140 }}
      />
      <InputNumber
        placeholder={t('analytics.filter_term')}
        aria-label={t('analytics.filter_term')}
        min={1949}
        max={2200}
        value={filters.termStartYear ?? null}
        onChange={(v) => update({ termStartYear: typeof v === 'number' ? v : undefined })}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        placeholder={t('analytics.filter_round')}
        aria-label={t('analytics.filter_round')}
        value={filters.targetLevel}
        onChange={(targetLevel) => update({ targetLevel })}
        options={STATUS_LEVELS.filter((v) => v !== 'none').map((v) => ({ value: v, label: t(`level.${v}`) }))}
        style={{ width: 150 }}
      />
      {filtered && <Button onClick={clear}>{t('common.reset')}</Button>}
      <Button icon={<LinkOutlined />} onClick={share}>
        {t('analytics.filter_share')}
      </Button>
    </Flex>
  );
}
