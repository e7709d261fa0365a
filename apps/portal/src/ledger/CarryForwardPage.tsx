import { RetweetOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TCampaign, TTermComparison } from '@wenming/domain';
import {
  ErrorState,
  EvidenceKindTag,
  formatDate,
  LoadingState,
  Notice,
  PageContainer,
  useErrorMessage,
  useLedger,
  usePhone,
  useToast,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CampaignGate } from '../campaign/CampaignGate';
import { useEvidenceAbility } from './useEvidenceAbility';
import { useInvalidateLedger } from './useInvalidateLedger';

type Candidate = TTermComparison['candidates'][number];
type Row = TTermComparison['indicators'][number];

const STATUS_COLORS: Record<Row['status'], string | undefined> = {
  carried: 'green',
  changed: 'blue',
  new: 'cyan',
  missing: 'red',
  empty: undefined,
};

function CandidateTitle({ item }: { item: Candidate }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{item.title}</Typography.Text>
      <Flex gap={4} wrap>
        <EvidenceKindTag kind={item.kind} />
        {item.standing && (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('ledger.standing')}
          </Tag>
        )}
        {item.carried && (
          <Tag color="default" style={{ marginInlineEnd: 0 }}>
            {t('ledger.carried_already')}
          </Tag>
        )}
      </Flex>
    </Flex>
  );
}

function Codes({ item }: { item: Candidate }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {item.indicatorCodes.map((code) =>
        item.unmappedCodes.includes(code) ? (
          <Tooltip key={code} title={t('ledger.unmapped_hint', { code })}>
            <Tag color="warning" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
              {code}
            </Tag>
          </Tooltip>
        ) : (
          <Tag key={code} style={{ marginInlineEnd: 0 }}>
            {code}
          </Tag>
        ),
      )}
    </Flex>
  );
}

function CarryForward({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateLedger();
  const phone = usePhone();
  const ability = useEvidenceAbility(campaign);
  const comparison = useQuery(trpc.ledger.termComparison.queryOptions({ campaignId: campaign.id }));
  // The comparison names indicators in Chinese; the framework has them in the reader's language.
  const names = new Map(useLedger(campaign).indicators.map((i) => [i.code, i.name]));
  const [chosen, setChosen] = useState<string[] | null>(null);
  const carry = useMutation(
    trpc.ledger.carryForward.mutationOptions({
      onSuccess: (result) => {
        invalidate();
        setChosen([]);
        toast.success(t('ledger.carried_n', { carried: result.carried, skipped: result.skipped }));
      },
    }),
  );
  const crumbs = [{ title: t('ledger.title'), path: '/ledger' }, { title: t('ledger.carry_forward') }];
  const page = (body: React.ReactNode) => (
    <PageContainer
      title={t('ledger.carry_forward')}
      subTitle={campaign.unitName}
      breadcrumb={crumbs}
      backTo="/ledger"
    >
      {body}
    </PageContainer>
  );
  if (comparison.isPending) return page(<LoadingState />);
  if (comparison.isError)
    return page(<ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />);
  const data = comparison.data;
  if (!data.previousCampaignId) {
    return page(
      <Notice
        kind="info"
        title={t('ledger.no_previous')}
        subTitle={t('ledger.no_previous_hint')}
        extra={<Button onClick={() => navigate('/ledger')}>{t('ledger.back_to_ledger')}</Button>}
      />,
    );
  }
  const selectable = ability.canCarryForward;
  const defaults = data.candidates.filter((c) => c.standing && !c.carried).map((c) => c.id);
  const selected = chosen ?? defaults;
  const unmapped = data.candidates.filter(
    (c) => selected.includes(c.id) && c.unmappedCodes.length > 0,
  ).length;

  const candidateColumns: TableProps<Candidate>['columns'] = [
    { key: 'title', title: t('ledger.title_col'), render: (_, c) => <CandidateTitle item={c} /> },
    {
      key: 'eventDate',
      title: t('ledger.event_date'),
      width: 110,
      responsive: ['md'],
      render: (_, c) => formatDate(c.eventDate),
    },
    {
      key: 'codes',
      title: t('ledger.indicator'),
      width: phone ? 110 : 220,
      render: (_, c) => <Codes item={c} />,
    },
  ];
  const comparisonColumns: TableProps<Row>['columns'] = [
    {
      key: 'indicator',
      title: t('ledger.indicator'),
      render: (_, r) => (
        <span>
          <Typography.Text type="secondary">{r.code}</Typography.Text> {names.get(r.code) ?? r.name}
        </span>
      ),
    },
    {
      key: 'previous',
      title: t('ledger.cmp_previous'),
      dataIndex: 'previous',
      width: 90,
      responsive: ['md'],
    },
    { key: 'carried', title: t('ledger.cmp_carried'), dataIndex: 'carried', width: 90, responsive: ['md'] },
    { key: 'changed', title: t('ledger.cmp_changed'), dataIndex: 'changed', width: 90, responsive: ['lg'] },
    { key: 'added', title: t('ledger.cmp_added'), dataIndex: 'added', width: 90, responsive: ['md'] },
    {
      key: 'status',
      title: t('ledger.cmp_status'),
      width: 110,
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`ledger.cmpstatus_${r.status}`)}</Tag>,
    },
  ];

  return page(
    <>
      <Card title={t('ledger.previous_items')}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('ledger.carry_hint')}</Typography.Text>
          {unmapped > 0 && (
            <Alert type="warning" showIcon title={t('ledger.unmapped_warning', { n: unmapped })} />
          )}
          <Table<Candidate>
            rowKey="id"
            size="middle"
            columns={candidateColumns}
            dataSource={data.candidates}
            pagination={data.candidates.length > 50 ? { pageSize: 50 } : false}
            rowSelection={
              selectable
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setChosen(keys.map(String)),
                    getCheckboxProps: (c) => ({ disabled: c.carried, 'aria-label': c.title }),
                  }
                : undefined
            }
          />
          {carry.error && <Alert type="error" showIcon title={errorMessage(carry.error)} />}
          {selectable && (
            <Flex justify="end">
              <Button
                type="primary"
                icon={<RetweetOutlined />}
                disabled={selected.length === 0}
                loading={carry.isPending}
                onClick={() => carry.mutate({ campaignId: campaign.id, evidenceIds: selected })}
              >
                {t('ledger.carry_selected', { n: selected.length })}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
      <Card title={t('ledger.comparison')}>
        <Table<Row>
          rowKey="code"
          size="small"
          columns={comparisonColumns}
          dataSource={data.indicators}
          pagination={false}
        />
      </Card>
    </>,
  );
}

export default function CarryForwardPage() {
  const { t } = useTranslation();
  return (
    <CampaignGate title={t('ledger.carry_forward')}>
      {(campaign) => <CarryForward campaign={campaign} />}
    </CampaignGate>
  );
}
