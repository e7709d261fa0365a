import type { TFrameworkDetail } from '@wenming/domain';
import { formatDateTime, loadWorkStrings, localized, useLanguage } from '@wenming/ui';
import { Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReconstructedMark } from './ReconstructedMark';

loadWorkStrings();

const URL_PATTERN = /(https?:\/\/[^\s;；，,）)]+)/g;

/** Sources cite web pages; their addresses become links (opened elsewhere, the page stays). */
function Linkified({ text }: { text: string }) {
  return (
    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <a key={`${i}-${part}`} href={part} target="_blank" rel="noreferrer noopener">
            {part}
          </a>
        ) : (
          <Fragment key={`${i}-${part}`}>{part}</Fragment>
        ),
      )}
    </span>
  );
}

function Bullets({ items }: { items: string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** The framework file's own facts: where it comes from and how it is scored. */
export function FrameworkFacts({ detail }: { detail: TFrameworkDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const file = detail.file;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const points: ReactNode =
    file.basicPoints !== undefined && file.specialPoints !== undefined
      ? t('framework.pointsSplit', {
          total: file.totalPoints,
          basic: file.basicPoints,
          special: file.specialPoints,
        })
      : file.totalPoints;

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('framework.code'), children: `${detail.code} · v${detail.version}` },
    { key: 'level', label: t('framework.level'), children: t(`level.${detail.level}`) },
    { key: 'edition', label: t('framework.edition'), children: file.edition ?? none },
    {
      key: 'appliesTo',
      label: t('framework.appliesTo'),
      children: (
        <Flex gap={4} wrap>
          {file.appliesTo.map((a) => (
            <Tag key={a} style={{ marginInlineEnd: 0 }}>
              {a}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'points', label: t('framework.totalPoints'), children: points },
    {
      key: 'pass',
      label: t('framework.passThreshold'),
      children:
        file.passThreshold === null ? (
          <Typography.Text type="secondary">{t('framework.passThresholdUnset')}</Typography.Text>
        ) : (
          file.passThreshold
        ),
    },
    {
      key: 'scale',
      label: t('framework.scoringScale'),
      children: file.scoringScale ? localized(file.scoringScale, language) : none,
    },
    {
      key: 'methods',
      label: t('framework.scoringMethods'),
      children: file.scoringMethods?.length
        ? file.scoringMethods.map((m) => localized(m, language)).join(t('framework.listSeparator'))
        : none,
    },
    {
      key: 'termRules',
      label: t('framework.termRules'),
      children: file.termRules ? localized(file.termRules, language) : none,
    },
    {
      key: 'exemptions',
      label: t('framework.exemptions'),
      span: 'filled',
      children: file.exemptions?.length ? (
        <Bullets items={file.exemptions.map((e) => localized(e, language))} />
      ) : (
        none
      ),
    },
    {
      key: 'source',
      label: t('framework.source'),
      span: 'filled',
      children: <Linkified text={file.source} />,
    },
    {
      key: 'notes',
      label: t('framework.notes'),
      span: 'filled',
      children: file.notes ? <Linkified text={file.notes} /> : none,
    },
    { key: 'campaigns', label: t('framework.campaigns'), children: detail.campaigns },
    { key: 'importedAt', label: t('framework.importedAt'), children: formatDateTime(detail.importedAt) },
  ];
  return (
    <Descriptions
      items={items}
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  );
}

/** 一票否决: any of these confirmed disqualifies the unit whatever its score. */
export function VetoItems({ detail }: { detail: TFrameworkDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (detail.file.vetoItems.length === 0) {
    return <Typography.Text type="secondary">{t('framework.noVetoItems')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={8}>
      {detail.file.vetoItems.map((item) => (
        <Flex key={item.code} gap={8} align="baseline" wrap>
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {item.code}
          </Tag>
          <span style={{ flex: 1, minWidth: 200 }}>{localized(item, language)}</span>
          <ReconstructedMark part={item} />
        </Flex>
      ))}
    </Flex>
  );
}
