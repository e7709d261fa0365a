import { HomeOutlined } from '@ant-design/icons';
import { mountApp } from '@wenming/ui';
import { lazy } from 'react';

const MyUnitPage = lazy(() => import('./home/MyUnitPage'));

mountApp({
  app: 'portal',
  nav: [{ key: 'home', path: '/', label: 'nav.myUnit', icon: <HomeOutlined /> }],
  routes: [{ index: true, element: <MyUnitPage /> }],
});
