import { useQuery } from '@tanstack/react-query';
import {
  EmptyState,
  formatDateTime,
  rectificationSubject,
  SeverityTag,
  type TInspection,
  useAppAbility,
  useTRPC,
} from '@wenming/ui';
import { Button, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IssueOrderModal } from './IssueOrderModal';

type Finding = TInspection['findings'][number];

/**
 * Findings with their severity and checklist item; with `actions`, each becomes a rectification
 * order in one step, or links to the order already issued for it.
 */
export function FindingList({
  inspection,
  findings,
  showUnit,
  actions = false,
}: {
  inspection: TInspection;
  findings: Finding[];
  showUnit: boolean;
  actions?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const [issuing, setIssuing] = useState<Finding | null>(null);
  const orders = useQuery({ ...trpc.rectification.list.queryOptions({}), enabled: actions });
  const orderOf = new Map(
    (orders.data?.items ?? []).flatMap((o) => (o.findingId ? [[o.findingId, o.id] as const] : [])),
  );
  const unitName = (id: string) => inspection.units.find((u) => u.id === id)?.name ?? '';
  const itemLabel = (key: string | null) => inspection.checklist.find((i) => i.key === key)?.label;
  return (
    <>
      <List
        dataSource={findings}
        locale={{ emptyText: <EmptyState description={t('supervision.findingsEmpty')} /> }}
        renderItem={(f) => {
          const order = orderOf.get(f.id);
          const canIssue = ability.can('create', rectificationSubject(inspection.officeId, f.unitId));
          return (
            <List.Item
              data-finding={f.id}
              actions={
                actions
                  ? [
                      order ? (
                        <Link key="order" to={`/rectifications/${order}`}>
                          {t('supervision.viewOrder')}
                        </Link>
                      ) : canIssue ? (
                        <Button key="issue" size="small" type="primary" ghost onClick={() => setIssuing(f)}>
                          {t('supervision.issueOrder')}
                        </Button>
                      ) : null,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <SeverityTag severity={f.severity} />
                  {showUnit && <Typography.Text strong>{unitName(f.unitId)}</Typography.Text>}
                  {itemLabel(f.itemKey) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {itemLabel(f.itemKey)}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.description}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(f.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          );
        }}
      />
      {issuing && (
        <IssueOrderModal
          unitId={issuing.unitId}
          unitName={unitName(issuing.unitId)}
          finding={issuing}
          onClose={() => setIssuing(null)}
        />
      )}
    </>
  );
}
