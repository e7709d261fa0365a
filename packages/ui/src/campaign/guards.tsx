import type { GuardFailure } from '@wenming/domain';
import { Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loadWorkStrings } from '../i18n/work';

loadWorkStrings();

/** Where the unit fixes what blocks a step; the console has no such pages, so it passes none. */
export type FixLinks = Partial<Record<GuardFailure, string>>;

/** "还需要：成立领导小组、制定创建规划", each a link to where it is done. */
export function BlockedReasons({
  blockedBy,
  fixLinks,
}: {
  blockedBy: readonly GuardFailure[];
  fixLinks?: FixLinks;
}) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary">
      {t('campaign.stillNeeded')}
      {blockedBy.map((code, i) => {
        const to = fixLinks?.[code];
        return (
          <Fragment key={code}>
            {i > 0 && t('campaign.listSeparator')}
            {to ? <Link to={to}>{t(`guard.${code}`)}</Link> : t(`guard.${code}`)}
          </Fragment>
        );
      })}
    </Typography.Text>
  );
}
