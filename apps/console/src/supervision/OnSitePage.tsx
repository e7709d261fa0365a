import { CheckCircleFilled, ExclamationCircleFilled, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  ErrorState,
  inspectionSubject,
  LoadingState,
  Notice,
  PageContainer,
  ResultList,
  unitProgress,
  useAppAbility,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Progress, Typography, theme } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ChecklistItemCard } from './ChecklistItemCard';
import { FindingList } from './FindingList';
import { FindingModal } from './FindingModal';
import type { SaveState } from './useItemAutosave';

/** How many items are not yet confirmed by the server, shown at the top while the inspector works. */
function SaveSummary({ states }: { states: Record<string, SaveState['kind']> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const values = Object.values(states);
  const failed = values.filter((s) => s === 'error').length;
  const waiting = values.filter((s) => s === 'pending' || s === 'saving').length;
  const local = values.filter((s) => s === 'needsResult').length;
  if (failed)
    return (
      <Typography.Text type="danger" role="alert">
        <ExclamationCircleFilled /> {t('supervision.summaryFailed', { count: failed })}
      </Typography.Text>
    );
  if (waiting)
    return (
      <Typography.Text type="secondary">{t('supervision.summarySaving', { count: waiting })}</Typography.Text>
    );
  if (local)
    return (
      <Typography.Text style={{ color: token.colorWarning }}>
        {t('supervision.summaryNeedsResult', { count: local })}
      </Typography.Text>
    );
  return (
    <Typography.Text type="success" data-save-summary="all-saved">
      <CheckCircleFilled /> {t('supervision.summaryAllSaved')}
    </Typography.Text>
  );
}

/** 现场检查: the checklist of one inspected unit on the inspector's phone, and the findings. */
export default function OnSitePage() {
  const { id = '', unitId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { token } = theme.useToken();
  const ability = useAppAbility();
  const phone = usePhone();
  const inspection = useQuery(trpc.inspection.get.queryOptions({ id }));
  const [states, setStates] = useState<Record<string, SaveState['kind']>>({});
  const [finding, setFinding] = useState<{ itemKey?: string } | null>(null);
  const onState = useCallback(
    (key: string, state: SaveState['kind']) =>
      setStates((s) => (s[key] === state ? s : { ...s, [key]: state })),
    [],
  );

  if (inspection.isPending) return <LoadingState />;
  if (inspection.isError)
    return <ErrorState error={inspection.error} onRetry={() => void inspection.refetch()} />;
  const data = inspection.data;
  const unit = data.units.find((u) => u.id === unitId);
  const crumbs = [
    { title: t('supervision.inspections'), path: '/inspections' },
    { title: data.title, path: `/inspections/${id}` },
    { title: unit?.name ?? '' },
  ];
  if (!unit)
    return (
      <PageContainer title={t('supervision.onSite')} breadcrumb={crumbs} backTo={`/inspections/${id}`}>
        <Notice kind="notFound" title={t('supervision.unitNotInspected')} />
      </PageContainer>
    );
  const readOnly = data.status === 'completed' || !ability.can('update', inspectionSubject(data.officeId));
  const progress = unitProgress(data, unitId);
  const findings = data.findings.filter((f) => f.unitId === unitId);
  return (
    <PageContainer
      title={unit.name}
      subTitle={phone ? undefined : data.title}
      breadcrumb={crumbs}
      backTo={`/inspections/${id}`}
    >
      {data.status === 'completed' && (
        <Alert type="info" showIcon title={t('supervision.completedReadOnly')} />
      )}
      <Card
        size="small"
        style={{ position: 'sticky', top: phone ? 56 : 64, zIndex: 5, boxShadow: token.boxShadowTertiary }}
        styles={{ body: { padding: phone ? 10 : 12 } }}
      >
        <Flex vertical gap={4}>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text strong>
              {t('supervision.checkedOf', { done: progress.done, total: progress.total })}
            </Typography.Text>
            {!readOnly && <SaveSummary states={states} />}
          </Flex>
          <Progress
            percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
            size="small"
            showInfo={false}
          />
        </Flex>
      </Card>
      {readOnly ? (
        <Card styles={{ body: { padding: phone ? 8 : 16 } }}>
          <ResultList inspection={data} unitId={unitId} />
        </Card>
      ) : (
        <Flex vertical gap={phone ? 8 : 12}>
          {data.checklist.map((item) => (
            <ChecklistItemCard
              key={item.key}
              inspectionId={id}
              unitId={unitId}
              item={item}
              saved={data.results.find((r) => r.unitId === unitId && r.itemKey === item.key)}
              onState={onState}
              onFinding={(itemKey) => setFinding({ itemKey })}
            />
          ))}
        </Flex>
      )}
      <Card
        title={t('supervision.findingsOfUnit', { count: findings.length })}
        extra={
          !readOnly && (
            <Button icon={<PlusOutlined />} onClick={() => setFinding({})}>
              {t('supervision.recordFinding')}
            </Button>
          )
        }
        styles={{ body: { padding: phone ? 8 : 16 } }}
      >
        <FindingList inspection={data} findings={findings} showUnit={false} />
      </Card>
      {finding && (
        <FindingModal
          inspection={data}
          unitId={unitId}
          itemKey={finding.itemKey}
          onClose={() => setFinding(null)}
        />
      )}
    </PageContainer>
  );
}
