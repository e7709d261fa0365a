import { useQuery } from '@tanstack/react-query';
import {
  loadSurveyStrings,
  NotFoundPage,
  SurveyDetail,
  SurveyList,
  type TSurveySummary,
  useAppAbility,
  useTRPC,
} from '@wenming/ui';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import NewSurveyPage from './NewSurveyPage';

// The survey pages' strings come with this chunk, not with the console's first load.
loadSurveyStrings();

/** Who runs a survey: the office (over N units), or a unit for itself. */
function Owner({ survey }: { survey: TSurveySummary }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const unit = useQuery({
    ...trpc.unit.get.queryOptions({ id: survey.unitId ?? '' }),
    enabled: survey.unitId !== null,
    staleTime: 5 * 60_000,
  });
  if (survey.unitId === null) return <>{t('survey.ownerOffice', { count: survey.targets })}</>;
  return <>{unit.data ? t('survey.ownerUnit', { unit: unit.data.name }) : t('survey.ownerUnitUnknown')}</>;
}

function DetailPage() {
  const { id = '' } = useParams();
  return <SurveyDetail id={id} listPath="/surveys" />;
}

/** 满意度测评 for the office: its surveys and its units', new office surveys, results across units. */
export default function SurveyRoutes() {
  const { t } = useTranslation();
  const ability = useAppAbility();
  const canCreate = ability.can('create', 'Survey');
  return (
    <Routes>
      <Route
        index
        element={
          <SurveyList
            canCreate={canCreate}
            hint={t('survey.officeHint')}
            owner={(survey) => <Owner survey={survey} />}
            showTargets
          />
        }
      />
      <Route path="new" element={<NewSurveyPage />} />
      <Route path=":id" element={<DetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
