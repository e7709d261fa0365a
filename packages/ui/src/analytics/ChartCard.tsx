import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { Card, Segmented, Table } from 'antd';
import type { EChartsOption } from 'echarts';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../layout/states';
import { EChart, type EChartHandle } from './EChart';
import { ExportMenu } from './ExportMenu';
import type { ExportColumn, ExportRow } from './export-file';

export interface ChartColumn extends ExportColumn {
  numeric?: boolean;
}

/**
 * A chart with its numbers: switch to the table view (for reading, for screen readers,
 * for copying), or export the numbers (XLSX, CSV) or the picture (PNG).
 */
export function ChartCard({
  title,
  option,
  columns,
  rows,
  fileName,
  height,
  empty,
  extra,
}: {
  title: string;
  /** Null when there is nothing to draw: the card says so instead. */
  option: EChartsOption | null;
  columns: ChartColumn[];
  rows: ExportRow[];
  fileName: string;
  height?: number;
  empty?: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const chart = useRef<EChartHandle>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');

  return (
    <Card
      title={title}
      size="small"
      styles={{ body: { padding: 12 } }}
      extra={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          {extra}
          <Segmented<'chart' | 'table'>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, label: t('analytics.view_chart') },
              { value: 'table', icon: <TableOutlined />, label: t('analytics.view_table') },
            ]}
            aria-label={t('analytics.view_switch', { title })}
          />
          <ExportMenu
            title={title}
            fileName={fileName}
            columns={columns}
            rows={rows}
            png={view === 'chart' && option ? () => chart.current?.toPng() : undefined}
          />
        </span>
      }
    >
      {!option ? (
        (empty ?? <EmptyState description={t('analytics.no_data')} />)
      ) : view === 'chart' ? (
        <EChart ref={chart} option={option} height={height} label={title} />
      ) : (
        <Table<ExportRow>
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={columns.map((c) => ({
            key: c.key,
            dataIndex: c.key,
            title: c.title,
            align: c.numeric ? ('right' as const) : undefined,
          }))}
        />
      )}
    </Card>
  );
}
