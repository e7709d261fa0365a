import {
  ApartmentOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  OrderedListOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { mountApp } from '@wenming/ui';
import { lazy } from 'react';

const MyUnitPage = lazy(() => import('./home/MyUnitPage'));
const CampaignPage = lazy(() => import('./campaign/CampaignPage'));
const LeadingGroupPage = lazy(() => import('./campaign/leading-group/LeadingGroupPage'));
const PlansPage = lazy(() => import('./campaign/plans/PlansPage'));
const TasksPage = lazy(() => import('./campaign/tasks/TasksPage'));
const LedgerRoutes = lazy(() => import('./ledger/LedgerRoutes'));
const SurveyRoutes = lazy(() => import('./surveys/SurveyRoutes'));

mountApp({
  app: 'portal',
  nav: [
    { key: 'home', path: '/', label: 'nav.myUnit', icon: <HomeOutlined /> },
    { key: 'campaign', path: '/campaign', label: 'nav.campaign', icon: <FlagOutlined /> },
    {
      key: 'leadingGroup',
      path: '/campaign/leading-group',
      label: 'nav.leadingGroup',
      icon: <ApartmentOutlined />,
    },
    { key: 'plans', path: '/campaign/plans', label: 'nav.plans', icon: <FileTextOutlined /> },
    { key: 'tasks', path: '/campaign/tasks', label: 'nav.tasks', icon: <OrderedListOutlined /> },
    {
      key: 'ledger',
      path: '/ledger',
      label: 'nav.ledger',
      icon: <FolderOpenOutlined />,
      prefixes: ['/ledger'],
    },
    {
      key: 'surveys',
      path: '/surveys',
      label: 'nav.surveys',
      icon: <SmileOutlined />,
      prefixes: ['/surveys'],
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
  ],
});
