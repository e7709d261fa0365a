import { useQuery } from '@tanstack/react-query';
import {
  ErrorState,
  LoadingState,
  loadWorkStrings,
  Notice,
  PageContainer,
  StatusLevelTag,
  UnitProfile,
  useMe,
  useTRPC,
} from '@wenming/ui';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

/** Office staff have no unit of their own: the portal points them to the console instead. */
function NoUnit() {
  const { t } = useTranslation();
  return (
    <Notice
      kind="info"
      title={t('unit.noUnitTitle')}
      subTitle={t('unit.noUnitHint')}
      extra={
        <Button type="primary" href="/console/">
          {t('unit.goConsole')}
        </Button>
      }
    />
  );
}

function UnitHome({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const unit = useQuery(trpc.unit.get.queryOptions({ id: unitId }));
  if (unit.isPending) return <LoadingState />;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  return (
    <PageContainer
      title={unit.data.name}
      tags={<StatusLevelTag level={unit.data.level} />}
      subTitle={t('nav.myUnit')}
    >
      <UnitProfile unit={unit.data} />
    </PageContainer>
  );
}

export default function MyUnitPage() {
  const me = useMe();
  return me.scope.unitId ? <UnitHome unitId={me.scope.unitId} /> : <NoUnit />;
}
