import {
  ApartmentOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  OrderedListOutlined,
} from '@ant-design/icons';
import { mountApp } from '@wenming/ui';
import { lazy } from 'react';

const MyUnitPage = lazy(() => import('./home/MyUnitPage'));
const CampaignPage = lazy(() => import('./campaign/CampaignPage'));
const LeadingGroupPage = lazy(() => import('./campaign/leading-group/LeadingGroupPage'));
const PlansPage = lazy(() => import('./campaign/plans/PlansPage'));
const TasksPage = lazy(() => import('./campaign/tasks/TasksPage'));

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
  ],
  routes: [
    { index: true, element: <MyUnitPage /> },
    { path: 'campaign', element: <CampaignPage /> },
    { path: 'campaign/leading-group', element: <LeadingGroupPage /> },
    { path: 'campaign/plans', element: <PlansPage /> },
    { path: 'campaign/tasks', element: <TasksPage /> },
  ],
});
