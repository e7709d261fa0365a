import { Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TInspection } from './model';
import { ResultTag } from './tags';

/** One unit's checklist as recorded: result, notes, points and photo count per item. */
export function ResultList({ inspection, unitId }: { inspection: TInspection; unitId: string }) {
  const { t } = useTranslation();
  const results = new Map(inspection.results.filter((r) => r.unitId === unitId).map((r) => [r.itemKey, r]));
  return (
    <List
      size="small"
      dataSource={inspection.checklist}
      renderItem={(item) => {
        const r = results.get(item.key);
        return (
          <List.Item data-item={item.key}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} align="start">
                <Typography.Text>{item.label}</Typography.Text>
                {r ? (
                  <ResultTag result={r.result} />
                ) : (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {t('supervision.notChecked')}
                  </Typography.Text>
                )}
              </Flex>
              {r?.notes && (
                <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.notes}
                </Typography.Text>
              )}
              {r && (r.points !== null || r.photos.length > 0) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    r.points !== null ? t('supervision.pointsValue', { points: r.points }) : null,
                    r.photos.length ? t('supervision.photoCount', { count: r.photos.length }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
