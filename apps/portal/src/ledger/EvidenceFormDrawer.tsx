import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EVIDENCE_KINDS,
  type TCampaign,
  type TEvidence,
  ZCreateEvidence,
  ZReviseEvidence,
} from '@wenming/domain';
import {
  apiErrorInfo,
  type FilePrefill,
  type LedgerCategory,
  type LedgerIndicator,
  useApplyFieldErrors,
  useErrorMessage,
  useMe,
  usePhone,
  useToast,
  useTRPC,
  useZodRule,
  useZodSubmit,
} from '@wenming/ui';
import { Alert, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Attachment, AttachmentsField } from './AttachmentsField';
import {
  attachmentsOf,
  daysSince,
  type EvidenceValues,
  newValues,
  payloadOf,
  today,
  valuesOf,
} from './evidence-values';
import { IndicatorLinkFields } from './IndicatorLinkFields';
import type { EvidenceAbility } from './useEvidenceAbility';
import { useInvalidateLedger } from './useInvalidateLedger';

const FIELDS = [
  'kind',
  'title',
  'description',
  'eventDate',
  'departmentId',
  'keeper',
  'participants',
  'place',
  'taskIds',
];

/**
 * 登记台账 / 修订: one form for filing and revising. Files upload as soon as they are chosen;
 * the capture time is the server's clock, never the form's.
 */
