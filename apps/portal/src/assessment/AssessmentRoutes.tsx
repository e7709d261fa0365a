import { loadAssessmentStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import AssessmentPage from './AssessmentPage';
import CertificatePage from './CertificatePage';
import MyAssessmentPage from './MyAssessmentPage';
import MyStatusPage from './MyStatusPage';

// The assessment pages' strings come with this chunk, not with the portal's first load.
loadAssessmentStrings();

/** The unit's self-assessment, its results once decided, and its certificates. */
export function AssessmentRoutes() {
  return (
    <Routes>
      <Route index element={<MyAssessmentPage />} />
      <Route path="certificate/:id" element={<CertificatePage />} />
      <Route path=":campaignId" element={<AssessmentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The unit's title, standing and history. */
export function StatusRoutes() {
  return (
    <Routes>
      <Route index element={<MyStatusPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
