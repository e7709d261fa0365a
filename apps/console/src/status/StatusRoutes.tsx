import { loadAssessmentStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import StatusRegisterPage from './StatusRegisterPage';
import UnitStatusPage from './UnitStatusPage';

// The register shares the assessment pages' strings; they come with this chunk.
loadAssessmentStrings();

/** 文明单位名录: titles, terms and standings, and one unit's history with its steps. */
export default function StatusRoutes() {
  return (
    <Routes>
      <Route index element={<StatusRegisterPage />} />
      <Route path=":unitId" element={<UnitStatusPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
