import { ClearOutlined } from '@ant-design/icons';
import { TASK_STATUSES } from '@wenming/domain';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';
import { usePhone } from '../layout/screens';
import type { TaskFilters } from './useTaskFilters';

loadWorkStrings();

export interface IndicatorOption {
  id: string;
  code: string;
  name: string;
}

export function TaskFilterBar({
  filters,
  filtered,
  onChange,
  onClear,
  departments,
  indicators,
  extra,
}: {
  filters: TaskFilters;
  filtered: boolean;
  onChange: (patch: Partial<TaskFilters>) => void;
  onClear: () => void;
  departments: { id: string; name: string }[];
  indicators?: IndicatorOption[];
  /** Controls of the page that sit on the same line (view switch…). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const half = phone ? 'calc(50% - 4px)' : undefined;
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('task.searchPlaceholder')}
        aria-label={t('task.searchPlaceholder')}
        allowClear
        onSearch={(q) => onChange({ q })}
        style={{ width: phone ? '100%' : 220 }}
      />
      <Select
        value={filters.departmentId}
        onChange={(departmentId) => onChange({ departmentId })}
        placeholder={t('task.allDepartments')}
        aria-label={t('task.department')}
        allowClear
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        style={{ width: half ?? 160 }}
      />
      <Select
        value={filters.status}
        onChange={(status) => onChange({ status })}
        placeholder={t('task.allStatuses')}
        aria-label={t('task.status')}
        allowClear
        options={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
        style={{ width: half ?? 130 }}
      />
      {indicators && (
        <Select
          value={filters.indicatorId}
          onChange={(indicatorId) => onChange({ indicatorId })}
          placeholder={t('task.allIndicators')}
          aria-label={t('task.indicators')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          options={indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
          style={{ width: phone ? '100%' : 220 }}
        />
      )}
      <Checkbox
        checked={filters.overdue === true}
        onChange={(e) => onChange({ overdue: e.target.checked || undefined })}
      >
        {t('task.overdueOnly')}
      </Checkbox>
      {filtered && (
        <Button icon={<ClearOutlined />} onClick={onClear}>
          {t('common.reset')}
        </Button>
      )}
      {extra && <div style={{ marginInlineStart: phone ? 0 : 'auto' }}>{extra}</div>}
    </Flex>
  );
}
