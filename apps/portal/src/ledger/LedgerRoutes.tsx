import { loadLedgerStrings, NotFoundPage } from '@wenming/ui';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import LedgerPage from './LedgerPage';

const EvidencePage = lazy(() => import('./EvidencePage'));
const DutiesPage = lazy(() => import('./DutiesPage'));
const CarryForwardPage = lazy(() => import('./CarryForwardPage'));

loadLedgerStrings();

/** 创建台账: the ledger, an item, recurring duties, and carrying standing materials into a new term. */
export default function LedgerRoutes() {
  return (
    <Routes>
      <Route index element={<LedgerPage />} />
      <Route path="items/:id" element={<EvidencePage />} />
      <Route path="duties" element={<DutiesPage />} />
      <Route path="carry-forward" element={<CarryForwardPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
