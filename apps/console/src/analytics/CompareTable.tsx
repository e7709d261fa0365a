import type { TCompare } from '@wenming/domain';
import { ExportMenu, type ExportRow, formatShare, useScreen } from '@wenming/ui';
import { Card, Table, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

type Units = TCompare['units'];
type Unit = Units[number];

/** More than 20 points below the best unit compared is a gap worth a look. */
const GAP = 0.2;

interface Figure {
  key: string;
  label: string;
  /** Shares are compared and marked; counts are shown as they are. */
  share?: (u: Unit) => number | null | undefined;
  text?: (u: Unit) => string;
  bad?: (u: Unit) => boolean;
  /** A category's indicators, shown when its row is expanded. */
  children?: Figure[];
}

/** The indicators of category `name` across the units, in framework order, each unit's own readiness. */
function indicatorsOf(units: Units, name: string): Figure[] {
  const seen = new Map<string, Figure>();
  for (const u of units) {
    const category = u.categories.find((c) => c.name === name)?.code;
    for (const i of u.indicators.filter((x) => x.category === category)) {
      const key = `i:${name}:${i.code}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        key,
        label: `${i.code} ${i.name}`,
        share: (x: Unit) => {
          const own = x.categories.find((c) => c.name === name)?.code;
          return x.indicators.find((y) => y.category === own && y.code === i.code)?.readiness;
        },
      });
    }
  }
  return [...seen.values()];
}

/** Every figure of the units compared, one column per unit, gaps marked in red. */
export function CompareTable({ units, axes }: { units: Units; axes: string[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const wide = useScreen('md');
  const figures: Figure[] = [
    {
      key: 'framework',
      label: t('analytics.col_framework'),
      text: (u) => u.framework ?? t('analytics.compare_no_campaign'),
    },
    { key: 'readiness', label: t('analytics.col_readiness'), share: (u) => u.readiness },
    ...axes.map((a) => {
      const children = indicatorsOf(units, a);
      return {
        key: `c:${a}`,
        label: a,
        share: (u: Unit) => u.categories.find((c) => c.name === a)?.readiness,
        ...(children.length ? { children } : {}),
      };
    }),
    { key: 'satisfaction', label: t('analytics.col_satisfaction'), share: (u) => u.satisfaction },
    {
      key: 'overdue',
      label: t('analytics.col_overdue_tasks'),
      text: (u) => String(u.overdueTasks),
      bad: (u) => u.overdueTasks > 0,
    },
  ];
  const isGap = (f: Figure, u: Unit) => {
    if (f.bad) return f.bad(u);
    if (!f.share) return false;
    const mine = f.share(u);
    const best = Math.max(...units.map((x) => f.share!(x) ?? 0));
    return mine !== null && mine !== undefined && best - mine > GAP;
  };
  const cell = (f: Figure, u: Unit) => (f.text ? f.text(u) : formatShare(f.share!(u)));
  // The export lists every indicator under its category, expanded or not.
  const rows: ExportRow[] = figures
    .flatMap((f) => [f, ...(f.children ?? [])])
    .map((f) => ({
      figure: f.label,
      ...Object.fromEntries(units.map((u) => [u.unitId, cell(f, u)])),
    }));
  const columns = [
    { key: 'figure', title: t('analytics.compare_table') },
    ...units.map((u) => ({ key: u.unitId, title: u.unitName })),
  ];
  return (
    <Card
      size="small"
      title={t('analytics.compare_table')}
      extra={
        <ExportMenu title={t('analytics.compare_table')} fileName="compare" columns={columns} rows={rows} />
      }
      styles={{ body: { padding: 12 } }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('analytics.compare_gap_hint')}
        {t('analytics.compare_expand_hint')}
      </Typography.Paragraph>
      <Table<Figure>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={figures}
        columns={[
          { key: 'figure', title: '', dataIndex: 'label', fixed: 'left', width: wide ? 220 : 140 },
          ...units.map((u) => ({
            key: u.unitId,
            title: u.unitName,
            align: 'right' as const,
            render: (_: unknown, f: Figure) => {
              const gap = isGap(f, u);
              return (
                <span
                  data-gap={gap || undefined}
                  style={gap ? { color: token.colorError, fontWeight: 600 } : undefined}
                >
                  {cell(f, u)}
                </span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
