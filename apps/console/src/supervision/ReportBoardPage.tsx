import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DUTY_PERIODS, type DutyPeriod, REPORT_DUE_STATUSES, ZCreateReportSchedule } from '@wenming/domain';
import {
  chinaDate,
  FormModal,
  PageContainer,
  ReportDueTable,
  useAppAbility,
  useErrorMessage,
  useMe,
  usePhone,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TargetFields } from '../offices/TargetFields';

interface Values {
  officeId?: string;
  title: string;
  period: DutyPeriod;
  dueDay: number;
  startsOn: string;
  unitIds?: string[];
}

/** The office asks units for a periodic work report; no units chosen means every unit below the office. */
function ScheduleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const create = useMutation(
    trpc.report.createSchedule.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
        toast.success(t('supervision.scheduleCreated'));
        onClose();
      },
    }),
  );
  return (
    <FormModal<Values>
      title={t('supervision.newSchedule')}
      okText={t('common.create')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      initialValues={{
        officeId: me.roles.find((r) => r.role === 'office_admin')?.officeId,
        title: t('supervision.scheduleTitleDefault'),
        period: 'quarterly',
        dueDay: 10,
        startsOn: chinaDate(),
        unitIds: [],
      }}
      onFinish={(values) =>
        create.mutate({
          officeId: values.officeId ?? '',
          title: values.title.trim(),
          period: values.period,
          dueDay: values.dueDay,
          startsOn: values.startsOn,
          unitIds: values.unitIds ?? [],
        })
      }
    >
      <Form.Item
        name="title"
        label={t('supervision.reportSchedule')}
        rules={rule(ZCreateReportSchedule.shape.title, {}, true)}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="period" label={t('supervision.schedulePeriod')} style={{ minWidth: 140 }}>
          <Select options={DUTY_PERIODS.map((p) => ({ value: p, label: t(`supervision.period_${p}`) }))} />
        </Form.Item>
        <Form.Item
          name="dueDay"
          label={t('supervision.scheduleDueDay')}
          extra={t('supervision.scheduleDueDayHint')}
        >
          <InputNumber min={1} max={28} />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t('supervision.scheduleStarts')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input type="date" />
        </Form.Item>
      </Flex>
      <TargetFields
        inspectors={false}
        officeLabel={t('supervision.publisher')}
        unitsLabel={t('supervision.scheduleUnits')}
        optionalUnits
      />
      {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} />}
    </FormModal>
  );
}

/** 工作报告: what each unit owes, overdue first, and the schedules that ask for them. */
export default function ReportBoardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const status = REPORT_DUE_STATUSES.find((s) => s === params.get('status'));
  const due = useQuery(trpc.report.due.queryOptions({ status }));
  const schedules = useQuery(trpc.report.schedules.queryOptions({}));
  const canCreate = ability.can('review', 'Report');
  return (
    <PageContainer
      title={t('supervision.reports')}
      subTitle={phone ? undefined : t('supervision.reportsOfficeHint')}
      extra={
        canCreate && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('supervision.newSchedule')}
          </Button>
        )
      }
    >
      {schedules.data && schedules.data.items.length > 0 && (
        <Typography.Text type="secondary">
          {t('supervision.schedulesLine', {
            list: schedules.data.items
              .map(
                (s) =>
                  `${s.title}（${t(`supervision.period_${s.period}`)}，${t('supervision.unitCount', { count: s.units })}）`,
              )
              .join('、'),
          })}
        </Typography.Text>
      )}
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={16}>
          <Segmented<string>
            value={status ?? 'all'}
            onChange={(v) => setParams(v === 'all' ? {} : { status: v }, { replace: true })}
            options={[
              { value: 'all', label: t('supervision.allStatuses') },
              ...REPORT_DUE_STATUSES.map((s) => ({ value: s, label: t(`supervision.report_${s}`) })),
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <ReportDueTable due={due} byUnit emptyText={t('supervision.reportsEmptyOffice')} />
        </Flex>
      </Card>
      {creating && <ScheduleModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
