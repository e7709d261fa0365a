import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TReportDue, ZFileReport } from '@wenming/domain';
import {
  FormModal,
  PageContainer,
  ReportDueTable,
  useAppAbility,
  useErrorMessage,
  usePhone,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidencePicker } from './EvidencePicker';
import { MeetingsCard } from './MeetingsCard';

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
  const phone = usePhone();
  const [filing, setFiling] = useState<TReportDue | null>(null);
  const due = useQuery(trpc.report.due.queryOptions({}));
  const canFile = ability.can('create', 'Report');
  return (
    <PageContainer
      title={t('supervision.reports')}
      subTitle={phone ? undefined : t('supervision.reportsHint')}
    >
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ReportDueTable
          due={due}
          emptyText={t('supervision.reportsEmpty')}
          action={
            canFile
              ? {
                  width: phone ? 72 : 100,
                  render: (r) =>
                    r.status !== 'filed' && (
                      <Button
                        size="small"
                        type={r.status === 'overdue' ? 'primary' : 'default'}
                        onClick={() => setFiling(r)}
                      >
                        {t('supervision.fileReport')}
                      </Button>
                    ),
                }
              : undefined
          }
        />
      </Card>
      {filing && <FileReportModal due={filing} onClose={() => setFiling(null)} />}
      <div style={{ height: 16 }} />
      <MeetingsCard />
    </PageContainer>
  );
}
