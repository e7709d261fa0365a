import type { CampaignPhase, TCampaign } from '@wenming/domain';
import { Steps, type StepsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadWorkStrings } from '../i18n/work';
import { usePhone } from '../layout/screens';
import { formatDate } from '../status/format';
import { PHASE_PATH } from './PhaseTag';

loadWorkStrings();

type Item = NonNullable<StepsProps['items']>[number];

/** When the campaign last entered each phase; a phase entered twice (returned) shows the latest. */
function enteredAt(transitions: TCampaign['transitions']): Map<CampaignPhase, string> {
  const at = new Map<CampaignPhase, string>();
  for (const t of [...transitions].sort((a, b) => a.at.localeCompare(b.at))) at.set(t.to, t.at);
  return at;
}

/**
 * 草稿 → 宣传发动 → 全面实施 → 总结整理 → 申报 → 测评 → 决定. A withdrawn campaign stops,
 * in red, at the phase it was withdrawn from, so the timeline still says how far it got.
 */
export function PhaseSteps({ campaign }: { campaign: Pick<TCampaign, 'phase' | 'transitions'> }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const at = enteredAt(campaign.transitions);
  const withdrawn = campaign.phase === 'withdrawn';
  const stoppedAt = withdrawn
    ? ([...campaign.transitions].sort((a, b) => b.at.localeCompare(a.at)).find((tr) => tr.to === 'withdrawn')
        ?.from ?? 'draft')
    : campaign.phase;
  const current = Math.max(PHASE_PATH.indexOf(stoppedAt), 0);
  const decided = campaign.phase === 'decided';

  const items: Item[] = PHASE_PATH.map((phase, index) => {
    const date = index <= current ? formatDate(at.get(phase)) : null;
    const stopped = withdrawn && index === current;
    return {
      key: phase,
      title: t(`phase.${phase}`),
      status: stopped
        ? 'error'
        : decided || index < current
          ? 'finish'
          : index === current
            ? 'process'
            : 'wait',
      // On phones the steps stand in a column: the date goes beside the title, not under it.
      ...(stopped
        ? { content: `${t('phase.withdrawn')} ${formatDate(at.get('withdrawn')) ?? ''}` }
        : phone
          ? { subTitle: date }
          : { content: date }),
    };
  });

  return (
    <Steps
      size="small"
      current={current}
      orientation={phone ? 'vertical' : 'horizontal'}
      titlePlacement={phone ? 'horizontal' : 'vertical'}
      items={items}
      aria-label={t('campaign.timeline')}
    />
  );
}
