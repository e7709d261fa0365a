import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  OUTCOME_COLORS,
  STANDING_COLORS,
  type Standing,
  type TAssessmentSummary,
  type TDecision,
} from './model';

export function StandingTag({ standing }: { standing: Standing }) {
  const { t } = useTranslation();
  return (
    <Tag color={STANDING_COLORS[standing]} style={{ marginInlineEnd: 0 }}>
      {t(`assessment.standing_${standing}`)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: TDecision['outcome'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} style={{ marginInlineEnd: 0 }}>
      {t(`assessment.outcome_${outcome}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: TAssessmentSummary['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`assessment.kind_${kind}`)}
    </Tag>
  );
}

/** Passed, below the mark, vetoed, or no mark to compare against yet. */
export function PassTag({ result }: { result: NonNullable<TAssessmentSummary['result']> }) {
  const { t } = useTranslation();
  if (result.vetoed)
    return (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('assessment.vetoed')}
      </Tag>
    );
  if (result.passed === null) return <Tag style={{ marginInlineEnd: 0 }}>{t('assessment.noThreshold')}</Tag>;
  return (
    <Tag color={result.passed ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>
      {t(result.passed ? 'assessment.passed' : 'assessment.failed')}
    </Tag>
  );
}
