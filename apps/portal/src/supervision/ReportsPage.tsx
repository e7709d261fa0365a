import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TReportDue, ZFileReport } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  FormModal,
  formatDate,
  PageContainer,
  useAppAbility,
  useErrorMessage,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Grid,
  Input,
  Table,
  type TableColumnType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidencePicker } from './EvidencePicker';
import { MeetingsCard } from './MeetingsCard';

const STATUS_COLORS = { overdue: 'error', due: 'warning', filed: 'success' } as const;
/** Overdue first, then what is due soonest; filed ones last. */
const ORDER = { overdue: 0, due: 1, filed: 2 } as const;

interface Values {
  title: string;
  body: string;
  evidenceIds: string[];
}

function FileReportModal({ due, onClose }: { due: TReportDue; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const file = useMutation(
    trpc.report.file.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
        toast.success(t('supervision.reportFiled'));
        onClose();
      },
    }),
  );
  return (
    <FormModal<Values>
      title={t('supervision.fileReportTitle', { period: `${due.periodStart} – ${due.periodEnd}` })}
      okText={t('supervision.fileReportOk')}
      form={form}
      pending={file.isPending}
      onClose={onClose}
      initialValues={{
        title: `${due.scheduleTitle}（${due.periodStart} – ${due.periodEnd}）`,
        body: '',
        evidenceIds: [],
      }}
      onFinish={(values) =>
        file.mutate({
          scheduleId: due.scheduleId,
          unitId: due.unitId,
          periodKey: due.periodKey,
          title: values.title.trim(),
          body: values.body.trim(),
          evidenceIds: values.evidenceIds ?? [],
        })
      }
    >
      <Form.Item
        name="title"
        label={t('supervision.reportTitle')}
        rules={rule(ZFileReport.shape.title, {}, true)}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('supervision.reportBody')}
        rules={rule(ZFileReport.shape.body, {}, true)}
        extra={t('supervision.reportBodyHint')}
      >
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item
        name="evidenceIds"
        label={t('supervision.reportEvidence')}
        rules={rule(ZFileReport.shape.evidenceIds)}
      >
        <EvidencePicker initialLabels={{}} />
      </Form.Item>
      {file.error && <Alert type="error" showIcon title={errorMessage(file.error)} />}
    </FormModal>
  );
}

/** 工作报告: every period the office asks a report for, overdue first; filing one puts it in the ledger too. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const phone = Grid.useBreakpoint().md === false;
  const [filing, setFiling] = useState<TReportDue | null>(null);
  const due = useQuery(trpc.report.due.queryOptions({}));
  const canFile = ability.can('create', 'Report');
  const items = [...(due.data?.items ?? [])].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.dueOn.localeCompare(b.dueOn),
  );
  const columns: TableColumnType<TReportDue>[] = [
    {
      key: 'title',
      title: t('supervision.reportSchedule'),
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text>{r.scheduleTitle}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.reportPeriod', { from: r.periodStart, to: r.periodEnd })}
            {phone && ` · ${t('supervision.dueOn', { date: r.dueOn })}`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'due',
      title: t('supervision.reportDueOn'),
      width: 120,
      responsive: ['md'],
      render: (_, r) => r.dueOn,
    },
    {
      key: 'status',
      title: t('supervision.reportStatus'),
      width: phone ? 90 : 150,
      render: (_, r) => (
        <Flex vertical gap={2} align="start">
          <Tag color={STATUS_COLORS[r.status]} style={{ marginInlineEnd: 0 }}>
            {t(`supervision.report_${r.status}`)}
          </Tag>
          {r.filedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(r.filedAt)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(canFile
      ? [
          {
            key: 'action',
            width: phone ? 72 : 100,
            render: (_: unknown, r: TReportDue) =>
              r.status !== 'filed' && (
                <Button
                  size="small"
                  type={r.status === 'overdue' ? 'primary' : 'default'}
                  onClick={() => setFiling(r)}
                >
                  {t('supervision.fileReport')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <PageContainer
      title={t('supervision.reports')}
      subTitle={phone ? undefined : t('supervision.reportsHint')}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        {due.isError ? (
          <ErrorState error={due.error} onRetry={() => void due.refetch()} />
        ) : (
          <Table<TReportDue>
            rowKey={(r) => `${r.scheduleId}:${r.periodKey}`}
            size="middle"
            columns={columns}
            dataSource={items}
            loading={due.isFetching}
            pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{
              emptyText: due.isPending ? ' ' : <EmptyState description={t('supervision.reportsEmpty')} />,
            }}
          />
        )}
      </Card>
      {filing && <FileReportModal due={filing} onClose={() => setFiling(null)} />}
      <div style={{ height: 16 }} />
      <MeetingsCard />
    </PageContainer>
  );
}
