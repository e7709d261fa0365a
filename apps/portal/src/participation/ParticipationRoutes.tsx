import { loadParticipationStrings, loadWorkStrings, NotFoundPage, Notice, useMe } from '@wenming/ui';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import SelectionPage from './SelectionPage';
import SelectionsPage from './SelectionsPage';
import SuggestionsPage from './SuggestionsPage';
import WriteupsPage from './WriteupsPage';

loadWorkStrings();

// The participation pages' strings come with this chunk, not with the portal's first load.
loadParticipationStrings();

/** 员工参与: the suggestion drive, write-ups and selections of the reader's unit. */
export default function ParticipationRoutes() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.scope.unitId) {
    return (
      <Notice
        kind="info"
        title={t('unit.noUnitTitle')}
        subTitle={t('unit.noUnitHint')}
        extra={
          <Button type="primary" href="/console/participation">
            {t('unit.goConsole')}
          </Button>
        }
      />
    );
  }
  return (
    <Routes>
      <Route index element={<SuggestionsPage />} />
      <Route path="writeups" element={<WriteupsPage />} />
      <Route path="selections" element={<SelectionsPage />} />
      <Route path="selections/:id" element={<SelectionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
