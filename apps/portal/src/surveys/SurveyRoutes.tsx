import {
  loadSurveyStrings,
  loadWorkStrings,
  NotFoundPage,
  Notice,
  SurveyDetail,
  SurveyList,
  useAppAbility,
  useMe,
} from '@wenming/ui';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import NewSurveyPage from './NewSurveyPage';

loadWorkStrings();

// The survey pages' strings come with this chunk, not with the portal's first load.
loadSurveyStrings();

function DetailPage() {
  const { id = '' } = useParams();
  return <SurveyDetail id={id} listPath="/surveys" />;
}

/** 满意度测评: the unit's surveys, a new one, and each survey's results and links. */
export default function SurveyRoutes() {
  const { t } = useTranslation();
  const me = useMe();
  const ability = useAppAbility();
  const unitId = me.scope.unitId;
  if (!unitId) {
    return (
      <Notice
        kind="info"
        title={t('unit.noUnitTitle')}
        subTitle={t('unit.noUnitHint')}
        extra={
          <Button type="primary" href="/console/surveys">
            {t('unit.goConsole')}
          </Button>
        }
      />
    );
  }
  // Department heads and staff answer surveys like everyone else; they do not run them.
  if (!ability.can('read', 'Survey'))
    return <Notice kind="forbidden" title={t('survey.noAccessTitle')} subTitle={t('survey.noAccessUnit')} />;
  return (
    <Routes>
      <Route
        index
        element={
          <SurveyList
            unitId={unitId}
            canCreate={ability.can('create', 'Survey')}
            hint={t('survey.unitHint')}
          />
        }
      />
      <Route path="new" element={<NewSurveyPage unitId={unitId} />} />
      <Route path=":id" element={<DetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
