import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZRecordMeeting } from '@wenming/domain';
import {
  EmptyState,
  ErrorState,
  FormModal,
  formatDate,
  useAppAbility,
  useErrorMessage,
  useMe,
  useToast,
  useTRPC,
  useZodRule,
} from '@wenming/ui';
import { Alert, Button, Card, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Values {
  title: string;
  heldOn: string;
  place: string;
  attendees: string[];
  absentees: string[];
  minutes: string;
}

function RecordMeetingModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const record = useMutation(
    trpc.meeting.record.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.meeting.pathKey() });
        toast.success(t('supervision.meetingRecorded'));
        onClose();
      },
    }),
  );
  // The browser's own date: a meeting is recorded after it was held, never dated ahead.
  const today = new Date().toLocaleDateString('sv');
  const people = { mode: 'tags' as const, open: false, tokenSeparators: ['，', ',', '、', ' '] };
  return (
    <FormModal<Values>
      title={t('supervision.recordMeeting')}
      okText={t('supervision.recordMeeting')}
      form={form}
      pending={record.isPending}
      onClose={onClose}
      initialValues={{ heldOn: today, attendees: [], absentees: [] }}
      onFinish={(v) =>
        record.mutate({
          unitId,
          title: v.title.trim(),
          heldOn: v.heldOn,
          place: v.place?.trim() || undefined,
          attendees: v.attendees,
          absentees: v.absentees ?? [],
          minutes: v.minutes.trim(),
        })
      }
    >
      <Form.Item
        name="title"
        label={t('supervision.meetingTitle')}
        rules={rule(ZRecordMeeting.shape.title, {}, true)}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="heldOn" label={t('supervision.meetingHeldOn')} rules={[{ required: true }]}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="place" label={t('supervision.meetingPlace')} style={{ flex: 1, minWidth: 180 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="attendees"
        label={t('supervision.meetingAttendees')}
        extra={t('supervision.meetingPeopleHint')}
        rules={rule(ZRecordMeeting.shape.attendees, {}, true)}
      >
        <Select {...people} />
      </Form.Item>
      <Form.Item name="absentees" label={t('supervision.meetingAbsentees')}>
        <Select {...people} />
      </Form.Item>
      <Form.Item
        name="minutes"
        label={t('supervision.meetingMinutes')}
        rules={rule(ZRecordMeeting.shape.minutes, {}, true)}
      >
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={5000} showCount />
      </Form.Item>
      {record.error && <Alert type="error" showIcon title={errorMessage(record.error)} />}
    </FormModal>
  );
}

/** 领导小组例会: the unit's meetings on record, and recording one (its minutes go into the ledger). */
export function MeetingsCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ability = useAppAbility();
  const unitId = useMe().scope.unitId;
  const [recording, setRecording] = useState(false);
  const meetings = useQuery(trpc.meeting.list.queryOptions({ limit: 50 }));
  const canRecord = unitId !== null && ability.can('create', 'Meeting');
  return (
    <Card
      title={t('supervision.meetings')}
      extra={
        canRecord && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('supervision.recordMeeting')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('supervision.meetingsHint')}</Typography.Paragraph>
      {meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : (
        <List
          loading={meetings.isPending}
          dataSource={meetings.data?.items ?? []}
          locale={{ emptyText: <EmptyState description={t('supervision.meetingsEmpty')} /> }}
          renderItem={(m) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Typography.Text strong>{m.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(m.heldOn)}
                  {m.place && ` · ${m.place}`} ·{' '}
                  {t('supervision.meetingPeople', { count: m.attendees.length })}
                </Typography.Text>
              </Flex>
              <Tag color={m.ledgerEvidenceId ? 'success' : 'default'}>
                {t(m.ledgerEvidenceId ? 'supervision.meetingInLedger' : 'supervision.meetingNoLedger')}
              </Tag>
            </List.Item>
          )}
        />
      )}
      {recording && unitId && <RecordMeetingModal unitId={unitId} onClose={() => setRecording(false)} />}
    </Card>
  );
}
