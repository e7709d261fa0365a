import { loadWorkStrings } from '@wenming/ui';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseProblem } from './readFrameworkFile';

loadWorkStrings();

const RULES = [
  'shape',
  'unknown-key',
  'unique-code',
  'category-sum',
  'total-sum',
  'basic-special-sum',
  'pass-threshold',
];
const ROW = /^(.+) row (\d+)(?: column (\w+))?$/;

/** "Sheet 指标 row 3 column B" reads as "「指标」表第 3 行 B 列" on Chinese screens. */
function useWhere() {
  const { t } = useTranslation();
  return (where: string) => {
    const row = ROW.exec(where);
    if (!row) return where;
    const [, sheet, n, column] = row;
    return column
      ? t('framework.whereRowColumn', { sheet, row: n, column })
      : t('framework.whereRow', { sheet, row: n });
  };
}

/** Every problem the server found, in place, so the file can be fixed in one pass. */
export function ImportProblems({ fileName, problems }: { fileName: string; problems: string[] }) {
  const { t } = useTranslation();
  const where = useWhere();
  return (
    <Alert
      type="error"
      showIcon
      title={t('framework.invalidTitle', { n: problems.length })}
      description={
        <List
          size="small"
          aria-label={t('framework.problems')}
          dataSource={problems.map((line) => parseProblem(line, fileName))}
          style={{ maxHeight: 320, overflow: 'auto', marginTop: 8 }}
          renderItem={(p, i) => (
            <List.Item key={i} style={{ paddingInline: 0 }}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  {p.where && (
                    <Typography.Text code style={{ overflowWrap: 'anywhere' }}>
                      {where(p.where)}
                    </Typography.Text>
                  )}
                  {p.rule && (
                    <Tag style={{ marginInlineEnd: 0 }}>
                      {RULES.includes(p.rule) ? t(`framework.rule_${p.rule.replaceAll('-', '_')}`) : p.rule}
                    </Tag>
                  )}
                </Flex>
                <Typography.Text>{p.message}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      }
    />
  );
}
