import { DownloadOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  apiErrorInfo,
  ErrorState,
  LoadingState,
  loadWorkStrings,
  localized,
  PageContainer,
  useLanguage,
  usePhone,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FrameworkCategories } from './FrameworkCategories';
import { FrameworkFacts, VetoItems } from './FrameworkFacts';

loadWorkStrings();

export default function FrameworkDetailPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const language = useLanguage();
  const phone = usePhone();
  const { id = '' } = useParams();
  const framework = useQuery(trpc.framework.get.queryOptions({ id }));
  const crumbs = [{ title: t('framework.list'), path: '/frameworks' }];

  if (framework.isPending) return <LoadingState />;
  if (framework.isError) {
    const missing = ['NOT_FOUND', 'BAD_REQUEST'].includes(apiErrorInfo(framework.error).appCode);
    return (
      <PageContainer title={t('framework.list')} breadcrumb={crumbs} backTo="/frameworks">
        <ErrorState
          error={framework.error}
          title={missing ? t('framework.notFound') : undefined}
          onRetry={missing ? undefined : () => void framework.refetch()}
          extra={<Button onClick={() => navigate('/frameworks')}>{t('framework.backToList')}</Button>}
        />
      </PageContainer>
    );
  }

  const detail = framework.data;
  const name = localized(detail.name, language);
  const size = phone ? ('small' as const) : undefined;
  return (
    <PageContainer
      title={name}
      tags={<Tag style={{ marginInlineEnd: 0 }}>{`${detail.code} · v${detail.version}`}</Tag>}
      breadcrumb={[...crumbs, { title: name }]}
      backTo="/frameworks"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/api/download/framework.json?id=${detail.id}`}>
            {t('framework.downloadJson')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/download/framework.xlsx?id=${detail.id}`}>
            {t('framework.downloadXlsx')}
          </Button>
        </>
      }
    >
      {detail.reconstructedParts > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<ExperimentOutlined />}
          title={t('framework.reconstructedNotice', { n: detail.reconstructedParts })}
          description={t('framework.reconstructedNoticeHint')}
        />
      )}
      <Card title={t('framework.facts')} size={size}>
        <FrameworkFacts detail={detail} />
      </Card>
      <Card title={t('framework.vetoItems', { n: detail.file.vetoItems.length })} size={size}>
        <VetoItems detail={detail} />
      </Card>
      <Card
        title={t('framework.categories', {
          categories: detail.stats.categories,
          indicators: detail.stats.indicators,
        })}
        size={size}
        styles={{ body: { padding: phone ? 8 : 16 } }}
      >
        <FrameworkCategories detail={detail} />
      </Card>
    </PageContainer>
  );
}
