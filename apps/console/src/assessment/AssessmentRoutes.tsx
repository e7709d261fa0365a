import { loadAssessmentStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import AssessmentListPage from './AssessmentListPage';
import CertificatePage from './CertificatePage';
import DecisionPage from './DecisionPage';
import WorkspacePage from './WorkspacePage';

// The assessment pages' strings come with this chunk, not with the console's first load.
loadAssessmentStrings();

/** 测评与命名: the campaigns in assessment, one campaign's workspace, its decision, certificates. */
export default function AssessmentRoutes() {
  return (
    <Routes>
      <Route index element={<AssessmentListPage />} />
      <Route path="certificate/:id" element={<CertificatePage />} />
      <Route path=":campaignId" element={<WorkspacePage />} />
      <Route path=":campaignId/decision" element={<DecisionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