export default function EvidenceFormDrawer({
  campaign,
  categories,
  indicators,
  departments,
  ability,
  item: initial,
  prefill = {},
  onClose,
}: {
  campaign: TCampaign;
  categories: LedgerCategory[];
  indicators: LedgerIndicator[];
  departments: { id: string; name: string }[];
  ability: EvidenceAbility;
  /** Revising this item; filing a new one without it. */
  item?: TEvidence;
  prefill?: FilePrefill;
  onClose: (saved?: TEvidence) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const rule = useZodRule();
  const zodSubmit = useZodSubmit();
  const applyFieldErrors = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateLedger();
  const phone = usePhone();
  const [form] = Form.useForm<EvidenceValues>();
  const [item, setItem] = useState(initial);
  const [conflict, setConflict] = useState(false);
  const [attachments, setAttachments] = useState<Attachment[]>(() => (initial ? attachmentsOf(initial) : []));
  const kind = Form.useWatch('kind', form);
  const eventDate = Form.useWatch('eventDate', form);
  const tasks = useQuery(trpc.task.list.queryOptions({ campaignId: campaign.id, limit: 200 }));

  const allowedDepartments = departments.filter(
    (d) => ability.canFileFor(d.id) || (item && d.id === item.departmentId),
  );
  const noDepartmentAllowed = ability.canFileFor(null);
  const [initialValues] = useState<EvidenceValues>(() =>
    initial
      ? valuesOf(initial)
      : newValues(prefill, me.user.displayName, noDepartmentAllowed ? undefined : allowedDepartments[0]?.id),
  );

  const onError = async (error: unknown) => {
    if (apiErrorInfo(error).appCode === 'STALE_VERSION' && item) {
      setConflict(true);
      const fresh = await queryClient.fetchQuery({
        ...trpc.evidence.get.queryOptions({ id: item.id }),
        staleTime: 0,
      });
      setItem(fresh);
      form.setFieldsValue(valuesOf(fresh));
      setAttachments(attachmentsOf(fresh));
      invalidate();
      return;
    }
    applyFieldErrors(form, error, FIELDS);
  };
  const onSuccess = (saved: TEvidence) => {
    invalidate();
    toast.success(item ? t('ledger.revised') : t('ledger.filed'));
    onClose(saved);
  };
  const create = useMutation(trpc.evidence.create.mutationOptions({ onSuccess, onError }));
  const revise = useMutation(trpc.evidence.revise.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || revise.isPending;
  const error = create.error ?? revise.error;
  const uploading = attachments.some((a) => a.status === 'uploading');

  const submit = (values: EvidenceValues) => {
    setConflict(false);
    const fields = payloadOf(values, attachments, indicators);
    if (item) {
      const input = zodSubmit(form, ZReviseEvidence, { ...fields, id: item.id, revision: item.revision });
      if (input) revise.mutate(input);
    } else {
      const input = zodSubmit(form, ZCreateEvidence, { ...fields, campaignId: campaign.id });
      if (input) create.mutate(input);
    }
  };

  const shape = ZCreateEvidence.shape;
  const late = daysSince(eventDate);
  const info = error ? apiErrorInfo(error) : null;
  const fieldError = info?.fields && Object.keys(info.fields).some((f) => FIELDS.includes(f));
  const failed = attachments.filter((a) => a.status === 'error').length;

  return (
    <Drawer
      open
      title={item ? t('ledger.revise_title') : t('ledger.file_title')}
      size={phone ? '100%' : 720}
      onClose={() => onClose()}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {uploading ? t('ledger.wait_uploads') : failed ? t('ledger.failed_uploads', { n: failed }) : null}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
            <Button type="primary" loading={pending} disabled={uploading} onClick={() => form.submit()}>
              {item ? t('ledger.save_revision') : t('ledger.submit_file')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<EvidenceValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        disabled={pending}
        scrollToFirstError
      >
        <Alert type="info" showIcon title={t('ledger.server_time')} style={{ marginBottom: 16 }} />
        {conflict && (
          <Alert type="warning" showIcon title={t('ledger.conflict')} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('ledger.kind')} rules={rule(shape.kind, {}, true)}>
              <Select
                placeholder={t('ledger.choose_kind')}
                options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`ledger.kind_${k}`) }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="eventDate"
              label={t('ledger.event_date')}
              rules={rule(shape.eventDate, {}, true)}
              extra={late > 7 ? t('ledger.late_warning', { n: late }) : t('ledger.event_date_hint')}
            >
              <Input type="date" max={today()} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="title" label={t('ledger.title_label')} rules={rule(shape.title, {}, true)}>
              <Input maxLength={200} placeholder={t('ledger.title_placeholder')} />
            </Form.Item>
          </Col>
          {kind === 'activity' && (
            <>
              <Col xs={12} sm={8}>
                <Form.Item
                  name="participants"
                  label={t('ledger.participants')}
                  rules={rule(shape.participants)}
                >
                  <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={16}>
                <Form.Item name="place" label={t('ledger.place')} rules={rule(shape.place)}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>

        <Form.Item label={t('ledger.files')} required={false}>
          <AttachmentsField value={attachments} onChange={setAttachments} disabled={pending} />
        </Form.Item>

        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <Form.Item label={t('ledger.linked_indicators')} extra={t('ledger.links_hint')}>
              <Flex vertical gap={12}>
                {fields.map((field, index) => (
                  <IndicatorLinkFields
                    key={field.key}
                    form={form}
                    name={field.name}
                    index={index}
                    categories={categories}
                    indicators={indicators}
                    onRemove={() => remove(field.name)}
                  />
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ explanation: '', materials: [] })}
                  disabled={fields.length >= 50}
                >
                  {t('ledger.add_link')}
                </Button>
              </Flex>
            </Form.Item>
          )}
        </Form.List>

        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="departmentId"
              label={t('ledger.department')}
              rules={[
                ...rule(shape.departmentId),
                ...(noDepartmentAllowed
                  ? []
                  : [{ required: true, message: t('ledger.department_required') }]),
              ]}
            >
              <Select
                allowClear={noDepartmentAllowed}
                placeholder={t('ledger.no_department')}
                options={allowedDepartments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="keeper"
              label={t('ledger.keeper')}
              rules={rule(shape.keeper)}
              extra={t('ledger.keeper_hint')}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('ledger.description')} rules={rule(shape.description)}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="taskIds" label={t('ledger.tasks')} rules={rule(shape.taskIds)}>
          <Select
            mode="multiple"
            allowClear
            loading={tasks.isPending}
            placeholder={t('ledger.tasks_placeholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(tasks.data?.items ?? []).map((task) => ({ value: task.id, label: task.title }))}
          />
        </Form.Item>

        {error && !fieldError && <Alert type="error" showIcon title={errorMessage(error)} />}
      </Form>
    </Drawer>
  );
}
