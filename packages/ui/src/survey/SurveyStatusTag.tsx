import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../i18n/dayjs';
import type { TSurveySummary } from './model';

/**
 * What respondents meet at the link today: an open survey outside its dates refuses answers
 * just like a closed one, so it is called out rather than shown as collecting.
 */
export type SurveyPhase = 'draft' | 'scheduled' | 'open' | 'expired' | 'closed';

export function surveyPhase(survey: Pick<TSurveySummary, 'status' | 'opensOn' | 'closesOn'>): SurveyPhase {
  if (survey.status !== 'open') return survey.status;
  const today = dayjs().format('YYYY-MM-DD');
  if (today < survey.opensOn) return 'scheduled';
  if (today > survey.closesOn) return 'expired';
  return 'open';
}

const COLORS: Record<SurveyPhase, string | undefined> = {
  draft: undefined,
  scheduled: 'blue',
  open: 'green',
  expired: 'orange',
  closed: 'default',
};

export function SurveyStatusTag({
  survey,
}: {
  survey: Pick<TSurveySummary, 'status' | 'opensOn' | 'closesOn'>;
}) {
  const { t } = useTranslation();
  const phase = surveyPhase(survey);
  return (
    <Tag
      color={COLORS[phase]}
      variant={phase === 'closed' ? 'outlined' : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`survey.phase_${phase}`)}
    </Tag>
  );
}
