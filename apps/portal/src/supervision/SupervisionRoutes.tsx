import { loadSupervisionStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import { BulletinListPage, BulletinPage } from './BulletinPages';
import InspectionPage from './InspectionPage';
import InspectionsPage from './InspectionsPage';
import OrderListPage from './OrderListPage';
import OrderPage from './OrderPage';
import ReportsPage from './ReportsPage';

// The supervision pages' strings come with this chunk, not with the portal's first load.
loadSupervisionStrings();

/** Rectification orders to answer. */
export function RectificationRoutes() {
  return (
    <Routes>
      <Route index element={<OrderListPage />} />
      <Route path=":id" element={<OrderPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Inspections of the unit and their results. */
export function InspectionRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionsPage />} />
      <Route path=":id" element={<InspectionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Bulletins addressed to the unit, to read and acknowledge. */
export function BulletinRoutes() {
  return (
    <Routes>
      <Route index element={<BulletinListPage />} />
      <Route path=":id" element={<BulletinPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export { ReportsPage };
