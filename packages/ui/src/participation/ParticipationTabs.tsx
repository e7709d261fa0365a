import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageContainer } from '../layout/PageContainer';

const TABS = ['suggestions', 'writeups', 'selections'] as const;
export type ParticipationTab = (typeof TABS)[number];

/**
 * The three parts of staff participation under one menu entry: a switch on top (thumb-sized
 * on phones), the part below. `base` is where the routes live, e.g. `/participation`.
 */
export function ParticipationTabs({
  base,
  hint,
  extra,
  children,
}: {
  base: string;
  hint?: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const rest = pathname.slice(base.length).split('/')[1];
  const current: ParticipationTab = TABS.find((tab) => tab === rest) ?? 'suggestions';
  return (
    <PageContainer title={t('participation.title')} subTitle={hint} extra={extra}>
      <Segmented<ParticipationTab>
        block
        value={current}
        onChange={(tab) => navigate(tab === 'suggestions' ? base : `${base}/${tab}`)}
        options={TABS.map((tab) => ({ value: tab, label: t(`participation.tab_${tab}`) }))}
        style={{ maxWidth: 560 }}
      />
      {children}
    </PageContainer>
  );
}
