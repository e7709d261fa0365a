import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerCategory, LedgerIndicator } from './useLedger';

/** Something to file for an indicator, optionally as one of its required materials. */
export interface FilePrefill {
  indicatorId?: string;
  material?: string;
}

/** Indicators with something missing: each unmet required material, or nothing filed at all. */
export function gapsOf(categories: LedgerCategory[]) {
  return categories.flatMap((c) =>
    c.indicators.flatMap((indicator) => {
      const missing = indicator.materials.filter((m) => !m.met).map((m) => m.name);
      const nothing = indicator.materials.length === 0 && indicator.evidenceCount === 0;
      return missing.length || nothing ? [{ indicator, missing }] : [];
    }),
  );
}

export function gapCount(categories: LedgerCategory[]): number {
  return gapsOf(categories).reduce((n, g) => n + Math.max(1, g.missing.length), 0);
}

/** 还缺什么: what inspection would find missing, each with a way to file it now. */
export function GapList({
  categories,
  onSelect,
  onFile,
}: {
  categories: LedgerCategory[];
  onSelect: (indicator: LedgerIndicator) => void;
  onFile?: (prefill: FilePrefill) => void;
}) {
  const { t } = useTranslation();
  const gaps = gapsOf(categories);
  if (gaps.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger.gaps_none')} />;
  }
  return (
    <List
      size="small"
      dataSource={gaps}
      rowKey={(g) => g.indicator.id}
      renderItem={({ indicator, missing }) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex vertical gap={6} style={{ width: '100%' }}>
            <Flex justify="space-between" align="baseline" gap={8} wrap>
              <Typography.Link onClick={() => onSelect(indicator)}>
                {indicator.code} {indicator.name}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('ledger.points_n', { n: indicator.points })}
              </Typography.Text>
            </Flex>
            {(missing.length ? missing : [null]).map((material) => (
              <Flex key={material ?? ''} justify="space-between" align="center" gap={8}>
                <Flex gap={6} align="center" style={{ minWidth: 0 }}>
                  <Tag color="error" style={{ marginInlineEnd: 0 }}>
                    {t('ledger.missing')}
                  </Tag>
                  <Typography.Text>{material ?? t('ledger.nothing_filed')}</Typography.Text>
                </Flex>
                {onFile && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    aria-label={t('ledger.file_for', { what: material ?? indicator.code })}
                    onClick={() => onFile({ indicatorId: indicator.id, material: material ?? undefined })}
                  >
                    {t('ledger.file_short')}
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        </List.Item>
      )}
    />
  );
}
