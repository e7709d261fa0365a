import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SmileOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazyPage, mountApp } from '@wenming/ui';
import { lazy } from 'react';
import { listInput, unitFiltersFrom } from './units/useUnitFilters';

const UnitRegisterPage = lazyPage(() => import('./units/UnitRegisterPage'));
const UnitDetailPage = lazy(() => import('./units/UnitDetailPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const FrameworkListPage = lazy(() => import('./frameworks/FrameworkListPage'));
const FrameworkDetailPage = lazy(() => import('./frameworks/FrameworkDetailPage'));
const PublicationPage = lazy(() => import('./frameworks/publication/PublicationPage'));
const CampaignListPage = lazy(() => import('./campaigns/CampaignListPage'));
const CampaignDetailPage = lazy(() => import('./campaigns/CampaignDetailPage'));
const LedgerRoutes = lazy(() => import('./ledger/LedgerRoutes'));
const SurveyRoutes = lazy(() => import('./surveys/SurveyRoutes'));
const AnalyticsRoutes = lazy(() => import('./analytics/AnalyticsRoutes'));
const ParticipationRoutes = lazy(() => import('./participation/ParticipationRoutes'));
const InspectionRoutes = lazy(() => import('./supervision/InspectionRoutes'));
const RectificationRoutes = lazy(() => import('./supervision/RectificationRoutes'));
const AssessmentRoutes = lazy(() => import('./assessment/AssessmentRoutes'));
const StatusRoutes = lazy(() => import('./status/StatusRoutes'));
const InboxPage = lazy(() => import('./supervision/InboxRoute'));
const BulletinRoutes = lazy(() =>
  import('./supervision/NoticeRoutes').then((m) => ({ default: m.BulletinRoutes })),
);
const NoticeRoutes = lazy(() =>
  import('./supervision/NoticeRoutes').then((m) => ({ default: m.NoticeRoutes })),
);
const ReportBoardPage = lazy(() =>
  import('./supervision/NoticeRoutes').then((m) => ({ default: m.ReportBoardPage })),
);

mountApp({
  app: 'console',
  loadLanding: UnitRegisterPage.preload,
  // The register's first page, as the page itself will ask for it.
  prefetchLanding: ({ queryClient, trpc }) =>
    void queryClient.prefetchQuery(
      trpc.unit.list.queryOptions(
        listInput(unitFiltersFrom(new URLSearchParams(window.location.search)), undefined),
      ),
    ),
  nav: [
    {
      key: 'units',
      group: 'navGroup.unitsAndTitles',
      path: '/',
      label: 'nav.units',
      icon: <UnorderedListOutlined />,
      prefixes: ['/units'],
    },
    {
      key: 'status',
      group: 'navGroup.unitsAndTitles',
      path: '/status',
      label: 'nav.statusRegister',
      icon: <SafetyCertificateOutlined />,
      prefixes: ['/status'],
      visible: (ability) => ability.can('read', 'StatusRecord'),
    },
    {
      key: 'campaigns',
      group: 'navGroup.campaignWork',
      path: '/campaigns',
      label: 'nav.campaigns',
      icon: <FlagOutlined />,
      prefixes: ['/campaigns/'],
    },
    {
      key: 'ledger',
      group: 'navGroup.campaignWork',
      path: '/ledger',
      label: 'nav.ledger',
      icon: <FolderOpenOutlined />,
      prefixes: ['/ledger'],
    },
    {
      key: 'participation',
      group: 'navGroup.campaignWork',
      path: '/participation',
      label: 'nav.participation',
      icon: <SolutionOutlined />,
      prefixes: ['/participation'],
    },
    {
      key: 'surveys',
      group: 'navGroup.campaignWork',
      path: '/surveys',
      label: 'nav.surveys',
      icon: <SmileOutlined />,
      prefixes: ['/surveys'],
    },
    {
      key: 'inspections',
      group: 'navGroup.supervision',
      path: '/inspections',
      label: 'nav.inspections',
      icon: <AuditOutlined />,
      prefixes: ['/inspections'],
      visible: (ability) => ability.can('read', 'Inspection'),
    },
    {
      key: 'rectifications',
      group: 'navGroup.supervision',
      path: '/rectifications',
      label: 'nav.rectifications',
      icon: <CarryOutOutlined />,
      prefixes: ['/rectifications'],
      visible: (ability) => ability.can('read', 'Rectification'),
    },
    {
      key: 'reports',
      group: 'navGroup.supervision',
      path: '/reports',
      label: 'nav.reports',
      icon: <FileDoneOutlined />,
      visible: (ability) => ability.can('read', 'Report'),
    },
    {
      key: 'bulletins',
      group: 'navGroup.supervision',
      path: '/bulletins',
      label: 'nav.bulletins',
      icon: <SoundOutlined />,
      prefixes: ['/bulletins'],
      visible: (ability) => ability.can('read', 'Bulletin'),
    },
    {
      key: 'frameworks',
      group: 'navGroup.assessment',
      path: '/frameworks',
      label: 'nav.frameworks',
      icon: <ProfileOutlined />,
      prefixes: ['/frameworks/'],
    },
    {
      key: 'publication',
      group: 'navGroup.assessment',
      path: '/frameworks/publication',
      label: 'nav.publication',
      icon: <ApartmentOutlined />,
      visible: (ability) => ability.can('read', 'FrameworkAssignment'),
    },
    {
      key: 'assessment',
      group: 'navGroup.assessment',
      path: '/assessment',
      label: 'nav.assessment',
      icon: <TrophyOutlined />,
      prefixes: ['/assessment'],
      visible: (ability) => ability.can('read', 'Assessment'),
    },
    {
      key: 'notices',
      group: 'navGroup.assessment',
      path: '/notices',
      label: 'nav.notices',
      icon: <NotificationOutlined />,
      prefixes: ['/notices'],
      visible: (ability) => ability.can('read', 'Notice'),
    },
    {
      key: 'analytics',
      group: 'navGroup.analysis',
      path: '/analytics',
      label: 'nav.analytics',
      icon: <BarChartOutlined />,
      prefixes: ['/analytics'],
      // Comparing units is office work; a unit's own figures are on its own pages.
      visible: (ability) => ability.can('read', 'Office'),
    },
    {
      key: 'users',
      group: 'navGroup.administration',
      path: '/users',
      label: 'nav.users',
      icon: <TeamOutlined />,
      prefixes: ['/users'],
      visible: (ability) => ability.can('create', 'User'),
    },
  ],
  routes: [
    { index: true, element: <UnitRegisterPage /> },
    { path: 'units/:id', element: <UnitDetailPage /> },
    { path: 'campaigns', element: <CampaignListPage /> },
    { path: 'campaigns/:id', element: <CampaignDetailPage /> },
    { path: 'frameworks', element: <FrameworkListPage /> },
    // Each capability routes its own sub-pages below its prefix.
    { path: 'ledger/*', element: <LedgerRoutes /> },
    { path: 'surveys/*', element: <SurveyRoutes /> },
    { path: 'analytics/*', element: <AnalyticsRoutes /> },
    { path: 'participation/*', element: <ParticipationRoutes /> },
    { path: 'inspections/*', element: <InspectionRoutes /> },
    { path: 'rectifications/*', element: <RectificationRoutes /> },
    { path: 'assessment/*', element: <AssessmentRoutes /> },
    { path: 'status/*', element: <StatusRoutes /> },
    { path: 'inbox', element: <InboxPage /> },
    { path: 'bulletins/*', element: <BulletinRoutes /> },
    { path: 'notices/*', element: <NoticeRoutes /> },
    { path: 'reports', element: <ReportBoardPage /> },
    { path: 'frameworks/publication', element: <PublicationPage /> },
    { path: 'frameworks/:id', element: <FrameworkDetailPage /> },
    { path: 'users', element: <UsersPage /> },
  ],
});
