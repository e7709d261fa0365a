import {
  ApartmentOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  ProfileOutlined,
  SmileOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { mountApp } from '@wenming/ui';
import { lazy } from 'react';

const UnitRegisterPage = lazy(() => import('./units/UnitRegisterPage'));
const UnitDetailPage = lazy(() => import('./units/UnitDetailPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const FrameworkListPage = lazy(() => import('./frameworks/FrameworkListPage'));
const FrameworkDetailPage = lazy(() => import('./frameworks/FrameworkDetailPage'));
const PublicationPage = lazy(() => import('./frameworks/publication/PublicationPage'));
const CampaignListPage = lazy(() => import('./campaigns/CampaignListPage'));
const CampaignDetailPage = lazy(() => import('./campaigns/CampaignDetailPage'));
const LedgerRoutes = lazy(() => import('./ledger/LedgerRoutes'));
const SurveyRoutes = lazy(() => import('./surveys/SurveyRoutes'));

mountApp({
  app: 'console',
  nav: [
    { key: 'units', path: '/', label: 'nav.units', icon: <UnorderedListOutlined />, prefixes: ['/units'] },
    {
      key: 'campaigns',
      path: '/campaigns',
      label: 'nav.campaigns',
      icon: <FlagOutlined />,
      prefixes: ['/campaigns/'],
    },
    {
      key: 'frameworks',
      path: '/frameworks',
      label: 'nav.frameworks',
      icon: <ProfileOutlined />,
      prefixes: ['/frameworks/'],
    },
    {
      key: 'publication',
      path: '/frameworks/publication',
      label: 'nav.publication',
      icon: <ApartmentOutlined />,
      visible: (ability) => ability.can('read', 'FrameworkAssignment'),
    },
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
    {
      key: 'users',
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
    { path: 'frameworks/publication', element: <PublicationPage /> },
    { path: 'frameworks/:id', element: <FrameworkDetailPage /> },
    { path: 'users', element: <UsersPage /> },
  ],
});
