import { IMPORT_COLUMNS, type ImportKind } from '@wenming/domain';
import { downloadXlsx } from '@wenming/ui';

/** The import template: the column names (required ones starred) and one example row. */
export function downloadTemplate(kind: ImportKind, language: 'zh-CN' | 'en', sheet: string) {
  const columns = IMPORT_COLUMNS[kind].map((c) => ({
    key: c.key,
    title: `${language === 'en' ? c.en : c.zh}${c.required ? '*' : ''}`,
  }));
  const example = Object.fromEntries(IMPORT_COLUMNS[kind].map((c) => [c.key, c.example]));
  return downloadXlsx(`${kind}-template`, [{ name: sheet, columns, rows: [example] }]);
}
