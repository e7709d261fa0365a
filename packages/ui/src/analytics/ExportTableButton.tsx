import { DownloadOutlined } from '@ant-design/icons';
import { Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/errors';
import { useToast } from '../app/feedback';
import { downloadXlsx, type ExportColumn, type ExportRow } from './export-file';
import { loadAnalyticsStrings } from './strings';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Exports a whole list (every page, not only the one on screen) as a workbook, with a
 * progress bar while the pages arrive. The rows pass the same permission filters as the list.
 */
export function ExportTableButton<T>({
  fileName,
  sheetName,
  columns,
  fetchPage,
  toRow,
}: {
  fileName: string;
  sheetName: string;
  columns: ExportColumn[];
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  toRow: (item: T) => ExportRow;
}) {
  loadAnalyticsStrings();
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [progress, setProgress] = useState<{ read: number; more: boolean } | null>(null);

  const run = async () => {
    const rows: ExportRow[] = [];
    setProgress({ read: 0, more: true });
    try {
      let cursor: string | undefined;
      do {
        const page = await fetchPage(cursor);
        rows.push(...page.items.map(toRow));
        cursor = page.nextCursor ?? undefined;
        setProgress({ read: rows.length, more: !!cursor });
      } while (cursor);
      await downloadXlsx(fileName, [{ name: sheetName, columns, rows }]);
      toast.success(t('analytics.export_done', { n: rows.length }));
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setProgress(null);
    }
  };

  // Pages come 200 at a time: until the last one, the bar creeps towards 90 %.
  const percent = progress ? (progress.more ? Math.min(90, 10 + progress.read / 50) : 100) : 0;
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => void run()} loading={!!progress}>
        {t('analytics.export_table')}
      </Button>
      <Modal open={!!progress} footer={null} closable={false} title={t('analytics.export_table')} width={360}>
        <Progress percent={Math.round(percent)} status="active" />
        <Typography.Text type="secondary">
          {t('analytics.export_reading', { n: progress?.read ?? 0 })}
        </Typography.Text>
      </Modal>
    </>
  );
}
