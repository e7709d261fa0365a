import type { StatusLevel } from '@wenming/domain';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTerm } from '../status/format';
import { StatusLevelTag } from '../status/StatusLevelTag';
import type { Standing } from './model';
import { StandingTag } from './tags';

type Items = NonNullable<DescriptionsProps['items']>;

/**
 * A unit's title as it stands — level, term, decision number and, once the register knows
 * it, its standing — as the office and the unit itself both see it. `more` adds what only
 * one side is shown (the office: a step's deadline; the unit: that the term ends soon).
 */
export function CurrentTitleCard({
  unit,
  standing,
  more = [],
  children,
}: {
  unit: {
    level: StatusLevel;
    termStartYear: number | null;
    termEndYear: number | null;
    decisionNo: string | null;
  };
  standing: Standing | undefined;
  more?: Items;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const items: Items = [
    { key: 'level', label: t('unit.level'), children: <StatusLevelTag level={unit.level} /> },
    {
      key: 'term',
      label: t('assessment.term'),
      children: formatTerm(unit.termStartYear, unit.termEndYear) ?? t('common.none'),
    },
    { key: 'no', label: t('unit.decisionNo'), children: unit.decisionNo ?? t('common.none') },
    ...(standing
      ? [{ key: 'standing', label: t('assessment.standing'), children: <StandingTag standing={standing} /> }]
      : []),
    ...more,
  ];
  return (
    <Card size="small" title={t('assessment.currentTitle')}>
      <Descriptions size="small" column={1} items={items} />
      {children}
    </Card>
  );
}
