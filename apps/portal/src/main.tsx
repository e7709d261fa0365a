import {
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SmileOutlined,
  SoundOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazyPage, mountApp } from '@wenming/ui';
import { lazy } from 'react';

const MyUnitPage = lazyPage(() => import('./home/MyUnitPage'));
const CampaignPage = lazy(() => import('./campaign/CampaignPage'));
const LeadingGroupPage = lazy(() => import('./campaign/leading-group/LeadingGroupPage'));
const PlansPage = lazy(() => import('./campaign/plans/PlansPage'));
const TasksPage = lazy(() => import('./campaign/tasks/TasksPage'));
const LedgerRoutes = lazy(() => import('./ledger/LedgerRoutes'));
const SurveyRoutes = lazy(() => import('./surveys/SurveyRoutes'));
const ParticipationRoutes = lazy(() => import('./participation/ParticipationRoutes'));
const RectificationRoutes = lazy(() =>
  import('./supervision/SupervisionRoutes').then((m) => ({ default: m.RectificationRoutes })),
);
const InboxPage = lazy(() => import('./supervision/InboxRoute'));
const BulletinRoutes = lazy(() =>
  import('./supervision/SupervisionRoutes').then((m) => ({ default: m.BulletinRoutes })),
);
const ReportsPage = lazy(() =>
  import('./supervision/SupervisionRoutes').then((m) => ({ default: m.ReportsPage })),
);
const InspectionRoutes = lazy(() =>
  import('./supervision/SupervisionRoutes').then((m) => ({ default: m.InspectionRoutes })),
);
const AssessmentRoutes = lazy(() =>
  import('./assessment/AssessmentRoutes').then((m) => ({ default: m.AssessmentRoutes })),
);
const StatusRoutes = lazy(() =>
  import('./assessment/AssessmentRoutes').then((m) => ({ default: m.StatusRoutes })),
);

mountApp({
  app: 'portal',
  loadLanding: MyUnitPage.preload,
  nav: [
    { key: 'home', path: '/', label: 'nav.myUnit', icon: <HomeOutlined /> },
    {
      key: 'campaign',
      group: 'navGroup.organization',
      path: '/campaign',
      label: 'nav.campaign',
      icon: <FlagOutlined />,
    },
    {
      key: 'leadingGroup',
      group: 'navGroup.organization',
      path: '/campaign/leading-group',
      label: 'nav.leadingGroup',
      icon: <ApartmentOutlined />,
    },
    {
      key: 'plans',
      group: 'navGroup.organization',
      path: '/campaign/plans',
      label: 'nav.plans',
      icon: <FileTextOutlined />,
    },
    {
      key: 'tasks',
      group: 'navGroup.organization',
      path: '/campaign/tasks',
      label: 'nav.tasks',
      icon: <OrderedListOutlined />,
    },
    {
      key: 'ledger',
      group: 'navGroup.evidence',
      path: '/ledger',
      label: 'nav.ledger',
      icon: <FolderOpenOutlined />,
      prefixes: ['/ledger'],
    },
    {
      key: 'surveys',
      group: 'navGroup.evidence',
      path: '/surveys',
      label: 'nav.surveys',
      icon: <SmileOutlined />,
      prefixes: ['/surveys'],
    },
    {
      key: 'participation',
      group: 'navGroup.evidence',
      path: '/participation',
      label: 'nav.participation',
      icon: <TeamOutlined />,
      prefixes: ['/participation'],
    },
    {
      key: 'rectifications',
      group: 'navGroup.unitSupervision',
      path: '/rectifications',
      label: 'nav.myRectifications',
      icon: <CarryOutOutlined />,
      prefixes: ['/rectifications'],
    },
    {
      key: 'inspections',
      group: 'navGroup.unitSupervision',
      path: '/inspections',
      label: 'nav.unitInspections',
      icon: <AuditOutlined />,
      prefixes: ['/inspections'],
    },
    {
      key: 'bulletins',
      group: 'navGroup.unitSupervision',
      path: '/bulletins',
      label: 'nav.bulletins',
      icon: <SoundOutlined />,
      prefixes: ['/bulletins'],
    },
    {
      key: 'reports',
      group: 'navGroup.unitSupervision',
      path: '/reports',
      label: 'nav.reports',
      icon: <FileDoneOutlined />,
      prefixes: ['/reports'],
    },
    {
      key: 'selfAssessment',
      group: 'navGroup.unitAssessment',
      path: '/assessment',
      label: 'nav.selfAssessment',
      icon: <TrophyOutlined />,
      prefixes: ['/assessment'],
      // Department heads and staff keep evidence; the campaign office scores the unit.
      visible: (ability) => ability.can('advance', 'Assessment'),
    },
    {
      key: 'myStatus',
      group: 'navGroup.unitAssessment',
      path: '/status',
      label: 'nav.myStatus',
      icon: <SafetyCertificateOutlined />,
      prefixes: ['/status'],
    },
  ],
  routes: [
    { index: true, element: <MyUnitPage /> },
    { path: 'campaign', element: <CampaignPage /> },
    { path: 'campaign/leading-group', element: <LeadingGroupPage /> },
    { path: 'campaign/plans', element: <PlansPage /> },
    { path: 'campaign/tasks', element: <TasksPage /> },
    // Each capability routes its own sub-pages below its prefix.
    { path: 'ledger/*', element: <LedgerRoutes /> },
    { path: 'surveys/*', element: <SurveyRoutes /> },
    { path: 'participation/*', element: <ParticipationRoutes /> },
    { path: 'rectifications/*', element: <RectificationRoutes /> },
    { path: 'inspections/*', element: <InspectionRoutes /> },
    { path: 'assessment/*', element: <AssessmentRoutes /> },
    { path: 'status/*', element: <StatusRoutes /> },
    { path: 'inbox', element: <InboxPage /> },
    { path: 'bulletins/*', element: <BulletinRoutes /> },
    { path: 'reports', element: <ReportsPage /> },
  ],
});
