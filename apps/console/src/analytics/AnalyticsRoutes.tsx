import { loadAnalyticsStrings, NotFoundPage, PageContainer } from '@wenming/ui';
import { Card, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import ComparePage from './ComparePage';
import OverviewPage from './OverviewPage';
import RankingPage from './RankingPage';
import TrendPage from './TrendPage';

loadAnalyticsStrings();

const TABS = ['overview', 'compare', 'ranking', 'trend'] as const;

/** 统计分析: one page with four views sharing the filters, which stay in the address. */
export default function AnalyticsRoutes() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const tab = TABS.find((k) => location.pathname.endsWith(`/analytics/${k}`)) ?? 'overview';
  return (
    <PageContainer title={t('analytics.title')} subTitle={t('analytics.subtitle')}>
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Flex vertical gap={12}>
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              navigate({
                pathname: key === 'overview' ? '/analytics' : `/analytics/${key}`,
                search: location.search,
              })
            }
            items={TABS.map((key) => ({ key, label: t(`analytics.tab_${key}`) }))}
          />
          <AnalyticsFilterBar />
        </Flex>
      </Card>
      <Routes>
        <Route index element={<OverviewPage />} />
        <Route path="overview" element={<OverviewPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path="ranking" element={<RankingPage />} />
        <Route path="trend" element={<TrendPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </PageContainer>
  );
}
