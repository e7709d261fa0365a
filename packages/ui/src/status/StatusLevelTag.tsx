import type { StatusAction, StatusLevel } from '@wenming/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Warmer colours for higher titles, so a column of tags reads at a glance. */
const LEVEL_COLORS: Record<StatusLevel, string | undefined> = {
  none: undefined,
  county: 'green',
  city: 'blue',
  city_model: 'geekblue',
  provincial: 'orange',
  national: 'red',
};

export function StatusLevelTag({ level }: { level: StatusLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} style={{ marginInlineEnd: 0 }}>
      {t(`level.${level}`)}
    </Tag>
  );
}

/** Timeline dot colours: green keeps the title, orange warns, red takes it away, grey is bookkeeping. */
export const STATUS_ACTION_COLORS: Record<StatusAction, string> = {
  initial: 'gray',
  conferral: 'green',
  renewal: 'green',
  retain: 'green',
  restore: 'blue',
  yellow_card: 'orange',
  suspension: 'orange',
  revocation: 'red',
  lapse: 'gray',
};
