import { Notice, PageContainer, SurveyBuilder, useAppAbility, useMe } from '@wenming/ui';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TargetFields } from '../offices/TargetFields';

/** An office surveys the units below it: one link and QR code per unit, results compared across them. */
export default function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const me = useMe();
  const home = me.roles.find((r) => r.role === 'office_admin')?.officeId;
  const crumbs = [{ title: t('survey.title'), path: '/surveys' }, { title: t('survey.newOffice') }];
  return (
    <PageContainer title={t('survey.newOffice')} breadcrumb={crumbs} backTo="/surveys">
      {ability.can('create', 'Survey') ? (
        <SurveyBuilder
          targetFields={
            <>
              <Typography.Paragraph type="secondary">{t('survey.officeTargetsHint')}</Typography.Paragraph>
              <TargetFields ns="survey" inspectors={false} officeHint={t('survey.officeFieldHint')} />
            </>
          }
          initialTargets={{ officeId: home, unitIds: [] }}
          targets={(values) => ({
            officeId: values.officeId as string,
            unitIds: (values.unitIds as string[] | undefined) ?? [],
          })}
          onCreated={(survey) => navigate(`/surveys/${survey.id}`, { replace: true })}
          onCancel={() => navigate('/surveys')}
        />
      ) : (
        <Notice kind="forbidden" title={t('survey.noCreateTitle')} subTitle={t('survey.noCreateHint')} />
      )}
    </PageContainer>
  );
}
