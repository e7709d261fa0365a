import { loadLedgerStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import CampaignLedgerPage from './CampaignLedgerPage';
import ConsoleEvidencePage from './ConsoleEvidencePage';
import LedgerOverviewPage from './LedgerOverviewPage';

loadLedgerStrings();

/** 创建台账 for the office: every open campaign's readiness, then any one ledger, read only. */
export default function LedgerRoutes() {
  return (
    <Routes>
      <Route index element={<LedgerOverviewPage />} />
      <Route path="campaigns/:campaignId" element={<CampaignLedgerPage />} />
      <Route path="campaigns/:campaignId/items/:id" element={<ConsoleEvidencePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
