import { loadSupervisionStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import InspectionListPage from './InspectionListPage';
import InspectionPage from './InspectionPage';
import NewInspectionPage from './NewInspectionPage';
import OnSitePage from './OnSitePage';

// The supervision pages' strings come with this chunk, not with the console's first load.
loadSupervisionStrings();

/** 督查: the planner and calendar, one inspection, and the on-site checklist per unit. */
export default function InspectionRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionListPage />} />
      <Route path="new" element={<NewInspectionPage />} />
      <Route path=":id" element={<InspectionPage />} />
      <Route path=":id/units/:unitId" element={<OnSitePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
