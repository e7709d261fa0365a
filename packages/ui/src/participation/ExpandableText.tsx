import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Long staff texts fold to a few lines so a list stays scannable, most of all on a phone. */
export function ExpandableText({ text, rows = 3 }: { text: string; rows?: number }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <Typography.Paragraph
      style={{ whiteSpace: 'pre-wrap', margin: 0 }}
      ellipsis={{
        rows,
        expandable: 'collapsible',
        expanded,
        onExpand: (_, info) => setExpanded(info.expanded),
        symbol: (open) => (open ? t('participation.readLess') : t('participation.readMore')),
      }}
    >
      {text}
    </Typography.Paragraph>
  );
}
