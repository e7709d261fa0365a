import { IMPORT_COLUMNS, type ImportKind, type TImportPreview, type TImportRow } from '@wenming/domain';
import { useLanguage } from '@wenming/ui';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Every row of the file as read, its problems beside it in words a person can act on. */
export function PreviewTable({ kind, preview }: { kind: ImportKind; preview: TImportPreview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const known = IMPORT_COLUMNS[kind].filter((c) => preview.columns.includes(c.key));
  const name = (key: string | null) => {
    const c = IMPORT_COLUMNS[kind].find((x) => x.key === key);
    return c ? (language === 'en' ? c.en : c.zh) : '';
  };
  return (
    <Table<TImportRow>
      size="small"
      rowKey="row"
      dataSource={preview.rows}
      pagination={preview.rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.problems.length ? 'import-row-invalid' : '')}
      columns={[
        { key: 'row', dataIndex: 'row', title: t('analytics.import_row'), width: 60, fixed: 'left' },
        {
          key: 'problems',
          title: t('analytics.import_problems'),
          width: 260,
          render: (_: unknown, r) =>
            r.problems.length ? (
              <Typography.Text type="danger">
                {r.problems
                  .map((p) =>
                    t(`analytics.import_err_${p.code}`, { col: name(p.column) || t('analytics.import_row') }),
                  )
                  .join('；')}
              </Typography.Text>
            ) : (
              <Typography.Text type="success">{t('analytics.import_ok')}</Typography.Text>
            ),
        },
        ...known.map((c) => ({
          key: c.key,
          title: language === 'en' ? c.en : c.zh,
          render: (_: unknown, r: TImportRow) => r.values[c.key] ?? '',
        })),
      ]}
    />
  );
}
