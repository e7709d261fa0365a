import type { TUnit } from '@wenming/domain';
import { Card, Col, Descriptions, type DescriptionsProps, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { byName } from '../i18n/collate';
import { loadWorkStrings } from '../i18n/work';
import { usePhone } from '../layout/screens';
import { formatDateTime, formatTerm } from '../status/format';
import { StatusLevelTag } from '../status/StatusLevelTag';
import { StatusHistory } from './StatusHistory';

loadWorkStrings();

function Dash() {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
}

function orDash(value: string | null | undefined): ReactNode {
  return value ? value : <Dash />;
}

/** A unit's register entry, its departments and its status history: the same in both apps. */
export function UnitProfile({ unit, departmentsEmptyHint }: { unit: TUnit; departmentsEmptyHint?: string }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const contact = [unit.contactName, unit.contactPhone].filter(Boolean).join(' · ');

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('unit.code'), children: unit.code },
    { key: 'type', label: t('unit.type'), children: t(`unitType.${unit.type}`) },
    { key: 'office', label: t('unit.office'), children: unit.officeName },
    { key: 'level', label: t('unit.level'), children: <StatusLevelTag level={unit.level} /> },
    {
      key: 'term',
      label: t('unit.term'),
      children: orDash(formatTerm(unit.termStartYear, unit.termEndYear)),
    },
    { key: 'decisionNo', label: t('unit.decisionNo'), children: orDash(unit.decisionNo) },
    { key: 'address', label: t('unit.address'), children: orDash(unit.address), span: 'filled' },
    { key: 'contact', label: t('unit.contact'), children: orDash(contact) },
    { key: 'updatedAt', label: t('unit.updatedAt'), children: formatDateTime(unit.updatedAt) },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Flex vertical gap={16}>
          <Card title={t('unit.profile')} size={phone ? 'small' : 'medium'}>
            <Descriptions
              items={items}
              column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
              size="small"
              styles={{ label: { whiteSpace: 'nowrap' } }}
            />
          </Card>
          <Card
            title={`${t('unit.departments')}${unit.departments.length ? ` (${unit.departments.length})` : ''}`}
            size={phone ? 'small' : 'medium'}
          >
            {unit.departments.length === 0 ? (
              <Typography.Text type="secondary">
                {departmentsEmptyHint ?? t('unit.departmentsEmpty')}
              </Typography.Text>
            ) : (
              <Flex gap={8} wrap>
                {[...unit.departments].sort(byName((d) => d.name)).map((d) => (
                  <Tag key={d.id} style={{ marginInlineEnd: 0, fontSize: 14, padding: '2px 10px' }}>
                    {d.name}
                  </Tag>
                ))}
              </Flex>
            )}
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t('unit.history')} size={phone ? 'small' : 'medium'}>
          <StatusHistory unitId={unit.id} />
        </Card>
      </Col>
    </Row>
  );
}
