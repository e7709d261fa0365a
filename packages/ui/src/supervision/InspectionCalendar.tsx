import { Badge, Calendar, Flex, List, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dayjs } from '../i18n/dayjs';
import { usePhone } from '../layout/screens';
import type { TInspectionSummary } from './model';

const DOT = { planned: 'default', in_progress: 'processing', completed: 'success' } as const;

/** A month at a glance: each day lists what is planned; tapping a day lists it below (phones). */
export function InspectionCalendar({ items }: { items: TInspectionSummary[] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [day, setDay] = useState<Dayjs>(dayjs());
  const byDay = new Map<string, TInspectionSummary[]>();
  for (const i of items) byDay.set(i.plannedOn, [...(byDay.get(i.plannedOn) ?? []), i]);
  const chosen = byDay.get(day.format('YYYY-MM-DD')) ?? [];
  return (
    <Flex vertical gap={12}>
      <Calendar
        fullscreen={!phone}
        value={day}
        onSelect={(d) => setDay(d)}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          if (phone) return list.length ? <Badge status="processing" /> : null;
          return (
            <Flex vertical gap={2}>
              {list.map((i) => (
                <Link key={i.id} to={i.id} style={{ fontSize: 12, lineHeight: 1.4 }}>
                  <Badge status={DOT[i.status]} text={<span style={{ fontSize: 12 }}>{i.title}</span>} />
                </Link>
              ))}
            </Flex>
          );
        }}
      />
      <Typography.Text strong>{t('supervision.onDay', { date: day.format('YYYY-MM-DD') })}</Typography.Text>
      <List
        size="small"
        dataSource={chosen}
        locale={{ emptyText: t('supervision.nothingOnDay') }}
        renderItem={(i) => (
          <List.Item>
            <Badge status={DOT[i.status]} />
            <Link to={i.id} style={{ flex: 1, marginInlineStart: 8 }}>
              {i.title}
            </Link>
            <Typography.Text type="secondary">
              {t('supervision.unitCount', { count: i.units })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Flex>
  );
}
