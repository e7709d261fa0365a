import { useQuery } from '@tanstack/react-query';
import {
  type IndicatorChoice,
  localized,
  Notice,
  PageContainer,
  SurveyBuilder,
  useAppAbility,
  useLanguage,
  useTRPC,
} from '@wenming/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** 问卷调查: indicators assessed (also) by questionnaire are the ones a survey speaks to. */
const QUESTIONNAIRE = /问卷|满意度/;

/** The indicators of the framework the unit's open campaign uses, for linking the survey to them. */
function useIndicatorChoices(unitId: string): IndicatorChoice[] | undefined {
  const trpc = useTRPC();
  const language = useLanguage();
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ unitId, open: true, limit: 1 }));
  const frameworkId = campaigns.data?.items[0]?.framework.id;
  const framework = useQuery({
    ...trpc.framework.get.queryOptions({ id: frameworkId ?? '' }),
    enabled: Boolean(frameworkId),
  });
  if (!framework.data) return undefined;
  return framework.data.file.categories.flatMap((category) =>
    category.indicators.map((indicator) => ({
      value: indicator.code,
      label: `${indicator.code} ${localized(indicator.name, language)}`,
      survey: QUESTIONNAIRE.test(indicator.method.zh),
    })),
  );
}

/** A unit's campaign office surveys its own unit: one link, one QR code. */
export default function NewSurveyPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const indicators = useIndicatorChoices(unitId);
  const crumbs = [{ title: t('survey.title'), path: '/surveys' }, { title: t('survey.new') }];
  return (
    <PageContainer title={t('survey.new')} breadcrumb={crumbs} backTo="/surveys">
      {ability.can('create', 'Survey') ? (
        <SurveyBuilder
          targets={() => ({ unitIds: [unitId] })}
          indicatorChoices={indicators}
          onCreated={(survey) => navigate(`/surveys/${survey.id}`, { replace: true })}
          onCancel={() => navigate('/surveys')}
        />
      ) : (
        <Notice kind="forbidden" title={t('survey.noCreateTitle')} subTitle={t('survey.noCreateHint')} />
      )}
    </PageContainer>
  );
}
