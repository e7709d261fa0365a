import { loadSupervisionStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import BulletinListPage from './BulletinListPage';
import BulletinPage from './BulletinPage';
import NewBulletinPage from './NewBulletinPage';
import NewNoticePage from './NewNoticePage';
import NoticeListPage from './NoticeListPage';
import NoticePage from './NoticePage';
import ReportBoardPage from './ReportBoardPage';

loadSupervisionStrings();

/** 通报: publish, read receipts. */
export function BulletinRoutes() {
  return (
    <Routes>
      <Route index element={<BulletinListPage />} />
      <Route path="new" element={<NewBulletinPage />} />
      <Route path=":id" element={<BulletinPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** 公示: publish with a window, handle objections. */
export function NoticeRoutes() {
  return (
    <Routes>
      <Route index element={<NoticeListPage />} />
      <Route path="new" element={<NewNoticePage />} />
      <Route path=":id" element={<NoticePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export { ReportBoardPage };
