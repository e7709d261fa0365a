import { useQuery } from '@tanstack/react-query';
import { formatDate, loadAssessmentStrings, STATUS_ACTION_COLORS, useTRPC } from '@wenming/ui';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

loadAssessmentStrings();

/** On an inspection: the re-examinations (复查) the register records as carried out by it. */
export default function ReexaminationsCard({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const linked = useQuery(trpc.status.reexaminations.queryOptions({ inspectionId }));
  const items = linked.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      title={t('assessment.reexaminationsTitle', { count: items.length })}
      styles={{ body: { paddingBlock: 4 } }}
    >
      <List
        dataSource={items}
        renderItem={(r) => (
          <List.Item data-reexamined={r.unitName}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Link to={`/status/${r.unitId}`}>{r.unitName}</Link>
                <Tag color={STATUS_ACTION_COLORS[r.action]} style={{ marginInlineEnd: 0 }}>
                  {t(`statusAction.${r.action}`)}
                </Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[r.decisionNo, r.decidedOn && formatDate(r.decidedOn)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
