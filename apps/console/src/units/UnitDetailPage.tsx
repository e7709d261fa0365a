import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  apiErrorInfo,
  Can,
  ErrorState,
  LoadingState,
  loadWorkStrings,
  PageContainer,
  StatusLevelTag,
  UnitProfile,
  unitSubject,
  useAppAbility,
  useTRPC,
} from '@wenming/ui';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

loadWorkStrings();

const EditUnitModal = lazy(() => import('./EditUnitModal'));

export default function UnitDetailPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const unit = useQuery(trpc.unit.get.queryOptions({ id }));
  const crumbs = [{ title: t('unit.register'), path: '/' }];

  if (unit.isPending) return <LoadingState />;
  if (unit.isError) {
    // A malformed id in the address is as missing as an unknown one.
    const missing = ['NOT_FOUND', 'BAD_REQUEST'].includes(apiErrorInfo(unit.error).appCode);
    return (
      <PageContainer title={t('unit.register')} breadcrumb={crumbs} backTo="/">
        <ErrorState
          error={unit.error}
          title={missing ? t('unit.notFound') : undefined}
          subTitle={missing ? t('unit.notFoundHint') : undefined}
          onRetry={missing ? undefined : () => void unit.refetch()}
          extra={<Button onClick={() => navigate('/')}>{t('unit.backToRegister')}</Button>}
        />
      </PageContainer>
    );
  }

  const data = unit.data;
  const canEdit = ability.can('update', unitSubject(data));
  return (
    <PageContainer
      title={data.name}
      tags={<StatusLevelTag level={data.level} />}
      subTitle={data.code}
      breadcrumb={[...crumbs, { title: data.name }]}
      backTo="/"
      extra={
        <Can I="update" this={unitSubject(data)}>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        </Can>
      }
    >
      <UnitProfile
        unit={data}
        departmentsEmptyHint={canEdit ? t('unit.departmentsEmptyEditable') : undefined}
      />
      {editing && (
        <Suspense fallback={null}>
          <EditUnitModal
            unit={data}
            onClose={() => setEditing(false)}
            reload={async () => (await unit.refetch()).data}
          />
        </Suspense>
      )}
    </PageContainer>
  );
}
