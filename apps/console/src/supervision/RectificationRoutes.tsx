import { loadSupervisionStrings, NotFoundPage } from '@wenming/ui';
import { Route, Routes } from 'react-router';
import OrderPage from './OrderPage';
import RectificationBoardPage from './RectificationBoardPage';

loadSupervisionStrings();

/** 整改督办: the board of orders with timeliness, and one order with its verification. */
export default function RectificationRoutes() {
  return (
    <Routes>
      <Route index element={<RectificationBoardPage />} />
      <Route path=":id" element={<OrderPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
