import { TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { mountApp } from '@wenming/ui';
import { lazy } from 'react';

const UnitRegisterPage = lazy(() => import('./units/UnitRegisterPage'));
const UnitDetailPage = lazy(() => import('./units/UnitDetailPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));

mountApp({
  app: 'console',
  nav: [
    { key: 'units', path: '/', label: 'nav.units', icon: <UnorderedListOutlined />, prefixes: ['/units'] },
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
    { path: 'users', element: <UsersPage /> },
  ],
});
