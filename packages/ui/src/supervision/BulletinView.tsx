import type { TBulletin } from '@wenming/domain';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../layout/screens';
import { formatDateTime } from '../status/format';

/** A bulletin as published: who, when, about which inspection and findings, and its text. */
export function BulletinView({ bulletin }: { bulletin: TBulletin }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={phone ? 1 : 3}
          items={[
            { key: 'office', label: t('supervision.publisher'), children: bulletin.officeName },
            {
              key: 'at',
              label: t('supervision.publishedAt'),
              children: [formatDateTime(bulletin.publishedAt), bulletin.publishedByName]
                .filter(Boolean)
                .join(' · '),
            },
            ...(bulletin.inspectionTitle
              ? [
                  {
                    key: 'inspection',
                    label: t('supervision.aboutInspection'),
                    children: bulletin.inspectionTitle,
                  },
                ]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 15, lineHeight: 1.8 }}>
          {bulletin.body}
        </Typography.Paragraph>
        {bulletin.findings.length > 0 && (
          <Flex vertical gap={4}>
            <Typography.Text strong>{t('supervision.namedFindings')}</Typography.Text>
            {bulletin.findings.map((f) => (
              <Typography.Text key={f.id} type="secondary">
                · {f.description}
              </Typography.Text>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
