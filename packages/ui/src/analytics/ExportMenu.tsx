import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../app/feedback';
import { downloadCsv, downloadDataUrl, downloadXlsx, type ExportColumn, type ExportRow } from './export-file';

/** XLSX or CSV of a table shown on the page, and the picture when there is a chart. */
export function ExportMenu({
  title,
  fileName,
  columns,
  rows,
  png,
}: {
  title: string;
  fileName: string;
  columns: ExportColumn[];
  rows: ExportRow[];
  /** The chart as a PNG data URL; absent (or answering nothing) when no chart is shown. */
  png?: () => string | undefined;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async (format: string) => {
    setBusy(true);
    try {
      if (format === 'xlsx') await downloadXlsx(fileName, [{ name: title, columns, rows }]);
      else if (format === 'csv') downloadCsv(fileName, columns, rows);
      else {
        const image = png?.();
        if (image) downloadDataUrl(`${fileName}.png`, image);
      }
    } catch {
      toast.error(t('analytics.export_failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('analytics.export_xlsx') },
          { key: 'csv', label: t('analytics.export_csv') },
          ...(png ? [{ key: 'png', label: t('analytics.export_png') }] : []),
        ],
        onClick: ({ key }) => void run(key),
      }}
    >
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={busy}
        aria-label={t('analytics.export_of', { title })}
      />
    </Dropdown>
  );
}
