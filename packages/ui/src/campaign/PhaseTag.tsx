import { StopOutlined } from '@ant-design/icons';
import { CAMPAIGN_PHASES, type CampaignPhase } from '@wenming/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The phases a campaign goes through in order; withdrawal leaves this path. */
export const PHASE_PATH: readonly CampaignPhase[] = CAMPAIGN_PHASES.filter((p) => p !== 'withdrawn');

/** Cool colours while the unit works, purple and orange while the office has it, green when decided. */
const PHASE_COLORS: Record<CampaignPhase, string | undefined> = {
  draft: undefined,
  mobilization: 'cyan',
  implementation: 'blue',
  consolidation: 'geekblue',
  submitted: 'purple',
  under_assessment: 'orange',
  decided: 'green',
  withdrawn: undefined,
};

export function PhaseTag({ phase }: { phase: CampaignPhase }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={PHASE_COLORS[phase]}
      icon={phase === 'withdrawn' ? <StopOutlined /> : undefined}
      variant={phase === 'withdrawn' ? 'outlined' : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`phase.${phase}`)}
    </Tag>
  );
}
